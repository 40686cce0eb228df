import KawalDomain

/// Strings of `kawal import`: its summary, its errors, and the reasons written beside each
/// refused row in the rejected file.
public enum ImportText: String, CatalogueKey {
    // Summary
    case summaryTitle
    case summaryDryRunTitle
    case summaryRead
    case summaryNew
    case summaryMerged
    case summaryUnchanged
    case summaryFlagged
    case summaryRejected
    case summaryRejectedFile
    case summaryRejectedDryRun
    case summaryUnknownColumns
    case summaryTitleRows
    case summaryRepeatedHeaders
    case summaryTotalsRows
    case summaryEmptyRows
    case summarySectionHeadings
    case summarySignatureRows
    case summarySubHeadings
    case summarySplitTotal
    case summarySplitSum
    case summaryWorkersSummed
    case summaryWorkersFromTotal
    case summaryNeighbourhood
    case askCreateDatabase
    case summaryKecamatanFromKelurahan
    case errorDatabaseNotCreated
    case summaryRepeatedColumns
    case summarySameFile
    case summaryCases
    case summaryFlaggedHint
    case summaryDryRunNothingWritten
    case summaryRecorded
    case summaryNewDatabase
    case summaryDryRunNoDatabase
    // Rejected file columns
    case rejectedLineColumn
    case rejectedReasonColumn
    // Reasons
    case reasonCellCount
    case reasonMissingValue
    case reasonOnlyAName
    case reasonChecksum
    case reasonLength
    case reasonCharacter
    case reasonSixteenDigits
    case reasonSeveralCodes
    case reasonEmpty
    case reasonScientific
    case reasonLeadingZero
    case summaryScientific
    case summaryPersonalNPWP
    case summaryDifferingRows
    case reasonClash
    case reasonClashByName
    case reasonIdentifierDiffers
    case reasonNumber
    case reasonStatus
    case reasonLegalForm
    case reasonControl
    case reasonTooLong
    case reasonStrayQuote
    case reasonStrayQuoteLines
    // Errors
    case errorBadSource
    case errorBadDelimiter
    case errorCannotRead
    case fileNoSuchFile
    case fileFolder
    case filePermission
    case fileNotAFile
    case fileDiskFull
    case fileReadOnly
    case fileInPath
    case openFolderNotCreated
    case openFolderNotWritable
    case openNotReadable
    case openNeedsUpgrade
    case errorEmpty
    case errorNotUTF8
    case errorSpreadsheet
    case errorMissingColumn
    case errorOtherSource
    case errorWrongDelimiter
    case errorUTF16
    case errorTabs
    case errorUnclosedQuote
    case errorRowTooLong
    case errorCannotWriteRejected
    case errorRejectedBesideList
    case errorReadOnly
    case errorDryRunReadOnly
    case errorBusy
    case errorDiskFull
    case errorDatabase
    case interrupted
    case progressRows
    case progressIndexes
    case progressSaving

