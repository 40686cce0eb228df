import KawalDomain

/// Keys of the string catalogues. Each case must have an entry in both languages (a test checks).
public enum StringKey: String, CaseIterable, Sendable {
    case appName
    case branchName
    case companiesCount
    case companiesCounting
    case readOnlyNotice
    case readOnlyExplain
    case loading
    case noCompanies
    case noCompaniesHint
    case columnName
    case columnKecamatan
    case columnKecamatanWide
    case columnSector
    case columnWorkers
    case columnWorkersWide
    case columnStatus
    case columnStage
    case columnDeadline
    case columnKelurahan
    case columnNPWP
    case filterLabel
    case filterNone
    case searchLabel
    case sortLabel
    case ascending
    case descending
    case positionOf
    case searchPrompt
    case searchHintTyping
    case sortName
    case sortKecamatan
    case sortSector
    case sortUnprotected
    case sortStatus
    case sortStage
    case sortDeadline
    case sortTitle
    case sortHint
    case filterTitle
    case filterHint
    case filterGroupStatus
    case filterGroupStage
    case filterGroupKecamatan
    case filterGroupSector
    case detailProfile
    case detailLadder
    case detailTimeline
    case detailNoCase
    case detailNoEvents
    case detailNotFound
    case fieldNPWP
    case fieldNIB
    case fieldNPP
    case fieldKBLI
    case fieldAddress
    case fieldOwner
    case fieldPhone
    case fieldScale
    case fieldStatus
    case fieldWorkers
    case workersSummary
    case fieldStage
    case fieldDeadline
    case fieldAssignee
    case fieldSources
    case valueNone
    case sourcePemkot
    case sourceBPJS
    case sourceManual
    case sourceDemo
    case scaleMikro
    case scaleKecil
    case scaleMenengah
    case scaleBesar
    case stageIdentified
    case stageNotified
    case stageVisited
    case stageWarning1
    case stageWarning2
    case stageExamined
    case stageSanctionRecommended
    case stageReferred
    case stageCompliant
    case stageClosed
    case stageShortIdentified
    case stageShortNotified
    case stageShortVisited
    case stageShortWarning1
    case stageShortWarning2
    case stageShortExamined
    case stageShortSanctionRecommended
    case stageShortReferred
    case stageShortCompliant
    case stageShortClosed
    case letterNotification
    case letterSocialisation
    case letterWarning1
    case letterWarning2
    case letterSanction
    case letterReferral
    case outcomeMet
    case outcomeNotMet
    case outcomeClosed
    case outcomeRefused
    case eventLetter
    case eventVisit
    case eventCall
    case eventMeeting
    case eventNote
    case eventPromise
    case eventPromiseLapsed
    case eventPromiseKept
    case eventStageChange
    case eventApprovalRequest
    case eventApproval
    case eventAssignment
    case eventCorrection
    case eventDeadline
    case eventPromiseUntil
    case eventBAP
    case eventWorkersCounted
    case eventStageTo
    case eventCorrects
    case eventContinuesIn
    case eventMergedFrom
    case visitKunjungan
    case visitPemeriksaan
    case helpTitle
    case keySpace
    case helpGroupGlobal
    case helpGroupList
    case helpGroupDetail
    case helpGroupSearch
    case helpFooter
    case tooSmallTitle
    case tooSmallBody
    case cmdQuit
    case cmdBack
    case cmdHelp
    case cmdDown
    case cmdUp
    case cmdPageDown
    case cmdPageUp
    case cmdHalfDown
    case cmdHalfUp
    case cmdTop
    case cmdBottom
    case cmdOpen
    case cmdSearch
    case cmdNextMatch
    case cmdPrevMatch
    case cmdFilter
    case cmdSort
    case cmdClearSearch
    case cmdRedraw
    case cmdScrollDown
    case cmdScrollUp
    case hintOpen
    case hintSearch
    case hintFilter
    case hintSort
    case hintHelp
    case hintQuit
    case hintBack
    case hintNext
    case hintScroll
    case hintClear
    case errorLoad
    case errorNotADatabase
    case errorNewerSchema
    case errorCannotCreate
    case errorCannotOpen
    case errorOpenBusy
    case waitingForWriter
    case errorNotATerminal
    case errorTerminal
    case errorBadDate
    case errorBadSize
    case errorBadLanguage
    case errorBadScreen
    case errorDemoNotEmpty
    case noDatabaseTitle
    case noDatabaseOffer
    case noDatabaseHowTo
    case demoWriting
    case demoDone
    case demoStopped

