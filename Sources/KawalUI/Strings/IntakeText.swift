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
        .exportRunning: "Mengekspor daftar ke {0}…",
        .exportBusy: "Ekspor sebelumnya masih berjalan; tunggu sampai selesai.",
        .exportFailedCreate: "Tidak dapat membuat {0}: {1}. Periksa izin tulis folder, atau pilih berkas lain dengan --out.",
        .exportFailedWrite: "Gagal menulis {0}: {1}. Tidak ada berkas yang ditinggalkan; kosongkan ruang disk lalu ulangi.",
        .exportBadValue: "{0} \"{1}\" tidak dikenal. Pilihan: {2}",
        .cmdExport: "ekspor daftar seperti yang tampil (pencarian, filter, urutan) ke berkas CSV",
        .hintExport: "Ekspor",
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
        .exportRunning: "Exporting the list to {0}…",
        .exportBusy: "The previous export is still running; wait until it finishes.",
        .exportFailedCreate: "Cannot create {0}: {1}. Check that the folder is writable, or choose another file with --out.",
        .exportFailedWrite: "Could not write {0}: {1}. No file was left behind; free some disk space and try again.",
        .exportBadValue: "Unknown {0} \"{1}\". Choose from: {2}",
        .cmdExport: "export the list as shown (search, filters, sort) to a CSV file",
        .hintExport: "Export",
    ]
}
