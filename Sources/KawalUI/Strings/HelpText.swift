/// The `--help` pages of the command line: the argument parser's own words (headings, the
/// help flag, defaults) and the texts of `kawal`, `open`, `demo`, `render`, `import`,
/// `export` and `bench`. The case desk's commands have `CaseHelpText`.
public enum HelpText: String, CatalogueKey {
    // The parser's words, as it writes them in English (`HelpPage` finds them by these).
    case pageOverview
    case pageUsage
    case pageArguments
    case pageOptions
    case pageSubcommands
    case pageSeeHelp
    case pageShowHelp
    case pageDefault
    case pageDefaultSubcommand

    case rootAbstract
    case rootDiscussion
    case openAbstract
    case openDemo
    case demoAbstract
    case demoCompanies
    case demoSeed
    case commonDatabase
    case commonLanguage
    case commonToday
    case renderAbstract
    case renderScreen
    case renderSize
    case renderSearch
    case renderCompany
    case renderASCII
    case importAbstract
    case importDiscussion
    case importSource
    case importFile
    case importDryRun
    case importDelimiter
    case exportAbstract
    case exportDiscussion
    case exportKind
    case exportStatus
    case exportStage
    case exportKecamatan
    case exportSector
    case exportSearch
    case exportSort
    case exportReverse
    case exportFormat
    case exportDelimiter
    case exportOut
    case benchAbstract
    case benchCompanies
    case benchDatabase
    case benchKeep
    case benchSeed
    case benchToday
    case benchQueries
    case benchWords
    case benchCPUTime
    case importBenchAbstract
    case importBenchRows
    case importBenchFolder
    case importBenchKeep