    /// The label key of a stage.
    init(stage: Stage, short: Bool) {
        let name = (short ? "stageShort" : "stage") + stage.rawValue.prefix(1).uppercased() + stage.rawValue.dropFirst()
        self = StringKey(rawValue: name)!
    }
}

extension StringKey: CatalogueKey {
    public static var indonesian: [StringKey: String] { Catalogue.indonesian }
    public static var english: [StringKey: String] { Catalogue.english }
}

/// The Indonesian and English catalogues.
enum Catalogue {
    static let indonesian: [StringKey: String] = [
        .appName: "Kawal",
        .branchName: "Cabang Pekalongan",
        .companiesCount: "{0} perusahaan",
        .companiesCounting: "menghitung…",
        .readOnlyNotice: "HANYA BACA",
        .readOnlyExplain: "Berkas basis data hanya bisa dibaca: perubahan tidak dapat disimpan.",
        .loading: "Memuat…",
        .noCompanies: "Tidak ada perusahaan yang cocok.",
        .noCompaniesHint: "Tekan Esc untuk menghapus pencarian, atau f untuk mengubah filter.",
        .columnName: "Nama",
        .columnKecamatan: "Kec.",
        .columnKecamatanWide: "Kecamatan",
        .columnSector: "Sektor",
        .columnWorkers: "Blm/TK",
        .columnWorkersWide: "TK blm/est",
        .columnStatus: "Status",
        .columnStage: "Tahap",
        .columnDeadline: "Tenggat",
        .columnKelurahan: "Kelurahan",
        .columnNPWP: "NPWP",
        .filterLabel: "Filter",
        .filterNone: "semua",
        .searchLabel: "Cari",
        .sortLabel: "Urut",
        .ascending: "naik",
        .descending: "turun",
        .positionOf: "{0} dari {1}",
        .searchPrompt: "Cari (nama, alamat, NPWP, pemilik): ",
        .searchHintTyping: "Enter simpan · Esc batal",
        .sortName: "Nama",
        .sortKecamatan: "Kecamatan",
        .sortSector: "Sektor (KBLI)",
        .sortUnprotected: "TK belum terlindungi",
        .sortStatus: "Status kepatuhan",
        .sortStage: "Tahap kasus",
        .sortDeadline: "Tenggat berikutnya",
        .sortTitle: "Urutkan menurut",
        .sortHint: "Enter pilih (lagi: balik arah) · Esc batal",
        .filterTitle: "Filter",
        .filterHint: "Spasi pilih · Enter terapkan · c kosongkan · Esc batal",
        .filterGroupStatus: "Status kepatuhan",
        .filterGroupStage: "Tahap kasus",
        .filterGroupKecamatan: "Kecamatan",
        .filterGroupSector: "Sektor (KBLI)",
        .detailProfile: "Profil",
        .detailLadder: "Tangga penegakan",
        .detailTimeline: "Riwayat kasus (terbaru dulu)",
        .detailNoCase: "Belum ada kasus untuk perusahaan ini.",
        .detailNoEvents: "Belum ada riwayat.",
        .detailNotFound: "Perusahaan tidak ditemukan (mungkin sudah dihapus).",
        .fieldNPWP: "NPWP",
        .fieldNIB: "NIB",
        .fieldNPP: "NPP",
        .fieldKBLI: "KBLI",
        .fieldAddress: "Alamat",
        .fieldOwner: "Pemilik",
        .fieldPhone: "Telp.",
        .fieldScale: "Skala",
        .fieldStatus: "Status",
        .fieldWorkers: "TK",
        .workersSummary: "{0} est. · {1} terdaftar · {2} belum",
        .fieldStage: "Tahap",
        .fieldDeadline: "Tenggat",
        .fieldAssignee: "Petugas",
        .fieldSources: "sumber",
        .valueNone: "—",
        .sourcePemkot: "Pemkot",
        .sourceBPJS: "BPJS",
        .sourceManual: "manual",
        .sourceDemo: "demo",
        .scaleMikro: "mikro",
        .scaleKecil: "kecil",
        .scaleMenengah: "menengah",
        .scaleBesar: "besar",
        .stageIdentified: "Teridentifikasi",
        .stageNotified: "Pemberitahuan/Sosialisasi",
        .stageVisited: "Kunjungan",
        .stageWarning1: "Teguran I",
        .stageWarning2: "Teguran II",
        .stageExamined: "Pemeriksaan",
        .stageSanctionRecommended: "Rekomendasi Sanksi (TMP2T)",
        .stageReferred: "Limpah ke Kejaksaan (SKK)",
        .stageCompliant: "Patuh",
        .stageClosed: "Ditutup",
        .stageShortIdentified: "Teridentif.",
        .stageShortNotified: "Sosialisasi",
        .stageShortVisited: "Kunjungan",
        .stageShortWarning1: "Teguran I",
        .stageShortWarning2: "Teguran II",
        .stageShortExamined: "Pemeriksaan",
        .stageShortSanctionRecommended: "Rek. TMP2T",
        .stageShortReferred: "Kejaksaan",
        .stageShortCompliant: "Patuh",
        .stageShortClosed: "Ditutup",
        .letterNotification: "Surat pemberitahuan",
        .letterSocialisation: "Undangan sosialisasi",
        .letterWarning1: "Teguran I",
        .letterWarning2: "Teguran II",
        .letterSanction: "Rekomendasi TMP2T",
        .letterReferral: "SKK ke Kejaksaan",
        .outcomeMet: "bertemu",
        .outcomeNotMet: "tidak bertemu",
        .outcomeClosed: "tempat tutup",
        .outcomeRefused: "ditolak",
        .eventLetter: "Surat",
        .eventVisit: "Kunjungan",
        .eventCall: "Telepon",
        .eventMeeting: "Pertemuan",
        .eventNote: "Catatan",
        .eventPromise: "Pernyataan",
        .eventPromiseLapsed: "Janji lewat",
        .eventPromiseKept: "Janji tepat",
        .eventStageChange: "Tahap",
        .eventApprovalRequest: "Minta setuju",
        .eventApproval: "Disetujui",
        .eventAssignment: "Penugasan",
        .eventCorrection: "Koreksi",
        .eventDeadline: "tenggat {0}",
        .eventPromiseUntil: "sanggup s/d {0}",
        .eventBAP: "BAP {0}",
        .eventWorkersCounted: "{0} TK dihitung",
        .eventStageTo: "{0} → {1}",
        .eventCorrects: "mengoreksi #{0}",
        .eventContinuesIn: "berlanjut di kasus {0}",
        .eventMergedFrom: "kasus {0} ditutup sebagai data ganda; riwayatnya tetap di sana",
        .visitKunjungan: "Kunjungan",
        .visitPemeriksaan: "Pemeriksaan",
        .helpTitle: "Bantuan · tombol",
        .keySpace: "Spasi",
        .helpGroupGlobal: "Umum",
        .helpGroupList: "Daftar perusahaan",
        .helpGroupDetail: "Rincian perusahaan",
        .helpGroupSearch: "Saat mencari",
        .helpFooter: "Esc/q kembali · j/k gulir",
        .tooSmallTitle: "Terminal terlalu kecil",
        .tooSmallBody: "Perlu minimal {0}×{1}, sekarang {2}×{3}. Perbesar jendela, atau tekan q untuk keluar.",
        .cmdQuit: "Keluar",
        .cmdBack: "Kembali",
        .cmdHelp: "Bantuan",
        .cmdDown: "Turun satu baris",
        .cmdUp: "Naik satu baris",
        .cmdPageDown: "Halaman berikut",
        .cmdPageUp: "Halaman sebelumnya",
        .cmdHalfDown: "Turun setengah halaman",
        .cmdHalfUp: "Naik setengah halaman",
        .cmdTop: "Ke awal",
        .cmdBottom: "Ke akhir",
        .cmdOpen: "Buka rincian",
        .cmdSearch: "Cari",
        .cmdNextMatch: "Hasil berikut",
        .cmdPrevMatch: "Hasil sebelumnya",
        .cmdFilter: "Filter",
        .cmdSort: "Urutkan",
        .cmdClearSearch: "Hapus pencarian & filter",
        .cmdRedraw: "Gambar ulang layar",
        .cmdScrollDown: "Gulir riwayat turun",
        .cmdScrollUp: "Gulir riwayat naik",
        .hintOpen: "Buka",
        .hintSearch: "Cari",
        .hintFilter: "Filter",
        .hintSort: "Urut",
        .hintHelp: "Bantuan",
        .hintQuit: "Keluar",
        .hintBack: "Kembali",
        .hintNext: "Berikut",
        .hintScroll: "Gulir",
        .hintClear: "Hapus cari",
        .errorLoad: "Gagal membaca data: {0}",
        .errorNotADatabase: "{0} bukan basis data Kawal (bukan berkas SQLite).",
        .errorNewerSchema: "{0} ditulis oleh Kawal yang lebih baru (migrasi {1}). Perbarui Kawal.",
        .errorCannotCreate: "Tidak dapat membuat {0}: {1}",
        .errorCannotOpen: "Tidak dapat membuka {0}: {1}",
        .errorOpenBusy: "Tidak dapat membuka {0}: sedang ditulis proses lain (misalnya impor). Coba lagi setelah selesai.",
        .waitingForWriter: "{0} sedang ditulis proses lain (misalnya impor pertama).\nMenunggu sampai selesai… (Ctrl-C untuk batal)",
        .errorNotATerminal: "Kawal perlu terminal interaktif. Untuk skrip, gunakan `kawal render` atau subperintah lain.",
        .errorTerminal: "Terminal tidak dapat dipakai: {0}",
        .errorBadDate: "Tanggal tidak sah: {0} (gunakan YYYY-MM-DD)",
        .errorBadSize: "Ukuran tidak sah: {0} (contoh: 80x24)",
        .errorBadLanguage: "Bahasa tidak dikenal: {0} (id atau en)",
        .errorBadScreen: "Layar tidak dikenal: {0}. Pilihan: {1}",
        .errorDemoNotEmpty: "{0} sudah berisi data; demo hanya ditulis ke basis data kosong.",
        .noDatabaseTitle: "Belum ada basis data di {0}.",
        .noDatabaseOffer: "Buat basis data demo (5.000 perusahaan Pekalongan) di {0}? [Y/n] ",
        .noDatabaseHowTo: "Untuk memulai: `kawal demo` membuat data contoh, atau `kawal --demo` membuka demo.",
        .demoWriting: "Menulis data demo: {0} perusahaan ke {1}",
        .demoDone: "Selesai: {0} perusahaan dalam {1} detik.",
        .demoStopped: "Penulisan data demo dihentikan. {0} kembali kosong.",
    ]

