import KawalUI