    public static let indonesian: [ImportText: String] = [
        .summaryTitle: "Impor daftar {0} dari {1} (pemisah {2})",
        .summaryDryRunTitle: "Uji coba impor daftar {0} dari {1} (pemisah {2})",
        .summaryRead: "Dibaca",
        .summaryNew: "Baru",
        .summaryMerged: "Digabung",
        .summaryUnchanged: "Tidak berubah",
        .summaryFlagged: "Kemungkinan duplikat",
        .summaryRejected: "Ditolak",
        .summaryRejectedFile: "Baris yang ditolak ditulis ke {0}",
        .summaryRejectedDryRun: "Baris yang ditolak tidak ditulis (uji coba)",
        .summaryUnknownColumns: "Kolom tidak dikenal (diabaikan): {0}",
        .summaryTitleRows: "Baris di atas judul kolom dilewati: {0}",
        .summaryRepeatedHeaders: "Judul kolom yang berulang di tengah berkas dilewati: {0} (yang pertama di baris {1})",
        .summaryTotalsRows: "Baris JUMLAH/TOTAL (bukan perusahaan) dilewati: {0} (yang pertama di baris {1})",
        .summaryEmptyRows: "Baris tanpa isi di kolom yang dikenal (misalnya hanya nomor urut) dilewati: {0} (yang pertama di baris {1})",
        .summarySectionHeadings: "Baris judul bagian (misalnya KECAMATAN PEKALONGAN BARAT) dilewati: {0} (yang pertama di baris {1})",
        .summarySignatureRows: "Baris tanda tangan (Mengetahui, Kepala …, nama, NIP) dilewati: {0} (yang pertama di baris {1})",
        .summarySubHeadings: "Judul kolom dua baris: baris kedua (baris {0}) dilewati",
        .summarySplitTotal: "  {0} dibaca dari sub-kolom {1}",
        .summarySplitSum: "  {0} dijumlahkan dari sub-kolom {1}",
        .summaryWorkersSummed: "Jumlah tenaga kerja dijumlahkan dari kolom {0}",
        .summaryWorkersFromTotal: "Jumlah tenaga kerja dibaca dari kolom {0}",
        .summaryNeighbourhood: "RT/RW dari kolom {0} ditambahkan ke alamat",
        .askCreateDatabase: "Basis data {0} belum ada. Buat baru dan impor ke sana? (y = ya) ",
        .summaryKecamatanFromKelurahan: "Kecamatan kosong diisi dari kelurahannya: {0} baris (sel yang digabung ke bawah di Excel?)",
        .errorDatabaseNotCreated: "Tidak ada yang diimpor: basis data {0} tidak dibuat. Periksa --db (atau $KAWAL_DB).",
        .summaryRepeatedColumns: "Kolom ganda, diabaikan (yang dibaca: yang lebih khusus, atau yang pertama): {0}",
        .summarySameFile: "Berkas yang sama sudah pernah diimpor: impor #{0}, {1} WIB, oleh {2}.",
        .summaryCases: "Kasus baru dibuka: {0}; catatan kepatuhan pada kasus terbuka: {1}",
        .summaryFlaggedHint: "Kemungkinan duplikat menunggu pemeriksaan di layar Duplikat.",
        .summaryDryRunNothingWritten: "Uji coba: tidak ada yang ditulis ke {0}.",
        .summaryRecorded: "Tercatat di {3} sebagai impor #{0} oleh {1}.\nSHA-256: {2}",
        .summaryNewDatabase: "Basis data {0} belum ada, jadi dibuat baru untuk impor ini.",
        .summaryDryRunNoDatabase: "Basis data {0} belum ada: uji coba dihitung seperti pada basis data kosong.",
        .rejectedLineColumn: "Baris",
        .rejectedReasonColumn: "Alasan",
        .reasonCellCount: "Jumlah kolom {0}, seharusnya {1}",
        .reasonMissingValue: "{0} kosong",
        .reasonOnlyAName: "hanya nama yang terisi: tidak ada NPWP, NIB, NPP, alamat atau kelurahan untuk menemukan perusahaan ini (catatan di bawah daftar, atau baris yang terpotong?)",
        .reasonChecksum: "{0} {1}: digit pemeriksa tidak cocok",
        .reasonLength: "{0} {1}: {2} digit, seharusnya {3}",
        .reasonCharacter: "{0} {1}: karakter tidak sah \"{2}\"",
        .reasonSixteenDigits: "{0} {1}: 16 digit harus diawali 0 (16 digit lain adalah NIK, NPWP orang pribadi, yang belum diterima)",
        .reasonSeveralCodes: "{0} {1}: lebih dari satu kode; sisakan satu, KBLI utama",
        .reasonEmpty: "{0} kosong",
        .reasonScientific: "{0} {1}: Excel menulisnya sebagai angka dalam notasi ilmiah, digitnya hilang di CSV ini",
        .reasonLeadingZero: "mungkin angka 0 di depannya dihapus Excel",
        .summaryDifferingRows: "Perusahaan yang diberi nilai berbeda di baris yang berbeda dalam berkas ini: {0} (yang pertama di baris {1}); yang dipakai nilai dari baris terakhirnya.",
        .summaryPersonalNPWP: "{0} baris ditolak karena NPWP-nya 16 digit tanpa awalan 0, biasanya NIK (NPWP orang pribadi), yang belum diterima karena data pribadi. Agar usahanya tetap diimpor, kosongkan NPWP baris itu di berkas baris yang ditolak, lalu impor berkas itu.",
        .summaryScientific: "{0} baris ditolak karena Excel menulis NPWP/NIB/NPP sebagai angka ilmiah (mis. {1}). Di buku kerja asal beri kolom itu format kustom \"0\" (Format Sel › Kustom), simpan lagi sebagai CSV UTF-8, lalu impor lagi: baris yang sudah masuk tidak berubah.",
        .reasonNumber: "{0} bukan bilangan bulat nol atau lebih: {1}",
        .reasonStatus: "Status kepesertaan tidak dikenal: {0} (PWBD, PDS-TK, PDS-Upah, PDS-Program, Patuh)",
        .reasonLegalForm: "Bentuk usaha tidak dikenal: {0} (PT, CV, UD, Koperasi, Perorangan, Firma, Yayasan)",
        .reasonClash: "{0} {1} sudah milik #{2} {5}, padahal {3} baris ini cocok dengan #{4} {6}: periksa mana yang benar; keduanya tidak diubah",
        .reasonClashByName: "{0} {1} sudah milik #{2} {5}, padahal nama baris ini cocok dengan #{4} {6}: periksa mana yang benar; keduanya tidak diubah",
        .reasonIdentifierDiffers: "{3} baris ini cocok dengan #{4} {5}, tetapi {0} baris ini {1} berbeda dengan {0} perusahaan itu {2}: periksa mana yang benar; perusahaan tidak diubah",
        .reasonControl: "{0} berisi karakter kendali",
        .reasonTooLong: "{0} terlalu panjang: {1} karakter, paling banyak {2}",
        .reasonStrayQuote: "Tanda petik (\") di dalam sel yang diawali tanda petik tidak digandakan, jadi kolom baris ini tidak bisa dibaca. Gandakan (\"\") atau hapus tanda petik pembuka sel itu",
        .reasonStrayQuoteLines: "baris ini jadi mencakup {0} baris berkas",
        .errorBadSource: "Sumber tidak dikenal: {0}. Pilih pemkot atau bpjs.",
        .errorBadDelimiter: "Pemisah tidak dikenal: {0}. Pilih auto, \",\" atau \";\".",
        .errorCannotRead: "Tidak dapat membaca {0}: {1}. Tidak ada yang diimpor.",
        .fileNoSuchFile: "tidak ada berkas atau folder itu",
        .fileFolder: "itu sebuah folder",
        .filePermission: "tidak ada izin",
        .fileNotAFile: "itu bukan berkas biasa (pipa atau perangkat), padahal impor membacanya lebih dari sekali; simpan daftarnya ke berkas lalu impor berkas itu",
        .fileDiskFull: "disk penuh",
        .fileReadOnly: "sistem berkasnya hanya-baca",
        .fileInPath: "sebagian jalurnya adalah berkas, bukan folder",
        .openFolderNotCreated: "folder {0} tidak dapat dibuat ({1})",
        .openFolderNotWritable: "folder {0} tidak boleh ditulisi oleh pengguna ini",
        .openNotReadable: "berkas itu tidak boleh dibaca oleh pengguna ini",
        .openNeedsUpgrade: "basis datanya perlu diperbarui, tetapi hanya bisa dibaca; buka sekali dengan izin menulis",
        .errorEmpty: "{0} kosong: tidak ada baris judul kolom. Tidak ada yang diimpor.",
        .errorNotUTF8: "{0} bukan teks UTF-8 (baris {1}). Simpan ulang sebagai \"CSV UTF-8\" lalu impor lagi. Tidak ada yang diimpor.",
        .errorUTF16: "{0} tersimpan sebagai UTF-16 (\"Teks Unicode\" di Excel), bukan CSV UTF-8. Di Excel pilih Simpan Sebagai › \"CSV UTF-8 (dibatasi koma)\", lalu impor berkas .csv itu. Tidak ada yang diimpor.",
        .errorUnclosedQuote: "{0} baris {1}: sel yang diawali tanda petik (\"{2}) tidak ditutup sebagaimana mestinya, sehingga baris-baris sesudahnya terbaca sebagai isi sel itu. Gandakan tanda petik di dalam sel (\"\") atau hapus tanda petik pembukanya, lalu impor lagi. Tidak ada yang diimpor.",
        .errorRowTooLong: "{0} baris {1}: satu baris lebih dari 1 MB, jadi ini bukan daftar perusahaan dalam CSV. Tidak ada yang diimpor.",
        .errorTabs: "Kolom {0} dipisah tab, bukan koma atau titik koma. Di Excel pilih Simpan Sebagai › \"CSV UTF-8 (dibatasi koma)\", lalu impor berkas .csv itu. Tidak ada yang diimpor.",
        .errorSpreadsheet: "{0} adalah buku kerja Excel, bukan CSV. Di Excel pilih Simpan Sebagai › \"CSV UTF-8 (dibatasi koma)\", lalu impor berkas .csv itu. Tidak ada yang diimpor.",
        .errorMissingColumn: "Kolom wajib tidak ditemukan: {0} (nama yang dicari: {1}). Tidak ada yang diimpor.",
        .errorOtherSource: "Kolomnya cocok dengan daftar {0}: mungkin maksudnya --source {1}?",
        .errorWrongDelimiter: "Dengan pemisah \"{0}\" judul kolom berkas ini tidak ditemukan, dengan \"{1}\" ditemukan: impor dengan --delimiter \"{1}\" atau tanpa --delimiter. Tidak ada yang diimpor.",
        .errorCannotWriteRejected: "Tidak dapat menulis baris yang ditolak ke {0}: {1}. Tidak ada yang diimpor.",
        .errorRejectedBesideList: "Baris yang ditolak ditulis di samping daftar, jadi foldernya harus bisa Anda tulisi: salin daftar ke folder Anda sendiri (misalnya folder rumah) dan impor salinannya.",
        .errorReadOnly: "{0} hanya dapat dibaca. Tidak ada yang diimpor.",
        .errorDryRunReadOnly: "{0} hanya dapat dibaca, padahal uji coba pun perlu menulis (impor dijalankan lalu dibatalkan). Tidak ada yang ditulis.",
        .errorBusy: "{0} sedang ditulis proses lain (misalnya impor lain). Tidak ada yang diimpor; coba lagi setelah selesai.",
        .errorDiskFull: "Disk tempat {0} penuh. Impor dibatalkan, basis data tidak berubah; kosongkan ruang lalu coba lagi.",
        .errorDatabase: "Impor dibatalkan, basis data tidak berubah: {0}",
        .interrupted: "Impor dihentikan. Basis data tidak berubah; tidak ada yang diimpor.",
        .progressRows: "Membaca baris",
        .progressIndexes: "Menyusun indeks",
        .progressSaving: "Menyimpan",
    ]

