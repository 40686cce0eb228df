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
    case exportFileBaseCases
    case exportDone
    case exportRunning
    case exportBusy
    case exportFailedCreate
    case exportFailedWrite
    case exportBadValue
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
    case helpGroupReview

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
        .exportFileBaseCases: "kawal-kasus",
        .exportDone: "{0} baris diekspor ke {1}",
        .exportRunning: "Mengekspor daftar yang tampil…",
        .exportBusy: "Ekspor sebelumnya masih berjalan; tunggu sampai selesai.",
        .exportFailedCreate: "Tidak dapat membuat {0}: {1}. Periksa bahwa foldernya ada dan boleh ditulisi.",
        .exportFailedWrite: "Gagal menulis {0}: {1}. Tidak ada berkas yang ditinggalkan; kosongkan ruang disk lalu ulangi.",
        .exportBadValue: "{0} \"{1}\" tidak dikenal. Pilihan: {2}",
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
        .helpGroupReview: "Tinjau duplikat",
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
        .exportFileBaseCases: "kawal-cases",
        .exportDone: "{0} rows exported to {1}",
        .exportRunning: "Exporting the list as shown…",
        .exportBusy: "The previous export is still running; wait until it finishes.",
        .exportFailedCreate: "Cannot create {0}: {1}. Check that the folder exists and is writable.",
        .exportFailedWrite: "Could not write {0}: {1}. No file was left behind; free some disk space and try again.",
        .exportBadValue: "Unknown {0} \"{1}\". Choose from: {2}",
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
        .helpGroupReview: "Duplicate review",
    ]
}