    static let english: [StringKey: String] = [
        .appName: "Kawal",
        .branchName: "Pekalongan Branch",
        .companiesCount: "{0} companies",
        .companiesCounting: "counting…",
        .readOnlyNotice: "READ-ONLY",
        .readOnlyExplain: "The database file is read-only: changes cannot be saved.",
        .loading: "Loading…",
        .noCompanies: "No companies match.",
        .noCompaniesHint: "Press Esc to clear the search, or f to change the filters.",
        .columnName: "Name",
        .columnKecamatan: "Dist.",
        .columnKecamatanWide: "Kecamatan",
        .columnSector: "Sector",
        .columnWorkers: "Unp/Est",
        .columnWorkersWide: "Unprot/est",
        .columnStatus: "Status",
        .columnStage: "Stage",
        .columnDeadline: "Due",
        .columnKelurahan: "Kelurahan",
        .columnNPWP: "NPWP",
        .filterLabel: "Filter",
        .filterNone: "all",
        .searchLabel: "Search",
        .sortLabel: "Sort",
        .ascending: "ascending",
        .descending: "descending",
        .positionOf: "{0} of {1}",
        .searchPrompt: "Search (name, address, NPWP, owner): ",
        .searchHintTyping: "Enter keep · Esc cancel",
        .sortName: "Name",
        .sortKecamatan: "Kecamatan",
        .sortSector: "Sector (KBLI)",
        .sortUnprotected: "Unprotected workers",
        .sortStatus: "Compliance status",
        .sortStage: "Case stage",
        .sortDeadline: "Next deadline",
        .sortTitle: "Sort by",
        .sortHint: "Enter choose (again: reverse) · Esc cancel",
        .filterTitle: "Filters",
        .filterHint: "Space toggle · Enter apply · c clear · Esc cancel",
        .filterGroupStatus: "Compliance status",
        .filterGroupStage: "Case stage",
        .filterGroupKecamatan: "Kecamatan",
        .filterGroupSector: "Sector (KBLI)",
        .detailProfile: "Profile",
        .detailLadder: "Enforcement ladder",
        .detailTimeline: "Case history (newest first)",
        .detailNoCase: "No case for this company yet.",
        .detailNoEvents: "No history yet.",
        .detailNotFound: "Company not found (it may have been removed).",
        .fieldNPWP: "NPWP",
        .fieldNIB: "NIB",
        .fieldNPP: "NPP",
        .fieldKBLI: "KBLI",
        .fieldAddress: "Address",
        .fieldOwner: "Owner",
        .fieldPhone: "Phone",
        .fieldScale: "Scale",
        .fieldStatus: "Status",
        .fieldWorkers: "Workers",
        .workersSummary: "{0} est. · {1} registered · {2} unprotected",
        .fieldStage: "Stage",
        .fieldDeadline: "Due",
        .fieldAssignee: "Officer",
        .fieldSources: "source",
        .valueNone: "—",
        .sourcePemkot: "City",
        .sourceBPJS: "BPJS",
        .sourceManual: "manual",
        .sourceDemo: "demo",
        .scaleMikro: "micro",
        .scaleKecil: "small",
        .scaleMenengah: "medium",
        .scaleBesar: "large",
        .stageIdentified: "Identified",
        .stageNotified: "Notified/Socialised",
        .stageVisited: "Visited",
        .stageWarning1: "Warning I",
        .stageWarning2: "Warning II",
        .stageExamined: "Examined",
        .stageSanctionRecommended: "Sanction recommended (TMP2T)",
        .stageReferred: "Referred to prosecutor (SKK)",
        .stageCompliant: "Compliant",
        .stageClosed: "Closed",
        .stageShortIdentified: "Identified",
        .stageShortNotified: "Notified",
        .stageShortVisited: "Visited",
        .stageShortWarning1: "Warning I",
        .stageShortWarning2: "Warning II",
        .stageShortExamined: "Examined",
        .stageShortSanctionRecommended: "TMP2T rec.",
        .stageShortReferred: "Referred",
        .stageShortCompliant: "Compliant",
        .stageShortClosed: "Closed",
        .letterNotification: "Notification letter",
        .letterSocialisation: "Socialisation invitation",
        .letterWarning1: "Warning I",
        .letterWarning2: "Warning II",
        .letterSanction: "TMP2T recommendation",
        .letterReferral: "SKK to prosecutor",
        .outcomeMet: "met",
        .outcomeNotMet: "not met",
        .outcomeClosed: "premises closed",
        .outcomeRefused: "refused",
        .eventLetter: "Letter",
        .eventVisit: "Visit",
        .eventCall: "Call",
        .eventMeeting: "Meeting",
        .eventNote: "Note",
        .eventPromise: "Promise",
        .eventPromiseLapsed: "Promise late",
        .eventPromiseKept: "Promise kept",
        .eventStageChange: "Stage",
        .eventApprovalRequest: "Approval ask",
        .eventApproval: "Approved",
        .eventAssignment: "Assigned",
        .eventCorrection: "Correction",
        .eventDeadline: "due {0}",
        .eventPromiseUntil: "promised by {0}",
        .eventBAP: "BAP {0}",
        .eventWorkersCounted: "{0} workers counted",
        .eventStageTo: "{0} → {1}",
        .eventCorrects: "corrects #{0}",
        .eventContinuesIn: "continues in case {0}",
        .eventMergedFrom: "case {0} closed as a duplicate; its history stays there",
        .visitKunjungan: "Visit",
        .visitPemeriksaan: "Examination",
        .helpTitle: "Help · keys",
        .keySpace: "Space",
        .helpGroupGlobal: "General",
        .helpGroupList: "Companies list",
        .helpGroupDetail: "Company detail",
        .helpGroupSearch: "While searching",
        .helpFooter: "Esc/q back · j/k scroll",
        .tooSmallTitle: "Terminal too small",
        .tooSmallBody: "Needs at least {0}×{1}, now {2}×{3}. Enlarge the window, or press q to quit.",
        .cmdQuit: "Quit",
        .cmdBack: "Back",
        .cmdHelp: "Help",
        .cmdDown: "Down one row",
        .cmdUp: "Up one row",
        .cmdPageDown: "Next page",
        .cmdPageUp: "Previous page",
        .cmdHalfDown: "Half page down",
        .cmdHalfUp: "Half page up",
        .cmdTop: "To the top",
        .cmdBottom: "To the end",
        .cmdOpen: "Open detail",
        .cmdSearch: "Search",
        .cmdNextMatch: "Next match",
        .cmdPrevMatch: "Previous match",
        .cmdFilter: "Filter",
        .cmdSort: "Sort",
        .cmdClearSearch: "Clear search & filters",
        .cmdRedraw: "Redraw screen",
        .cmdScrollDown: "Scroll history down",
        .cmdScrollUp: "Scroll history up",
        .hintOpen: "Open",
        .hintSearch: "Search",
        .hintFilter: "Filter",
        .hintSort: "Sort",
        .hintHelp: "Help",
        .hintQuit: "Quit",
        .hintBack: "Back",
        .hintNext: "Next",
        .hintScroll: "Scroll",
        .hintClear: "Clear",
        .errorLoad: "Could not read data: {0}",
        .errorNotADatabase: "{0} is not a Kawal database (not an SQLite file).",
        .errorNewerSchema: "{0} was written by a newer Kawal (migration {1}). Update Kawal.",
        .errorCannotCreate: "Cannot create {0}: {1}",
        .errorCannotOpen: "Cannot open {0}: {1}",
        .errorOpenBusy: "Cannot open {0}: another program (an import, say) is writing to it. Try again when it is done.",
        .waitingForWriter: "{0} is being written by another program (a first import, say).\nWaiting for it to finish… (Ctrl-C to give up)",
        .errorNotATerminal: "Kawal needs an interactive terminal. For scripts, use `kawal render` or another subcommand.",
        .errorTerminal: "The terminal cannot be used: {0}",
        .errorBadDate: "Invalid date: {0} (use YYYY-MM-DD)",
        .errorBadSize: "Invalid size: {0} (for example 80x24)",
        .errorBadLanguage: "Unknown language: {0} (id or en)",
        .errorBadScreen: "Unknown screen: {0}. Choices: {1}",
        .errorDemoNotEmpty: "{0} already holds data; the demo is written only into an empty database.",
        .noDatabaseTitle: "No database at {0} yet.",
        .noDatabaseOffer: "Create a demo database (5,000 Pekalongan companies) at {0}? [Y/n] ",
        .noDatabaseHowTo: "To start: `kawal demo` writes sample data, or `kawal --demo` opens the demo.",
        .demoWriting: "Writing demo data: {0} companies to {1}",
        .demoDone: "Done: {0} companies in {1} seconds.",
        .demoStopped: "Writing the demo data stopped. {0} is empty again.",
    ]
}