    public static let english: [ImportText: String] = [
        .summaryTitle: "Import of the {0} list from {1} (delimiter {2})",
        .summaryDryRunTitle: "Dry run of an import of the {0} list from {1} (delimiter {2})",
        .summaryRead: "Read",
        .summaryNew: "New",
        .summaryMerged: "Merged",
        .summaryUnchanged: "Unchanged",
        .summaryFlagged: "Possible duplicates",
        .summaryRejected: "Rejected",
        .summaryRejectedFile: "Rejected rows written to {0}",
        .summaryRejectedDryRun: "Rejected rows not written (dry run)",
        .summaryUnknownColumns: "Unknown columns (ignored): {0}",
        .summaryTitleRows: "Rows above the column headings, skipped: {0}",
        .summaryRepeatedHeaders: "Column headings repeated further down the file, skipped: {0} (the first on line {1})",
        .summaryTotalsRows: "JUMLAH/TOTAL rows (no company), skipped: {0} (the first on line {1})",
        .summaryEmptyRows: "Rows with nothing in a known column (a row number only, say), skipped: {0} (the first on line {1})",
        .summarySectionHeadings: "Section headings (KECAMATAN PEKALONGAN BARAT, say), skipped: {0} (the first on line {1})",
        .summarySignatureRows: "Signature rows (Mengetahui, Kepala …, name, NIP), skipped: {0} (the first on line {1})",
        .summarySubHeadings: "Column headings on two rows: the second (line {0}) skipped",
        .summarySplitTotal: "  {0} read from its sub-column {1}",
        .summarySplitSum: "  {0} summed from its sub-columns {1}",
        .summaryWorkersSummed: "Worker count summed from the columns {0}",
        .summaryWorkersFromTotal: "Worker count read from the column {0}",
        .summaryNeighbourhood: "RT/RW from the columns {0} added to the address",
        .askCreateDatabase: "The database {0} does not exist. Create it and import into it? (y = yes) ",
        .summaryKecamatanFromKelurahan: "Blank kecamatan filled in from the kelurahan: {0} rows (cells merged down in Excel?)",
        .errorDatabaseNotCreated: "Nothing imported: the database {0} was not created. Check --db (or $KAWAL_DB).",
        .summaryRepeatedColumns: "Columns given twice, ignored (read instead: the narrower, else the first): {0}",
        .summarySameFile: "The same file was imported before: import #{0}, {1} WIB, by {2}.",
        .summaryCases: "New cases opened: {0}; compliance notes on open cases: {1}",
        .summaryFlaggedHint: "Possible duplicates wait for review on the Duplicates screen.",
        .summaryDryRunNothingWritten: "Dry run: nothing was written to {0}.",
        .summaryRecorded: "Recorded in {3} as import #{0} by {1}.\nSHA-256: {2}",
        .summaryNewDatabase: "The database {0} did not exist, so it was created for this import.",
        .summaryDryRunNoDatabase: "The database {0} does not exist yet: the dry run counted as if into an empty one.",
        .rejectedLineColumn: "Line",
        .rejectedReasonColumn: "Reason",
        .reasonCellCount: "{0} columns, expected {1}",
        .reasonMissingValue: "{0} is empty",
        .reasonOnlyAName: "only a name is given: no NPWP, NIB, NPP, address or kelurahan to find this company by (a note under the list, or a row cut short?)",
        .reasonChecksum: "{0} {1}: check digit does not match",
        .reasonLength: "{0} {1}: {2} digits, expected {3}",
        .reasonCharacter: "{0} {1}: invalid character \"{2}\"",
        .reasonSixteenDigits: "{0} {1}: 16 digits must start with 0 (other 16 digits are a NIK, a person's NPWP, not accepted yet)",
        .reasonSeveralCodes: "{0} {1}: more than one code; keep one, the main KBLI",
        .reasonEmpty: "{0} is empty",
        .reasonScientific: "{0} {1}: Excel wrote it as a number in scientific notation, its digits are lost in this CSV",
        .reasonLeadingZero: "Excel may have dropped its leading 0",
        .summaryDifferingRows: "Companies the file gives different values on different rows: {0} (the first on line {1}); the values of each one's last row are kept.",
        .summaryPersonalNPWP: "{0} rows were rejected because their NPWP has 16 digits not starting with 0, usually a NIK (a person's NPWP), not accepted yet, being personal data. To import those businesses anyway, blank the NPWP of those rows in the rejected rows' file and import that file.",
        .summaryScientific: "{0} rows were rejected because Excel wrote NPWP/NIB/NPP as numbers in scientific notation (e.g. {1}). In the original workbook give that column the custom format \"0\" (Format Cells › Custom), save it again as CSV UTF-8 and import it again: rows already imported stay as they are.",
        .reasonNumber: "{0} is not a whole number of zero or more: {1}",
        .reasonStatus: "Unknown membership status: {0} (PWBD, PDS-TK, PDS-Upah, PDS-Program, Patuh)",
        .reasonLegalForm: "Unknown legal form: {0} (PT, CV, UD, Koperasi, Perorangan, Firma, Yayasan)",
        .reasonClash: "{0} {1} already belongs to #{2} {5}, but this row's {3} matches #{4} {6}: check which is right; neither was changed",
        .reasonClashByName: "{0} {1} already belongs to #{2} {5}, but this row's name matches #{4} {6}: check which is right; neither was changed",
        .reasonIdentifierDiffers: "This row's {3} matches #{4} {5}, but its {0} {1} differs from that company's {0} {2}: check which is right; the company was not changed",
        .reasonControl: "{0} contains control characters",
        .reasonTooLong: "{0} is too long: {1} characters, at most {2}",
        .reasonStrayQuote: "A quote (\") inside a cell that starts with a quote is not doubled, so this row's columns cannot be read. Double it (\"\") or remove the cell's opening quote",
        .reasonStrayQuoteLines: "so this row spans {0} lines of the file",
        .errorBadSource: "Unknown source: {0}. Choose pemkot or bpjs.",
        .errorBadDelimiter: "Unknown delimiter: {0}. Choose auto, \",\" or \";\".",
        .errorCannotRead: "Cannot read {0}: {1}. Nothing was imported.",
        .fileNoSuchFile: "no such file or folder",
        .fileFolder: "it is a folder",
        .filePermission: "permission denied",
        .fileNotAFile: "it is not a regular file (a pipe or a device), and an import reads its file more than once; save the list to a file and import that file",
        .fileDiskFull: "the disk is full",
        .fileReadOnly: "the file system is read-only",
        .fileInPath: "part of the path is a file, not a folder",
        .openFolderNotCreated: "folder {0} cannot be created ({1})",
        .openFolderNotWritable: "folder {0} is not writable by this user",
        .openNotReadable: "this user may not read the file",
        .openNeedsUpgrade: "the database needs an upgrade but is read-only; open it once with write access",
        .errorEmpty: "{0} is empty: it has no header row. Nothing was imported.",
        .errorNotUTF8: "{0} is not UTF-8 text (line {1}). Save it again as \"CSV UTF-8\" and import again. Nothing was imported.",
        .errorUTF16: "{0} is saved as UTF-16 (Excel's \"Unicode Text\"), not CSV UTF-8. In Excel choose Save As › \"CSV UTF-8 (Comma delimited)\", then import that .csv file. Nothing was imported.",
        .errorUnclosedQuote: "{0} line {1}: a cell opening with a quote (\"{2}) is not closed where it should be, so the lines after it read as part of that cell. Double the quotes inside the cell (\"\") or remove its opening quote, then import again. Nothing was imported.",
        .errorRowTooLong: "{0} line {1}: one row is longer than 1 MB, so this is not a list of companies as CSV. Nothing was imported.",
        .errorTabs: "The columns of {0} are separated by tabs, not commas or semicolons. In Excel choose Save As › \"CSV UTF-8 (Comma delimited)\", then import that .csv file. Nothing was imported.",
        .errorSpreadsheet: "{0} is an Excel workbook, not CSV. In Excel choose Save As › \"CSV UTF-8 (Comma delimited)\", then import that .csv file. Nothing was imported.",
        .errorMissingColumn: "Required column not found: {0} (names looked for: {1}). Nothing was imported.",
        .errorOtherSource: "Its columns fit the {0} list: did you mean --source {1}?",
        .errorWrongDelimiter: "With the delimiter \"{0}\" this file has no header row; with \"{1}\" it has: import with --delimiter \"{1}\" or without --delimiter. Nothing was imported.",
        .errorCannotWriteRejected: "Cannot write the rejected rows to {0}: {1}. Nothing was imported.",
        .errorRejectedBesideList: "The rejected rows are written beside the list, so you must be able to write to its folder: copy the list to a folder of your own (your home folder, say) and import the copy.",
        .errorReadOnly: "{0} is read-only. Nothing was imported.",
        .errorDryRunReadOnly: "{0} is read-only, and even a dry run writes (it imports and then rolls back). Nothing was written.",
        .errorBusy: "Another program (another import, say) is writing to {0}. Nothing was imported; try again when it is done.",
        .errorDiskFull: "The disk holding {0} is full. The import was abandoned and the database is unchanged; free some space and try again.",
        .errorDatabase: "Import cancelled, the database is unchanged: {0}",
        .interrupted: "Import stopped. The database is unchanged; nothing was imported.",
        .progressRows: "Reading rows",
        .progressIndexes: "Building indexes",
        .progressSaving: "Saving",
    ]
}