    public static let indonesian: [HelpText: String] = [
        .pageOverview: "RINGKASAN:",
        .pageUsage: "PEMAKAIAN:",
        .pageArguments: "ARGUMEN:",
        .pageOptions: "OPSI:",
        .pageSubcommands: "SUBPERINTAH:",
        .pageSeeHelp: "Lihat '{0} <subperintah>' untuk bantuan lengkap.",
        .pageShowHelp: "Tampilkan bantuan ini.",
        .pageDefault: "(bawaan:",
        .pageDefaultSubcommand: "(bawaan)",

        .rootAbstract: "Kawal: meja kasus kepatuhan kantor cabang BPJS Ketenagakerjaan.",
        .rootDiscussion: "Tanpa subperintah, membuka meja kasus di terminal. Tombol: j/k pindah, Enter buka, / cari, f saring, s urutkan, ? semua tombol, q keluar.",
        .openAbstract: "Buka meja kasus (bawaan).",
        .openDemo: "Buka basis data demo (ditulis saat pertama kali dipakai).",
        .demoAbstract: "Tulis basis data demo Pekalongan yang realistis dan selalu sama.",
        .demoCompanies: "Jumlah perusahaan.",
        .demoSeed: "Benih acak: benih yang sama memberi data yang sama.",
        .commonDatabase: "Berkas basis data (bawaan: $KAWAL_DB, bila tidak ada: $XDG_DATA_HOME/kawal/kawal.sqlite).",
        .commonLanguage: "Bahasa antarmuka: id (Bahasa Indonesia) atau en.",
        .commonToday: "Tetapkan \"hari ini\" (YYYY-MM-DD) untuk demo dan pengujian; juga $KAWAL_TODAY.",
        .renderAbstract: "Cetak satu layar sebagai teks biasa (berkas acuan di screens/ dibuat begini).",
        .renderScreen: "Layar: {0}.",
        .renderSize: "Ukuran terminal, misalnya 80x24.",
        .renderSearch: "Teks pencarian untuk layar pencarian.",
        .renderCompany: "ID perusahaan untuk layar rincian (bila tidak diberikan: perusahaan pertama yang kasusnya sudah di tahap teguran atau sesudahnya).",
        .renderASCII: "Gambar dengan karakter ASCII, seperti pada TERM=vt100.",
        .importAbstract: "Impor daftar Pemkot atau BPJAMSOSTEK (CSV) dalam satu transaksi.",
        .importDiscussion: "Baris yang gagal pemeriksaan ditulis apa adanya ke FILE.rejected.csv beserta nomor baris dan alasannya; semua yang lain diimpor, atau tidak ada sama sekali bila impor gagal. Kode keluar: 0 diimpor, 3 diimpor tetapi ada baris yang ditolak, 1 tidak ada yang diimpor (pesannya menjelaskan sebabnya), 2 kesalahan pemakaian, 128 + nomor sinyal bila dihentikan (130 untuk Ctrl-C; tidak ada yang diimpor). Di terminal, impor ke basis data yang belum ada bertanya dulu sebelum membuatnya.",
        .importSource: "Daftar yang mana: pemkot (milik Pemkot) atau bpjs (milik BPJAMSOSTEK).",
        .importFile: "Berkas CSV: UTF-8, dengan atau tanpa BOM (dari Excel, simpan sebagai \"CSV UTF-8\"). Judul di atas baris kepala kolom dilewati.",
        .importDryRun: "Periksa dan hitung semuanya, cetak ringkasannya, tanpa menulis apa pun.",
        .importDelimiter: "Pemisah kolom: auto (dikenali dari baris kepala), , atau ;.",
        .exportAbstract: "Ekspor perusahaan atau kasus sebagai CSV (untuk Excel) atau JSON, disaring seperti daftar.",
        .exportDiscussion: "Baris keluar dalam urutan daftar dan dibaca per halaman, sehingga berapa pun banyaknya, memori tetap datar. CSV berupa UTF-8 dengan BOM; NIB, NPP, KBLI dan nomor telepon ditulis =\"…\" agar Excel menyimpan setiap digitnya, begitu pula teks yang akan dibaca Excel sebagai rumus, yang dengan begitu tidak menjalankan apa pun. Tanpa --out, ekspor keluar ke standard output; dengan --out, berkasnya baru muncul setelah lengkap, dan di terminal satu baris menghitung barisnya.",
        .exportKind: "Yang diekspor: companies (perusahaan) atau cases (perusahaan yang punya kasus, beserta kasusnya).",
        .exportStatus: "Status kepesertaan: PWBD, PDS-TK, PDS-Upah, PDS-Program, Patuh (ulangi opsinya atau pisahkan dengan koma).",
        .exportStage: "Tahap kasus, misalnya identified, warning1 (atau \"Teguran I\", \"Teguran 1\"), referred (ulangi opsinya atau pisahkan dengan koma).",
        .exportKecamatan: "Kecamatan, misalnya \"Pekalongan Barat\" atau Barat (ulangi opsinya atau pisahkan dengan koma).",
        .exportSector: "Kode KBLI 5 angka, misalnya 13134 (ulangi opsinya atau pisahkan dengan koma).",
        .exportSearch: "Teks pencarian, seperti / di daftar: nama, alamat, NPWP, pemilik.",
        .exportSort: "Urutan: {0}.",
        .exportReverse: "Balik arah urutan yang biasa.",
        .exportFormat: "csv atau json. Tanpa opsi ini: json untuk --out yang berakhiran .json, selain itu csv.",
        .exportDelimiter: "Pemisah kolom CSV: , atau ; (Excel dengan pengaturan wilayah Indonesia).",
        .exportOut: "Tulis ke berkas ini, bukan ke standard output (- untuk standard output). Basis data, berkas SQLite lain dan berkas yang tidak boleh ditulisi tidak pernah ditimpa; berkas yang ditimpa tetap dengan izinnya.",
        .benchAbstract: "Ukur waktu mulai, jeda tombol, bita keluaran dan memori pada basis data demo yang besar (alat pengembang).",
        .benchCompanies: "Jumlah perusahaan demo.",
        .benchDatabase: "Basis data demo (bila tidak diberikan: /tmp/kawal-bench-<companies>.sqlite); dipakai lagi bila isinya tepat sebanyak itu.",
        .benchKeep: "Simpan basis data yang ditulis pengukuran ini (bila tidak, dihapus). Basis data yang sudah ada selalu disimpan.",
        .benchSeed: "Benih data demo.",
        .benchToday: "\"Hari ini\" (YYYY-MM-DD) untuk data demo dan proses anak (bila tidak diberikan: tanggal setempat).",
        .benchQueries: "Ukur kueri penyimpanan secara langsung, tanpa menjalankan terminal.",
        .benchWords: "Dengan --queries: kata yang dicari, diketik satu karakter demi satu.",
        .benchCPUTime: "Dengan --queries: ukur waktu CPU utas yang menjalankan kueri, bukan waktu jam dinding (lebih stabil di mesin yang sibuk).",
        .importBenchAbstract: "Ukur kawal import atas daftar Pemkot dan BPJAMSOSTEK buatan, dibandingkan dengan .import sqlite3 (alat pengembang).",
        .importBenchRows: "Jumlah baris tiap daftar buatan.",
        .importBenchFolder: "Folder untuk berkas dan basis data buatan (dihapus sesudahnya, kecuali dengan --keep-files).",
        .importBenchKeep: "Simpan berkas dan basis data buatan.",
    ]

