/// Strings of data intake: export (command line and TUI), import history, duplicate review
/// and conflicting sources.
public enum IntakeText: String, CatalogueKey {
    // Export columns.
    case exportCaseID
    case exportCompanyID
    case exportName
    case exportLegalForm
    case exportNPWP
    case exportNIB
    case exportNPP
    case exportAddress
    case exportKelurahan
    case exportKecamatan
    case exportKBLI
    case exportSector
    case exportOwner
    case exportPhone
    case exportEstimatedWorkers
    case exportRegisteredWorkers
    case exportUnprotectedWorkers
    case exportScale
    case exportStatus
    case exportStage
    case exportCaseOpened
    case exportNextDeadline
    case exportAssignee
    // Export: command line and TUI.
    case exportFileBaseCompanies
    case exportDone
    case exportRunning
    case exportRunningOf
    case exportRunningRows
    case exportAskCancel
    case exportAskQuit
    case exportCounting
    case importArrived
    case exportCancelling
    case exportCancelled
    case exportFromWorklist
    case exportFailedCreate
    case exportNoDatabase
    case exportFailedWrite
    case exportBadValue
    case errorNotKawalDatabase
    case errorEmptyNotKawal
    case exportDoneOne
    case exportFailedOutput
    case exportAdviceWritable
    case exportAdviceFreeSpace
    case exportAdviceSmaller
    case exportAdviceOtherFolder
    case exportAdviceCheckPath
    case exportOutFolder
    case exportOutNoFolder
    case exportOutIsTheDatabase
    case exportOutIsADatabase
    case exportOutNotWritable
    case exportOutEmpty
    case exportBadSector
    case exportFileBrokenPipe
    case exportFileTooLarge
    case cmdExport
    case hintExport
    case cmdImportHistory
    case hintImportHistory
    case cmdDuplicates
    case hintDuplicates
    case cmdMerge
    case hintMerge
    case cmdKeepApart
    case hintKeepApart
    case cmdOpenIncoming
    case hintOpenIncoming
    case helpGroupReview
    case helpReviewMove
    case helpReviewSwitch
    // Import history, duplicate review, conflicting sources.
    case historyTitle
    case historyCount
    case historyEmpty
    case historyColWhen
    case historyColSource
    case historyColFile
    case historyColRead
    case historyColNew
    case historyColMerged
    case historyColUnchanged
    case historyColFlagged
    case historyColRejected
    case historyFile
    case historyHash
    case historyBy
    case historyByValue
    case historyUnknown
    case historyRejected
    case historyShowing
    case historyCounts
    case reviewTitle
    case reviewCount
    case reviewEmpty
    case reviewEmptyHint
    case reviewPairOf
    case reviewFlaggedBy
    case reviewExisting
    case reviewIncoming
    case reviewOthers
    case reasonSameKelurahan
    case reasonSimilarAddress
    case confirmMergeTitle
    case confirmMerge
    case confirmMergeShort
    case noCompaniesYet
    case noCompaniesYetHint
    case confirmKeepApartTitle
    case confirmKeepApart
    case confirmKeys
    case mergedDone
    case keptApartDone
    case reviewFailed
    case reviewAlreadyDecided
    case reviewDecidedMeanwhile
    case reviewReadOnly
    case reviewLocked
    case reviewDiskFull
    case statusMergedWord
    case statusKeptApartWord
    case reviewBusy
    case conflictNotice
    case sourcesTitle
    case sourcesUsed
    case sourcesNone
    case sourcesHint
    case cmdSources
    case hintSources
    case fieldName
    case fieldLegalForm
    case fieldNPWP
    case fieldNIB
    case fieldNPP
    case fieldKBLI
    case fieldAddress
    case fieldKelurahan
    case fieldKecamatan
    case fieldPhone
    case fieldOwner
    case fieldEstimatedWorkers
    case fieldRegisteredWorkers
    case fieldStatus
    case fieldCase