extension Strings {
    /// The name of a column as the default header writes it (`Nama Usaha`, `NPWP`).
    public func importColumn(_ f: CompanyField) -> String { ImportLayout.aliases(f)[0] }

    /// Why a row was refused, in the rejected file's reason column.
    public func rowProblem(_ p: RowProblem) -> String {
        switch p {
        case .wrongCellCount(let got, let expected): return text(ImportText.reasonCellCount, number(got), number(expected))
        case .missingValue(let f): return text(ImportText.reasonMissingValue, importColumn(f))
        case .identifier(let e):
            let field = e.field.rawValue
            switch e.problem {
            case .checksum: return text(ImportText.reasonChecksum, field, e.value)
            case .wrongLength(let got, let expected):
                let reason = text(ImportText.reasonLength, field, e.value, String(got), expected.map(String.init).joined(separator: "/"))
                return e.mayHaveLostLeadingZero ? reason + " (" + text(ImportText.reasonLeadingZero) + ")" : reason
            case .invalidCharacter(let c): return text(ImportText.reasonCharacter, field, e.value, String(c))
            case .sixteenDigitsMustStartWithZero: return text(ImportText.reasonSixteenDigits, field, e.value)
            case .empty: return text(ImportText.reasonEmpty, field)
            case .scientificNotation: return text(ImportText.reasonScientific, field, e.value)
            case .severalCodes: return text(ImportText.reasonSeveralCodes, field, e.value)
            }
        case .badNumber(let f, let v): return text(ImportText.reasonNumber, importColumn(f), v)
        case .onlyAName: return text(ImportText.reasonOnlyAName)
        case .phoneAsNumber(let v): return text(ImportText.reasonScientific, importColumn(.phone), v)
        case .unknownStatus(let v): return text(ImportText.reasonStatus, v)
        case .unknownLegalForm(let v): return text(ImportText.reasonLegalForm, v)
        case .identifierClash(let c):
            return text(c.matchedBy == nil ? ImportText.reasonClashByName : ImportText.reasonClash, c.field.rawValue, c.value,
                        String(c.otherID), c.matchedBy?.rawValue ?? "", String(c.matchedID), c.otherName, c.matchedName)
        case .identifierDiffers(let d):
            return text(ImportText.reasonIdentifierDiffers, d.field.rawValue, d.value, d.companyValue, d.matchedBy.rawValue,
                        String(d.matchedID), d.matchedName)
        case .controlCharacters(let f): return text(ImportText.reasonControl, importColumn(f))
        case .strayQuote(let lines):
            let reason = text(ImportText.reasonStrayQuote)
            return lines > 1 ? reason + " (" + text(ImportText.reasonStrayQuoteLines, number(lines)) + ")" : reason
        case .tooLong(let f, let length):
            return text(ImportText.reasonTooLong, importColumn(f), number(length), number(ImportRecord.maxLength))
        }
    }
}
