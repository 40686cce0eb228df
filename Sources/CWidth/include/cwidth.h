#ifndef KAWAL_CWIDTH_H
#define KAWAL_CWIDTH_H
/// Display width of one Unicode scalar in terminal cells, from the C library's wcwidth
/// under a UTF-8 character locale, whatever the process locale is (-1: unprintable).
int kawal_wcwidth(unsigned int scalar);
#endif