    public static let indonesian: [IntakeText: String] = [
        .exportCaseID: "No. Kasus",
        .exportCompanyID: "ID Perusahaan",
        .exportName: "Nama Usaha",
        .exportLegalForm: "Bentuk Usaha",
        .exportNPWP: "NPWP",
        .exportNIB: "NIB",
        .exportNPP: "NPP",
        .exportAddress: "Alamat",
        .exportKelurahan: "Kelurahan",
        .exportKecamatan: "Kecamatan",
        .exportKBLI: "KBLI",
        .exportSector: "Sektor",
        .exportOwner: "Pemilik",
        .exportPhone: "Telepon",
        .exportEstimatedWorkers: "TK Potensi",
        .exportRegisteredWorkers: "TK Terdaftar",
        .exportUnprotectedWorkers: "TK Belum Terlindungi",
        .exportScale: "Skala Usaha",
        .exportStatus: "Status Kepesertaan",
        .exportStage: "Tahap Kasus",
        .exportCaseOpened: "Kasus Dibuka",
        .exportNextDeadline: "Tenggat Berikutnya",
        .exportAssignee: "Petugas",
        .exportFileBaseCompanies: "kawal-perusahaan",
        .exportDone: "{0} baris diekspor ke {1}",
        .exportRunning: "Mengekspor daftar yang tampil… · e batalkan",
        .exportRunningOf: "Mengekspor daftar yang tampil… {0} dari {1} baris · e batalkan",
        .exportRunningRows: "Mengekspor daftar yang tampil… {0} baris · e batalkan",
        .exportAskCancel: "Ekspor masih berjalan. Batalkan? (y = ya, tombol lain = lanjutkan)",
        .exportAskQuit: "Ekspor belum selesai; keluar membatalkannya. Keluar? (y = ya, lain = tetap)",
        .exportCounting: "Mengekspor… {0} baris",
        .importArrived: "Impor #{0} ({1}, {2}): {3} baru, {4} digabung, {5} perlu ditinjau",
        .exportCancelling: "Membatalkan ekspor…",
        .exportCancelled: "Ekspor dibatalkan; tidak ada berkas yang ditulis.",
        .exportFromWorklist: "Ekspor ada di daftar perusahaan: t, saring (misalnya per tahap), lalu e.",
        .exportFailedCreate: "Tidak dapat membuat {0}: {1}.",
        .exportNoDatabase: "Tidak ada basis data di {0}, jadi tidak ada yang bisa diekspor. Periksa --db.",
        .exportFailedWrite: "Gagal menulis {0}: {1}. Tidak ada berkas yang ditinggalkan.",
        .exportBadValue: "{0} \"{1}\" tidak dikenal. Pilihan: {2}",
        .errorNotKawalDatabase: "{0} bukan basis data Kawal: berkas SQLite itu berisi tabel lain. Kawal tidak mengubahnya; periksa --db.",
        .errorEmptyNotKawal: "{0} kosong, bukan basis data Kawal, jadi tidak ada yang bisa diekspor. Periksa --db.",
        .exportDoneOne: "1 baris diekspor ke {0}",
        .exportFailedOutput: "Gagal menulis ke keluaran standar: {0}.",
        .exportAdviceWritable: "Periksa bahwa folder itu boleh ditulisi oleh pengguna ini.",
        .exportAdviceFreeSpace: "Kosongkan ruang disk lalu ulangi.",
        .exportAdviceSmaller: "Saring ekspornya agar lebih kecil, atau tulis ke disk lain.",
        .exportAdviceOtherFolder: "Pilih folder lain.",
        .exportAdviceCheckPath: "Periksa jalurnya.",
        .exportOutFolder: "{0} adalah folder, bukan berkas. Sebutkan nama berkas di dalamnya, misalnya {1}.",
        .exportOutNoFolder: "Tidak dapat membuat {0}: folder {1} tidak ada. Buat dulu foldernya, atau pilih --out lain.",
        .exportOutIsTheDatabase: "{0} adalah basis data yang diekspor (atau berkas yang disimpan SQLite di sampingnya); menulis ekspor ke sana akan menghapus datanya. Pilih nama lain untuk --out.",
        .exportOutIsADatabase: "{0} adalah basis data SQLite, bukan lembar kerja, jadi tidak ditimpa. Pilih nama lain untuk --out.",
        .exportOutNotWritable: "{0} tidak boleh ditulisi oleh pengguna ini (hanya-baca), jadi tidak ditimpa. Pilih nama lain untuk --out, atau ubah izin berkas itu.",
        .exportOutEmpty: "--out butuh nama berkas (atau - untuk keluaran standar).",
        .exportBadSector: "--sector \"{0}\" bukan kode KBLI: kode KBLI terdiri dari 5 angka. Misalnya: {1}",
        .exportFileBrokenPipe: "pembacanya berhenti membaca (pipa putus)",
        .exportFileTooLarge: "berkasnya melebihi ukuran yang boleh ditulis",
        .cmdExport: "Ekspor daftar yang tampil ke berkas CSV",
        .hintExport: "Ekspor",
        .cmdImportHistory: "Riwayat impor data",
        .hintImportHistory: "Impor",
        .cmdDuplicates: "Tinjau kemungkinan duplikat",
        .hintDuplicates: "Duplikat",
        .cmdMerge: "Gabungkan pasangan (dengan konfirmasi)",
        .hintMerge: "Gabung",
        .cmdKeepApart: "Bukan duplikat: biarkan terpisah",
        .hintKeepApart: "Bukan duplikat",
        .cmdOpenIncoming: "Buka perusahaan dari impor (Enter: yang sudah ada)",
        .hintOpenIncoming: "Buka impor",
        .helpGroupReview: "Tinjau duplikat",
        .helpReviewMove: "Pasangan (atau impor) berikut / sebelumnya",
        .helpReviewSwitch: "Riwayat impor / tinjau duplikat, dari satu ke yang lain",
        .historyTitle: "Riwayat impor",
        .historyCount: "{0} impor",
        .historyEmpty: "Belum ada impor. Data masuk dengan: kawal import --source pemkot|bpjs BERKAS",
        .historyColWhen: "Waktu (WIB)",
        .historyColSource: "Sumber",
        .historyColFile: "Berkas",
        .historyColRead: "Baca",
        .historyColNew: "Baru",
        .historyColMerged: "Gabung",
        .historyColUnchanged: "Sama",
        .historyColFlagged: "Dupl.",
        .historyColRejected: "Tolak",
        .historyFile: "Berkas",
        .historyHash: "SHA-256",
        .historyBy: "Oleh",
        .historyByValue: "{0} · {1} s/d {2} WIB",
        .historyUnknown: "Kolom diabaikan",
        .historyRejected: "Ditolak",
        .historyShowing: "{0} terbaru dari {1}",
        .historyCounts: "{0} dibaca: {1} baru, {2} digabung, {3} sama, {4} kemungkinan duplikat, {5} ditolak",
        .reviewTitle: "Tinjau duplikat",
        .reviewCount: "{0} menunggu",
        .reviewEmpty: "Tidak ada kemungkinan duplikat yang menunggu tinjauan.",
        .reviewEmptyHint: "Impor berikutnya akan menambahkan pasangan baru bila ada nama yang mirip.",
        .reviewPairOf: "Pasangan {0} dari {1}",
        .reviewFlaggedBy: "ditandai impor #{0}, {1}",
        .reviewExisting: "Sudah ada · #{0}",
        .reviewIncoming: "Dari impor · #{0}",
        .reviewOthers: "Pasangan lain",
        .reasonSameKelurahan: "nama sama, kelurahan sama",
        .reasonSimilarAddress: "nama sama, alamat mirip",
        .confirmMergeTitle: "Gabungkan?",
        .confirmMerge: "{0} (#{1}) digabung ke {2} (#{3}): nilainya disimpan beserta sumbernya, riwayat kasusnya ikut pindah, lalu #{1} dihapus. Bila keduanya punya kasus berjalan, yang tertinggi di tangga berlanjut dan yang lain ditutup sebagai data ganda. Tidak dapat dibatalkan.",
        .confirmKeepApartTitle: "Bukan duplikat?",
        .confirmKeepApart: "{0} (#{1}) dan {2} (#{3}) tetap dua perusahaan, dan pasangan ini tidak diusulkan lagi.",
        .confirmKeys: "y ya · n/Esc batal",
        .confirmMergeShort: "{0} (#{1}) digabung ke {2} (#{3}), lalu #{1} dihapus. Tidak dapat dibatalkan.",
        .noCompaniesYet: "Belum ada perusahaan di basis data ini.",
        .noCompaniesYetHint: "Daftar masuk dengan: kawal import --source pemkot|bpjs BERKAS.csv (lihat kawal import --help).",
        .mergedDone: "Digabung: #{0} ke #{1} · {2}",
        .keptApartDone: "Ditandai bukan duplikat: #{0} dan #{1}",
        .reviewFailed: "Keputusan tidak tersimpan: {0}",
        .reviewAlreadyDecided: "Sudah diputuskan orang lain ({0}); daftar dimuat ulang.",
        .reviewDecidedMeanwhile: "Pasangan yang ditanyakan sudah diputuskan orang lain; tidak ada yang diubah.",
        .reviewReadOnly: "Basis data hanya bisa dibaca: keputusan tidak dapat disimpan.",
        .reviewDiskFull: "Keputusan belum tersimpan: disk server penuh. Hubungi admin untuk mengosongkan ruang.",
        .reviewLocked: "Keputusan belum tersimpan: basis data sedang ditulis proses lain (misalnya impor). Coba lagi sebentar lagi.",
        .statusMergedWord: "digabung",
        .statusKeptApartWord: "dibiarkan terpisah",
        .reviewBusy: "Menyimpan keputusan…",
        .conflictNotice: "⚠ {0} data berbeda antar sumber · v lihat",
        .sourcesTitle: "Sumber data",
        .sourcesUsed: "dipakai",
        .sourcesNone: "Semua sumber sepakat: tidak ada data yang berbeda.",
        .sourcesHint: "Esc/v tutup",
        .cmdSources: "Lihat data yang berbeda antar sumber",
        .hintSources: "Sumber",
        .fieldName: "Nama",
        .fieldLegalForm: "Bentuk usaha",
        .fieldNPWP: "NPWP",
        .fieldNIB: "NIB",
        .fieldNPP: "NPP",
        .fieldKBLI: "KBLI",
        .fieldAddress: "Alamat",
        .fieldKelurahan: "Kelurahan",
        .fieldKecamatan: "Kecamatan",
        .fieldPhone: "Telepon",
        .fieldOwner: "Pemilik",
        .fieldEstimatedWorkers: "TK potensi",
        .fieldRegisteredWorkers: "TK terdaftar",
        .fieldStatus: "Status",
        .fieldCase: "Kasus",
    ]