    public static let english: [HelpText: String] = [
        .pageOverview: "OVERVIEW:",
        .pageUsage: "USAGE:",
        .pageArguments: "ARGUMENTS:",
        .pageOptions: "OPTIONS:",
        .pageSubcommands: "SUBCOMMANDS:",
        .pageSeeHelp: "See '{0} <subcommand>' for detailed help.",
        .pageShowHelp: "Show help information.",
        .pageDefault: "(default:",
        .pageDefaultSubcommand: "(default)",

        .rootAbstract: "Kawal: the compliance case desk of a BPJS Ketenagakerjaan branch.",
        .rootDiscussion: "Without a subcommand, opens the case desk in the terminal. Keys: j/k move, Enter opens, / searches, f filters, s sorts, ? shows every key, q quits.",
        .openAbstract: "Open the case desk (the default).",
        .openDemo: "Open the demo database (written on first use).",
        .demoAbstract: "Write a deterministic, realistic Pekalongan demo database.",
        .demoCompanies: "How many companies.",
        .demoSeed: "Random seed: the same seed gives the same data.",
        .commonDatabase: "Database file (default: $KAWAL_DB, else $XDG_DATA_HOME/kawal/kawal.sqlite).",
        .commonLanguage: "Interface language: id (Bahasa Indonesia) or en.",
        .commonToday: "Fix \"today\" (YYYY-MM-DD) for demos and tests; also $KAWAL_TODAY.",
        .renderAbstract: "Print a screen as plain text (the golden files in screens/ are made this way).",
        .renderScreen: "Screen: {0}.",
        .renderSize: "Terminal size, e.g. 80x24.",
        .renderSearch: "Search text for the search screen.",
        .renderCompany: "Company id for the detail screen (when not given: the first company on a warning or later).",
        .renderASCII: "Draw with ASCII glyphs, as on TERM=vt100.",
        .importAbstract: "Import a Pemkot or BPJAMSOSTEK list (CSV) in one transaction.",
        .importDiscussion: "Rows that fail a check are written unchanged to FILE.rejected.csv with their line number and the reason; everything else is imported, or nothing at all if the import fails. Exit status: 0 imported, 3 imported but some rows were rejected, 1 nothing imported (the error says why), 2 usage error, 128 + the signal when interrupted (130 for Ctrl-C; nothing imported). At a terminal, an import into a database that does not exist asks before creating it.",
        .importSource: "Which list: pemkot (the city's) or bpjs (BPJAMSOSTEK's).",
        .importFile: "The CSV file: UTF-8, with or without a byte order mark (from Excel, save as \"CSV UTF-8\"). A title above the header row is skipped.",
        .importDryRun: "Check and count everything, print the summary, write nothing.",
        .importDelimiter: "Field delimiter: auto (detected from the header line), , or ;.",
        .exportAbstract: "Export companies or cases as CSV (for Excel) or JSON, filtered like the list.",
        .exportDiscussion: "Rows come in the list's order, read page by page, so any size exports in flat memory. CSV is UTF-8 with a byte order mark; NIB, NPP, KBLI and phone numbers are written =\"…\" so that Excel keeps every digit, and so is text that Excel would read as a formula, which then runs nothing. Without --out the export goes to standard output; with it, the file appears only once complete, and at a terminal one line counts its rows.",
        .exportKind: "What to export: companies or cases (companies with a case, and the case).",
        .exportStatus: "Compliance status: PWBD, PDS-TK, PDS-Upah, PDS-Program, Patuh (repeat or separate with commas).",
        .exportStage: "Case stage, e.g. identified, warning1 (or \"Teguran I\", \"Teguran 1\"), referred (repeat or separate with commas).",
        .exportKecamatan: "Kecamatan, e.g. \"Pekalongan Barat\" or Barat (repeat or separate with commas).",
        .exportSector: "5-digit KBLI code, e.g. 13134 (repeat or separate with commas).",
        .exportSearch: "Search text, as / in the list: name, address, NPWP, owner.",
        .exportSort: "Sort: {0}.",
        .exportReverse: "Reverse the sort's natural direction.",
        .exportFormat: "csv or json. Without it: json for an --out ending in .json, else csv.",
        .exportDelimiter: "CSV field separator: , or ; (Excel in an Indonesian locale).",
        .exportOut: "Write to this file instead of standard output (- for standard output). The database, any other SQLite file and a file this user may not write are never replaced; a replaced file keeps its permissions.",
        .benchAbstract: "Measure start-up, key latency, output bytes and memory on a large demo database (developer tool).",
        .benchCompanies: "How many demo companies.",
        .benchDatabase: "Demo database (when not given: /tmp/kawal-bench-<companies>.sqlite); reused when it holds exactly that many companies.",
        .benchKeep: "Keep a database the bench wrote (it is removed otherwise). A database that was already there is always kept.",
        .benchSeed: "Demo data seed.",
        .benchToday: "\"Today\" (YYYY-MM-DD) for the demo data and the child (when not given: the local date).",
        .benchQueries: "Time the store's queries directly instead of driving the terminal.",
        .benchWords: "With --queries: the words to search, typed a character at a time.",
        .benchCPUTime: "With --queries: time on-CPU time of the querying thread instead of wall time (steadier on a busy machine).",
        .importBenchAbstract: "Time kawal import of generated Pemkot and BPJAMSOSTEK lists against sqlite3 .import (developer tool).",
        .importBenchRows: "Rows in each generated list.",
        .importBenchFolder: "Folder for the generated files and databases (removed afterwards unless --keep-files).",
        .importBenchKeep: "Keep the generated files and databases.",
    ]
}