    public static let english: [IntakeText: String] = [
        .exportCaseID: "Case No.",
        .exportCompanyID: "Company ID",
        .exportName: "Business name",
        .exportLegalForm: "Legal form",
        .exportNPWP: "NPWP",
        .exportNIB: "NIB",
        .exportNPP: "NPP",
        .exportAddress: "Address",
        .exportKelurahan: "Kelurahan",
        .exportKecamatan: "Kecamatan",
        .exportKBLI: "KBLI",
        .exportSector: "Sector",
        .exportOwner: "Owner",
        .exportPhone: "Phone",
        .exportEstimatedWorkers: "Estimated workers",
        .exportRegisteredWorkers: "Registered workers",
        .exportUnprotectedWorkers: "Unprotected workers",
        .exportScale: "Scale",
        .exportStatus: "Compliance status",
        .exportStage: "Case stage",
        .exportCaseOpened: "Case opened",
        .exportNextDeadline: "Next deadline",
        .exportAssignee: "Assignee",
        .exportFileBaseCompanies: "kawal-companies",
        .exportDone: "{0} rows exported to {1}",
        .exportRunning: "Exporting the list as shown… · e cancels",
        .exportRunningOf: "Exporting the list as shown… {0} of {1} rows · e cancels",
        .exportRunningRows: "Exporting the list as shown… {0} rows · e cancels",
        .exportAskCancel: "The export is still running. Cancel it? (y = yes, any other key = go on)",
        .exportAskQuit: "Export not finished; quitting cancels it. Quit? (y = yes, other key = stay)",
        .exportCounting: "Exporting… {0} rows",
        .importArrived: "Import #{0} ({1}, {2}): {3} new, {4} merged, {5} to review",
        .exportCancelling: "Cancelling the export…",
        .exportCancelled: "Export cancelled; no file was written.",
        .exportFromWorklist: "Export is on the companies list: t, filter it (by stage, say), then e.",
        .exportFailedCreate: "Cannot create {0}: {1}.",
        .exportNoDatabase: "There is no database at {0}, so there is nothing to export. Check --db.",
        .exportFailedWrite: "Could not write {0}: {1}. No file was left behind.",
        .exportBadValue: "Unknown {0} \"{1}\". Choose from: {2}",
        .errorNotKawalDatabase: "{0} is not a Kawal database: that SQLite file holds other tables. Kawal leaves it as it is; check --db.",
        .errorEmptyNotKawal: "{0} is empty, not a Kawal database, so there is nothing to export. Check --db.",
        .exportDoneOne: "1 row exported to {0}",
        .exportFailedOutput: "Could not write to standard output: {0}.",
        .exportAdviceWritable: "Check that this user may write in that folder.",
        .exportAdviceFreeSpace: "Free some disk space and try again.",
        .exportAdviceSmaller: "Filter the export to make it smaller, or write it to another disk.",
        .exportAdviceOtherFolder: "Choose another folder.",
        .exportAdviceCheckPath: "Check the path.",
        .exportOutFolder: "{0} is a folder, not a file. Name a file inside it, for example {1}.",
        .exportOutNoFolder: "Cannot create {0}: the folder {1} does not exist. Create it first, or choose another --out.",
        .exportOutIsTheDatabase: "{0} is the database being exported (or a file SQLite keeps beside it); writing the export there would destroy it. Choose another name for --out.",
        .exportOutIsADatabase: "{0} is an SQLite database, not a spreadsheet, so it is not overwritten. Choose another name for --out.",
        .exportOutNotWritable: "{0} may not be written by this user (it is read-only), so it is not overwritten. Choose another name for --out, or change the file's permissions.",
        .exportOutEmpty: "--out needs a file name (or - for standard output).",
        .exportBadSector: "--sector \"{0}\" is not a KBLI code: a KBLI code is 5 digits. For example: {1}",
        .exportFileBrokenPipe: "the reader stopped reading (broken pipe)",
        .exportFileTooLarge: "the file is larger than this system allows",
        .cmdExport: "Export the list as shown to a CSV file",
        .hintExport: "Export",
        .cmdImportHistory: "Import history",
        .hintImportHistory: "Imports",
        .cmdDuplicates: "Review possible duplicates",
        .hintDuplicates: "Duplicates",
        .cmdMerge: "Merge the pair (asks first)",
        .hintMerge: "Merge",
        .cmdKeepApart: "Not a duplicate: keep apart",
        .hintKeepApart: "Keep apart",
        .cmdOpenIncoming: "Open the company from the import (Enter: the existing one)",
        .hintOpenIncoming: "Open incoming",
        .helpGroupReview: "Duplicate review",
        .helpReviewMove: "Next / previous pair (or import)",
        .helpReviewSwitch: "Import history / duplicate review, from one to the other",
        .historyTitle: "Import history",
        .historyCount: "{0} imports",
        .historyEmpty: "No imports yet. Data comes in with: kawal import --source pemkot|bpjs FILE",
        .historyColWhen: "When (WIB)",
        .historyColSource: "Source",
        .historyColFile: "File",
        .historyColRead: "Read",
        .historyColNew: "New",
        .historyColMerged: "Merged",
        .historyColUnchanged: "Same",
        .historyColFlagged: "Dupl.",
        .historyColRejected: "Rej.",
        .historyFile: "File",
        .historyHash: "SHA-256",
        .historyBy: "By",
        .historyByValue: "{0} · {1} to {2} WIB",
        .historyUnknown: "Ignored columns",
        .historyRejected: "Rejected",
        .historyShowing: "latest {0} of {1}",
        .historyCounts: "{0} read: {1} new, {2} merged, {3} unchanged, {4} flagged for review, {5} rejected",
        .reviewTitle: "Duplicate review",
        .reviewCount: "{0} waiting",
        .reviewEmpty: "No possible duplicates are waiting for review.",
        .reviewEmptyHint: "The next import adds new pairs when it finds alike names.",
        .reviewPairOf: "Pair {0} of {1}",
        .reviewFlaggedBy: "flagged by import #{0}, {1}",
        .reviewExisting: "Existing · #{0}",
        .reviewIncoming: "From import · #{0}",
        .reviewOthers: "Other pairs",
        .reasonSameKelurahan: "same name, same kelurahan",
        .reasonSimilarAddress: "same name, similar address",
        .confirmMergeTitle: "Merge?",
        .confirmMerge: "{0} (#{1}) is merged into {2} (#{3}): its values are kept with their sources, its case history moves along, then #{1} is removed. If both have an open case, the one highest on the ladder goes on and the other is closed as a duplicate. This cannot be undone.",
        .confirmKeepApartTitle: "Not a duplicate?",
        .confirmKeepApart: "{0} (#{1}) and {2} (#{3}) stay two companies, and this pair is not proposed again.",
        .confirmKeys: "y yes · n/Esc cancel",
        .confirmMergeShort: "{0} (#{1}) is merged into {2} (#{3}), then #{1} is removed. This cannot be undone.",
        .noCompaniesYet: "This database holds no companies yet.",
        .noCompaniesYetHint: "Lists come in with: kawal import --source pemkot|bpjs FILE.csv (see kawal import --help).",
        .mergedDone: "Merged: #{0} into #{1} · {2}",
        .keptApartDone: "Marked not a duplicate: #{0} and #{1}",
        .reviewFailed: "The decision was not saved: {0}",
        .reviewAlreadyDecided: "Someone else already decided this pair ({0}); the list was reloaded.",
        .reviewDecidedMeanwhile: "Someone else decided the pair you were asked about; nothing was changed.",
        .reviewReadOnly: "The database is read-only: decisions cannot be saved.",
        .reviewDiskFull: "The decision was not saved: the server's disk is full. Ask the admin to free some space.",
        .reviewLocked: "The decision was not saved: another program (an import, say) is writing to the database. Try again shortly.",
        .statusMergedWord: "merged",
        .statusKeptApartWord: "kept apart",
        .reviewBusy: "Saving the decision…",
        .conflictNotice: "⚠ {0} values differ between sources · v shows",
        .sourcesTitle: "Data sources",
        .sourcesUsed: "in use",
        .sourcesNone: "All sources agree: no value differs.",
        .sourcesHint: "Esc/v close",
        .cmdSources: "Show the values that differ between sources",
        .hintSources: "Sources",
        .fieldName: "Name",
        .fieldLegalForm: "Legal form",
        .fieldNPWP: "NPWP",
        .fieldNIB: "NIB",
        .fieldNPP: "NPP",
        .fieldKBLI: "KBLI",
        .fieldAddress: "Address",
        .fieldKelurahan: "Kelurahan",
        .fieldKecamatan: "Kecamatan",
        .fieldPhone: "Phone",
        .fieldOwner: "Owner",
        .fieldEstimatedWorkers: "Est. workers",
        .fieldRegisteredWorkers: "Reg. workers",
        .fieldStatus: "Status",
        .fieldCase: "Case",
    ]
}

extension Strings {
    /// "12 rows exported to PATH"; "1 row" for one.
    public func exportDone(rows: Int, path: String) -> String {
        rows == 1 ? text(IntakeText.exportDoneOne, path) : text(IntakeText.exportDone, number(rows), path)
    }
}
