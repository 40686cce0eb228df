/// The columns an import file may have, and how its header is matched to them.
///
/// Header cells match regardless of case, spacing and punctuation (`NAMA_USAHA`,
/// `Nama usaha`, `nama-usaha` are all "Nama Usaha"), through the aliases below.
public enum ImportLayout {
    /// The columns each source's list has by default, in their usual order.
    public static func defaultColumns(_ source: ImportSource) -> [CompanyField] {
        switch source {
        case .pemkot:
            return [.name, .legalForm, .nib, .npwp, .address, .kelurahan, .kecamatan, .kbli, .estimatedWorkers, .phone, .owner]
        case .bpjs:
            return [.npp, .name, .npwp, .address, .kecamatan, .status, .registeredWorkers, .estimatedWorkers]
        }
    }

    /// The columns without which a file of this source is refused before anything is written.
    public static func requiredColumns(_ source: ImportSource) -> [CompanyField] {
        switch source {
        case .pemkot: return [.name, .address, .kelurahan, .kecamatan]
        case .bpjs: return [.npp, .name, .status]
        }
    }

    /// The header names accepted for a column, the usual one first (any source may use any of them).
    public static func aliases(_ field: CompanyField) -> [String] {
        switch field {
        case .name: return ["Nama Usaha", "Nama Perusahaan", "Nama", "Nama Badan Usaha", "Nama Pemberi Kerja", "Nama Pelaku Usaha",
                            "Company Name", "Name"]
        case .legalForm: return ["Bentuk Usaha", "Bentuk Badan Usaha", "Badan Hukum", "Bentuk Perusahaan", "Jenis Badan Usaha", "Bentuk",
                                 "Badan Usaha", "Bentuk Badan Hukum", "Legal Form"]
        case .nib: return ["NIB", "Nomor Induk Berusaha", "No NIB", "Nomor NIB"]
        case .npwp: return ["NPWP", "NPWP Perusahaan", "Nomor Pokok Wajib Pajak", "No NPWP", "Nomor NPWP", "NPWP Badan"]
        case .npp: return ["NPP", "Nomor Pendaftaran Perusahaan", "No NPP", "Nomor NPP", "NPP Perusahaan"]
        case .kbli: return ["KBLI", "Kode KBLI", "KBLI 2020"]
        case .address: return ["Alamat", "Alamat Usaha", "Alamat Perusahaan", "Alamat Lengkap", "Alamat Tempat Usaha", "Alamat Kantor",
                               "Alamat Pemberi Kerja", "Alamat Pelaku Usaha", "Alamat Badan Usaha", "Alamat Lokasi Usaha", "Lokasi Usaha",
                               "Address"]
        case .kelurahan: return ["Kelurahan", "Desa/Kelurahan", "Kelurahan/Desa", "Kel", "Kel/Desa", "Desa", "Kelurahan Usaha"]
        case .kecamatan: return ["Kecamatan", "Kec", "Kecamatan Usaha"]
        case .phone: return ["Telepon", "No Telepon", "Nomor Telepon", "Telp", "No Telp", "No HP", "HP", "No HP/WA", "Telepon/HP", "No Telp/HP",
                             "Nomor HP", "No WA", "Telepon/WA", "No Telepon/HP", "Phone"]
        case .owner: return ["Pemilik", "Nama Pemilik", "Penanggung Jawab", "Nama Penanggung Jawab", "Pimpinan", "Nama Pimpinan",
                             "Nama Pemilik/Penanggung Jawab", "Pemilik Usaha", "Owner"]
        case .estimatedWorkers: return ["Jumlah Tenaga Kerja", "TK Potensi", "Jumlah TK", "Jml TK", "Tenaga Kerja", "Tenaga Kerja Potensi",
                                        "Jumlah TK Potensi", "Jumlah Pekerja", "Jumlah Karyawan", "Jml Tenaga Kerja",
                                        "Jumlah Tenaga Kerja (Orang)", "Jumlah TK (Orang)", "Workers"]
        case .registeredWorkers: return ["TK Terdaftar", "Tenaga Kerja Terdaftar", "Jumlah TK Terdaftar", "TK Aktif", "Jumlah TK Aktif",
                                         "Jumlah Peserta", "Jumlah Tenaga Kerja Terdaftar", "Registered Workers"]
        case .status: return ["Status Kepesertaan", "Status", "Kategori", "Kategori Kepatuhan", "Kategori Kepesertaan"]
        }
    }

    /// The key a header cell is compared by: folded letters and digits only (`Desa/Kelurahan` → `desakelurahan`).
    public static func headerKey(_ cell: String) -> String {
        TextFold.words(cell).joined()
    }

    private static let fieldByKey: [String: CompanyField] = {
        var out: [String: CompanyField] = [:]
        for f in CompanyField.allCases { for a in aliases(f) { out[headerKey(a)] = f } }
        return out
    }()

    /// The first three letters (folded, ASCII) of each column's names.
    private static let leadsByField: [CompanyField: Set<[UInt8]>] = {
        var out: [CompanyField: Set<[UInt8]>] = [:]
        for f in CompanyField.allCases { out[f] = Set(aliases(f).map { Array(headerKey($0).utf8.prefix(3)) }) }
        return out
    }()

    /// Whether `cell` may name `field`: its first three ASCII letters or digits, folded, begin one
    /// of the field's names. Cheap, for a test run on every row; `field(forHeader:)` decides.
    static func mayName(_ field: CompanyField, _ cell: String) -> Bool {
        var lead: [UInt8] = []
        lead.reserveCapacity(3)
        for b in cell.utf8 {
            let lower = b >= 65 && b <= 90 ? b + 32 : b
            if (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57) {
                lead.append(lower)
                if lead.count == 3 { break }
            } else if b < 0x80 || b == 0xEF || b == 0xBB || b == 0xBF {
                continue  // punctuation, spaces, a byte order mark
            } else {
                return true  // a letter outside ASCII: let the full fold decide
            }
        }
        return leadsByField[field]?.contains(lead) ?? false
    }

    /// The column a header cell names, if any.
    public static func field(forHeader cell: String) -> CompanyField? { fieldByKey[headerKey(cell)] }

    /// How a file's header maps to columns.
    public struct Header: Hashable, Sendable {
        /// The position of each recognised column (the first one, when a column appears twice).
        public var positions: [CompanyField: Int]
        /// Header cells that name no known column, as written; ignored. Blank cells (the empty
        /// columns a spreadsheet pads its rows with) are not listed.
        public var unknown: [String]
        /// Header cells that repeat a known column (a second "Alamat"), ignored: the first is
        /// read, unless a later one names the column more narrowly (`narrows`).
        public var repeated: [String] = []
        /// Required columns the header lacks, in the order of `requiredColumns`.
        public var missing: [CompanyField]
        /// How many cells the header has.
        public var width: Int
        /// How many of the header's last cells a row may leave out: a rejected file imported
        /// again ends with its line and reason columns, which a row fixed by hand may have lost.
        public var omissibleTrailing = 0
        /// Worker columns that a second heading row splits into parts without a total
        /// (`Jumlah Tenaga Kerja` over `L | P`): the cells whose sum is the count. Set by
        /// `readingSubHeadings`.
        public var parts: [CompanyField: [Int]] = [:]
        /// The worker columns a second heading row splits, as the summary tells them.
        public var splits: [SplitColumn] = []
        /// RT and RW columns (`RT`, `RW`, `RT/RW`) beside an address column: their values are
        /// added to the address (`Jl. Seruni 4 RT 02/RW 03`). Set by `match`.
        public var neighbourhood: [Neighbourhood: Int] = [:]
        public enum Neighbourhood: String, Hashable, Sendable {
            case rt, rw, both

            /// The column a heading names: `RT`, `R.W.`, `RT/RW`.
            init?(heading: String) {
                switch ImportLayout.headerKey(heading) {
                case "rt": self = .rt
                case "rw": self = .rw
                case "rtrw": self = .both
                default: return nil
                }
            }
        }
        /// The headings of those columns, as written, for the summary.
        public var neighbourhoodColumns: [String] = []
        /// Columns that each give a part of the worker count, when none gives the count itself
        /// (an OSS export: `Jumlah TKI Laki-laki`, `Jumlah TKI Perempuan`, …), as written: the
        /// count is their sum (`parts`). Set by `match`.
        public var summedColumns: [String] = []

        /// A worker column split by a second heading row, and how it is read: from its total's
        /// sub-column, or as the sum of its parts.
        public struct SplitColumn: Hashable, Sendable {
            /// The column's heading, as written (`Jumlah Tenaga Kerja`).
            public var heading: String
            /// The sub-headings read, as written: one total (`Jumlah`), or the parts summed (`L`, `P`).
            public var read: [String]
            public var summed: Bool { read.count > 1 }

            public init(heading: String, read: [String]) {
                self.heading = heading
                self.read = read
            }
        }

        /// Whether a row repeats the header rather than giving a company: each recognised
        /// column's cell names that column again, under any of its names. Lists joined by hand,
        /// one after another, each bring their header along (with a byte order mark, even).
        public func isRepeated(by cells: [String]) -> Bool {
            // The name cell first, by its first letters: that settles it for a row that gives a company.
            guard let name = positions[.name], name < cells.count, ImportLayout.mayName(.name, cells[name]),
                  ImportLayout.field(forHeader: cells[name]) == .name else { return false }
            return positions.allSatisfy { field, i in
                i < cells.count && (ImportLayout.field(forHeader: cells[i]) == field
                                    || !summedColumns.isEmpty && field == .estimatedWorkers && ImportLayout.workerPart(cells[i]) != nil)
            }
        }

        /// Whether a row has nothing in any recognised column: only a row number, or a note, in
        /// a column the import ignores. A sheet made from a template numbers rows it never fills
        /// (`21;;;;;`); such a row gives no company.
        public func givesNothing(_ cells: [String]) -> Bool {
            positions.values.allSatisfy { Self.blank($0, cells) }
        }

        /// The header as a second heading row below it reads, when `row` is one: a sheet whose
        /// heading cells were merged in Excel writes `Jumlah Tenaga Kerja` over three columns and,
        /// in the row below, `L`, `P` and `Jumlah`. Read as one heading row, the count would be
        /// the first sub-column's, the men's alone.
        ///
        /// `row` is such a row when its name cell is blank and every other cell it fills is a
        /// sub-heading a worker count is split by (men and women, permanent and contract, or a
        /// total) under a worker column's heading or the blank heading cells to its right. Each
        /// split worker column is then read from its total's sub-column, or, without one, as
        /// the sum of its parts. The address heading may be split in the same row, into the
        /// street and its RT and RW (`Jalan | RT | RW`): those are then read into the address
        /// (`neighbourhood`). Nil for any other row.
        public func readingSubHeadings(_ row: [String], under heading: [String]) -> Header? {
            guard let n = positions[.name], Self.blank(n, row) else { return nil }
            /// The cells under `field`'s heading: its own and the blank ones to its right (a merged heading).
            func span(_ field: CompanyField) -> Range<Int>? {
                guard let start = positions[field] else { return nil }
                var end = start + 1
                while end < min(width, heading.count), ImportLayout.isBlank(heading[end]) { end += 1 }
                return start..<end
            }
            let groups = [CompanyField.estimatedWorkers, .registeredWorkers].compactMap { f in span(f).map { (field: f, cells: $0) } }
            // The address may be split too: the street, then its RT and RW (`Jalan | RT | RW`).
            let street = span(.address) ?? 0..<0
            var filled = false
            var neighbourhoodCells: [(Neighbourhood, Int)] = []
            for (i, cell) in row.enumerated() where !ImportLayout.isBlank(cell) {
                if street.contains(i) {
                    if let kind = Neighbourhood(heading: cell) {
                        neighbourhoodCells.append((kind, i))
                    } else if !ImportLayout.streetHeadings.contains(ImportLayout.headerKey(cell)) {
                        return nil
                    }
                } else {
                    guard ImportLayout.isSubHeading(cell), groups.contains(where: { $0.cells.contains(i) }) else { return nil }
                }
                filled = true
            }
            guard filled else { return nil }
            var read = self
            for (kind, i) in neighbourhoodCells where read.neighbourhood[kind] == nil {
                read.neighbourhood[kind] = i
                read.neighbourhoodColumns.append(row[i])
            }
            for (field, cells) in groups where cells.count > 1 {
                let labelled = cells.filter { !Self.blank($0, row) }
                guard let first = labelled.first else { continue }
                if let total = labelled.first(where: { ImportLayout.isTotalsLabel(row[$0]) }) {
                    read.positions[field] = total
                    read.splits.append(SplitColumn(heading: heading[cells.lowerBound], read: [row[total]]))
                } else {
                    read.positions[field] = first
                    if labelled.count > 1 { read.parts[field] = labelled }
                    read.splits.append(SplitColumn(heading: heading[cells.lowerBound], read: labelled.map { row[$0] }))
                }
            }
            return read
        }

        /// Reads the worker count from the columns that each give a part of it, when there are
        /// two or more (`ImportLayout.workerPart`): their sum, or a total among them alone.
        mutating func summingWorkerParts(_ cells: [String]) {
            var found: [(index: Int, part: ImportLayout.WorkerPart)] = []
            for (i, cell) in cells.enumerated() where !positions.values.contains(i) {
                if let p = ImportLayout.workerPart(cell) { found.append((i, p)) }
            }
            guard found.count >= 2 || found.first?.part == .total else { return }
            if let total = found.first(where: { $0.part == .total }) {
                positions[.estimatedWorkers] = total.index
                summedColumns = [cells[total.index]]
            } else {
                positions[.estimatedWorkers] = found[0].index
                parts[.estimatedWorkers] = found.map(\.index)
                summedColumns = found.map { cells[$0.index] }
            }
            let taken = Set(summedColumns)
            unknown.removeAll { taken.contains($0) }
        }

        /// Finds the RT and RW columns among the unknown ones (the first of each).
        mutating func readingNeighbourhood(_ cells: [String]) {
            for (i, cell) in cells.enumerated() where !positions.values.contains(i) {
                guard let kind = Neighbourhood(heading: cell), neighbourhood[kind] == nil else { continue }
                neighbourhood[kind] = i
                neighbourhoodColumns.append(cell)
            }
            let taken = Set(neighbourhoodColumns)
            unknown.removeAll { taken.contains($0) }
        }

        /// Whether a row is a section heading of a list grouped by place (`KECAMATAN PEKALONGAN
        /// BARAT`, `A. Kelurahan Kauman`): its name cell names a kecamatan or kelurahan of the city,
        /// after the word that says which, and it gives nothing else. Such a row is no company.
        public func isSectionHeading(_ cells: [String]) -> Bool {
            guard let n = positions[.name], n < cells.count else { return false }
            guard positions.allSatisfy({ field, i in field == .name || Self.blank(i, cells) }) else { return false }
            return ImportLayout.namesAPlace(cells[n])
        }

        /// Whether the row's cell at `i` is blank, or the row is too short to have one.
        private static func blank(_ i: Int, _ cells: [String]) -> Bool { i >= cells.count || ImportLayout.isBlank(cells[i]) }

        /// Whether a row is a spreadsheet's totals row (`JUMLAH`, `TOTAL`, `Grand Total`) rather
        /// than a company: its name cell says so (or, when that is blank, another cell does, as
        /// under a "No" column), and it gives no NPWP, NIB, NPP or address. Lists kept in Excel
        /// often end with one, which would otherwise become a company called JUMLAH with a case.
        public func isTotals(_ cells: [String]) -> Bool {
            guard let n = positions[.name], n < cells.count else { return false }
            if ImportLayout.isBlank(cells[n]) {
                guard cells.contains(where: ImportLayout.isTotalsLabel) else { return false }
            } else {
                guard ImportLayout.isTotalsLabel(cells[n]) else { return false }
            }
            return [CompanyField.npwp, .nib, .npp, .address].allSatisfy { f in positions[f].map { Self.blank($0, cells) } ?? true }
        }

        /// Whether a row opens the signature block a government list ends with (`Mengetahui,`,
        /// `Kepala Dinas …`, `Pekalongan, 27 November 2026`, `NIP. 19700101 …`): one cell holds
        /// text, and it is one of those.
        public func opensSignature(_ cells: [String]) -> Bool {
            guard let only = Self.onlyCell(cells) else { return false }
            return ImportLayout.isSignatureLine(only)
        }

        /// Whether a row holds text in one cell only (in a signature block: the signer's name).
        public func holdsOneCell(_ cells: [String]) -> Bool { Self.onlyCell(cells) != nil }

        private static func onlyCell(_ cells: [String]) -> String? {
            var found: String?
            for c in cells where !ImportLayout.isBlank(c) {
                if found != nil { return nil }
                found = c
            }
            return found
        }
    }

    /// Whether a cell is a line of a signature block: who knows of or approves the list
    /// (`Mengetahui`, `Menyetujui`, `a.n.`), an office (`Kepala …`, `Sekretaris …`), where and
    /// when it was signed (`Pekalongan, 27 November 2026`), or the signer's civil-servant number
    /// (`NIP. 19700101 199003 1 001`).
    public static func isSignatureLine(_ cell: String) -> Bool {
        guard cell.utf8.count <= 80 else { return false }
        var words = TextFold.words(cell)
        // `a.n.` (atas nama, on behalf of) comes apart into two letters.
        if words.count > 2, words[0] == "a", words[1] == "n" { words = ["an"] + words.dropFirst(2) }
        guard let first = words.first else { return false }
        if ["mengetahui", "menyetujui", "disetujui", "diketahui", "dibuat", "disusun", "an", "plt", "plh"].contains(first) {
            // `a.n.` and `Plt.` come before an office: `a.n. Kepala Dinas`.
            return first.count > 3 || words.count > 1 && ["kepala", "sekretaris", "walikota", "wali"].contains(words[1])
        }
        if ["kepala", "sekretaris", "walikota"].contains(first), words.count > 1 { return true }
        // NIP and at least 8 digits after it.
        if first == "nip" || first.hasPrefix("nip") && first.dropFirst(3).allSatisfy(\.isNumber) {
            return cell.filter(\.isNumber).count >= 8
        }
        // `Pekalongan, 27 November 2026`: the city, then a day, a month's name and a year.
        if first == "pekalongan", words.count >= 4, words[words.count - 1].count == 4, words[words.count - 1].allSatisfy(\.isNumber),
           Self.monthNames.contains(words[words.count - 2]) {
            return true
        }
        return false
    }

    private static let monthNames: Set<String> = [
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember",
    ]

    /// The words a totals row is labelled with, in lower case, letters only.
    static let totalsLabels: Set<String> = [
        "jumlah", "jml", "total", "subtotal", "grandtotal", "jumlahtotal", "totaljumlah", "jumlahkeseluruhan",
        "totalkeseluruhan", "jumlahseluruhnya", "totalseluruhnya", "jumlahakhir", "totalakhir",
    ]

    static func isTotalsLabel(_ cell: String) -> Bool {
        // Every row's name comes through here: most are ruled out by their length or first letter.
        guard cell.utf8.count <= 60, let first = cell.utf8.first(where: { $0 != 0x20 }),
              "jtgs".utf8.contains(first | 0x20) else { return false }
        if cell.utf8.count <= 24, totalsLabels.contains(String(cell.lowercased().filter(\.isLetter))) { return true }
        return isPartTotalsLabel(cell)
    }

    /// A subtotal's label: a totals word, then the place it totals (`Jumlah Kec. Pekalongan
    /// Timur`, `Total Kelurahan Kauman`) or what it counts with the count (`Jumlah Usaha: 12`).
    /// `Total Jaya Motor` is a name.
    static func isPartTotalsLabel(_ cell: String) -> Bool {
        // Most names are ruled out by their first three letters, before any folding.
        let lead = String(decoding: cell.utf8.drop(while: { $0 == 0x20 }).prefix(3).map { $0 | 0x20 }, as: UTF8.self)
        guard ["jum", "jml", "tot", "sub"].contains(lead) else { return false }
        let words = TextFold.words(cell)
        guard words.count >= 2, ["jumlah", "jml", "total", "subtotal"].contains(words[0]) else { return false }
        let rest = Array(words.dropFirst())
        if ["usaha", "perusahaan", "tk", "pekerja", "data"].contains(rest[0]), rest.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) }) {
            return true
        }
        guard let space = cell.firstIndex(where: { $0 == " " || $0 == ":" }) else { return false }
        return namesAPlace(String(cell[cell.index(after: space)...]))
    }

    /// The sub-headings a worker count is split by in a second heading row, in lower case,
    /// letters only: men and women, citizens and foreigners, permanent, contract and daily
    /// workers. A total (`Jumlah`, `Total`) is one too (`totalsLabels`).
    static let subHeadings: Set<String> = [
        "l", "p", "lk", "pr", "laki", "lakilaki", "pria", "perempuan", "wanita", "male", "female", "men", "women",
        "wni", "wna", "tetap", "tidaktetap", "kontrak", "harian", "borongan", "pkwt", "pkwtt",
    ]

    static func isSubHeading(_ cell: String) -> Bool {
        guard cell.utf8.count <= 24 else { return false }
        let key = String(cell.lowercased().filter(\.isLetter))
        return subHeadings.contains(key) || totalsLabels.contains(key)
    }

    /// Whether a cell holds nothing visible: spaces, or the invisible characters pasted text
    /// carries (`ImportRecord.isInvisible`).
    static func isBlank(_ cell: String) -> Bool {
        cell.unicodeScalars.allSatisfy { s in
            s.properties.isWhitespace || ImportRecord.isInvisible(s)
        }
    }

    /// What a second heading row calls the street under a split address heading (header keys).
    static let streetHeadings: Set<String> = ["jalan", "jl", "jln", "namajalan", "alamat", "alamatjalan", "dusun", "dukuh", "gang"]

    /// Whether `text` names a kecamatan or kelurahan of the city after the word that says which
    /// (`Kecamatan.prefixWords`, `Kelurahan.prefixWords`: `Kec.`, `Kelurahan`, `Desa`, …),
    /// perhaps after a section's letter or number (`A.`, `II.`, `3.`).
    static func namesAPlace(_ text: String) -> Bool {
        guard text.utf8.count <= 60 else { return false }
        var words = placeWords(text)
        if words.count > 2, words[0].count <= 4, words[0].allSatisfy({ $0.isNumber }) || words[0].count == 1
            || words[0].allSatisfy({ "ivx".contains($0) }) {
            words.removeFirst()
        }
        guard let first = words.first, Kecamatan.prefixWords.contains(first) || Kelurahan.prefixWords.contains(first),
              words.count > 1 else { return false }
        let place = words.joined(separator: " ")
        return Kecamatan.isCity(Kecamatan.canonical(place)) || Kelurahan.isCity(Kelurahan.canonical(place))
    }

    /// How many non-blank rows from the top of a file may come before its header.
    public static let headerSearchRows = 10

    /// Finds a file's header among its first non-blank rows: the first one that has every
    /// required column of `source`. A sheet saved from Excel often has a title, a blank row or
    /// Excel's `sep=;` above it; those rows are counted and skipped. When none of the first
    /// `headerSearchRows` is a header, the row with the most recognised columns is the one an
    /// error should name.
    public struct HeaderSearch: Sendable {
        public let source: ImportSource
        /// Non-blank rows offered that were not the header.
        public private(set) var titleRows = 0
        /// The row that came closest to a header so far, with its match.
        public private(set) var closest: (cells: [String], header: Header)?

        public init(source: ImportSource) { self.source = source }

        /// Whether the search has looked at as many rows as a header may be below.
        public var isOver: Bool { titleRows >= headerSearchRows }

        /// The header's cells when it spans two rows (`ImportLayout.twoRowHeader`), and the
        /// second row's sub-headings of a worker count, as a row of their own (nil: none).
        public private(set) var twoRows: (cells: [String], subHeadings: [String]?)?
        /// The non-blank row offered last, if it was not the header: the first of two rows, perhaps.
        private var previous: [String]?

        /// Offers the next row of the file: its match when it is the header (alone, or with the
        /// row before it: `twoRows`), nil otherwise (blank rows are passed over without counting).
        public mutating func offer(_ cells: [String]) -> Header? {
            if cells.allSatisfy(\.isEmpty) {
                previous = nil
                return nil
            }
            let candidate = ImportLayout.match(header: cells, source: source)
            if candidate.missing.isEmpty { return candidate }
            if let previous, let two = ImportLayout.twoRowHeader(previous, cells, source: source) {
                titleRows -= 1  // the first of the two was counted as a title
                twoRows = (two.cells, two.subHeadings)
                return two.header
            }
            if closest.map({ candidate.positions.count > $0.header.positions.count }) ?? true { closest = (cells, candidate) }
            titleRows += 1
            previous = cells
            return nil
        }
    }

    /// A header written over two rows, as a sheet with merged heading cells is saved: `Nama
    /// Usaha` spanning both rows (so blank in the second), `Alamat` over `Jalan`, `Kelurahan`
    /// and `Kecamatan`, `Jumlah TK` over `L`, `P` and `Jumlah`. A column the second row names
    /// (a known column's name) is that; any other is the first row's (the second row's own
    /// word where the first is blank). Nil when that still lacks a required column of
    /// `source`, or when the second row names no column. The parts of a worker count come back
    /// as a row of their own (`Header.readingSubHeadings` has read them into the header
    /// already), for a rejected file to repeat under its header; nil when there are none.
    public static func twoRowHeader(_ first: [String], _ second: [String], source: ImportSource)
        -> (cells: [String], header: Header, subHeadings: [String]?)? {
        let width = max(first.count, second.count)
        var cells: [String] = [], parts: [String] = []
        var named = false
        for i in 0..<width {
            let top = i < first.count ? first[i] : "", below = i < second.count ? second[i] : ""
            let part = !isBlank(below) && isSubHeading(below)
            if field(forHeader: below) != nil {
                named = true
                cells.append(below)
            } else if part {
                cells.append(top)  // blank beside the worker heading it is a part of
            } else {
                // A blank, or a word under a merged heading (`Jalan` under `Alamat`).
                cells.append(isBlank(top) ? below : top)
            }
            parts.append(part ? below : "")
        }
        let header = match(header: cells, source: source)
        guard named, header.missing.isEmpty else { return nil }
        // No parts, or parts that are not a worker count's (`L` and `P` under the owner's sex):
        // the header as the rows name it.
        guard let read = header.readingSubHeadings(parts, under: cells) else { return (cells, header, nil) }
        return (cells, read, parts)
    }

    /// The other list whose required columns `cells` all has, when a header lacks some of
    /// `source`'s: the file was most likely given with the wrong `--source`.
    public static func otherSourceFitting(header cells: [String], source: ImportSource) -> ImportSource? {
        ImportSource.allCases.first { $0 != source && match(header: cells, source: $0).missing.isEmpty }
    }

    /// Matches a file's header cells to the columns of `source`.
    public static func match(header cells: [String], source: ImportSource) -> Header {
        var positions: [CompanyField: Int] = [:]
        var unknown: [String] = []
        var repeated: [String] = []
        for (i, cell) in cells.enumerated() {
            let f = field(forHeader: cell)
            if let f, let held = positions[f] {
                // Given twice: the first is read, unless the second names it more narrowly.
                if narrows(cell, cells[held]) {
                    positions[f] = i
                    repeated.append(cells[held])
                } else {
                    repeated.append(cell)
                }
            } else if let f {
                positions[f] = i
            } else if !cell.allSatisfy(\.isWhitespace) {
                unknown.append(cell)
            }
        }
        let missing = requiredColumns(source).filter { positions[$0] == nil }
        var header = Header(positions: positions, unknown: unknown, repeated: repeated, missing: missing, width: cells.count)
        if positions[.estimatedWorkers] == nil { header.summingWorkerParts(cells) }
        if positions[.address] != nil { header.readingNeighbourhood(cells) }
        return header
    }

    /// Whether `cell` names a column more narrowly than `other`, which names the same one: its
    /// words begin with all of `other`'s (`Nama Usaha` beside `Nama`, `Alamat Usaha` beside
    /// `Alamat`, `Status Kepesertaan` beside `Status`). A list that gives both has put the owner's
    /// name, home address or account status under the general one.
    static func narrows(_ cell: String, _ other: String) -> Bool {
        let a = TextFold.words(cell), b = TextFold.words(other)
        return a.count > b.count && a.starts(with: b)
    }

    /// What a header cell says of the worker count, when it names a part of it: a worker
    /// column's name (`Jumlah Tenaga Kerja`, `TK`, `Karyawan`) followed only by the words that
    /// split a count (`Laki-laki`, `Perempuan`, `WNI`, `Asing`, `Tetap`…), or `TKI` and `TKA`
    /// (Indonesian and foreign workers) alone or so followed. `.total` when the words are a
    /// total's (`Jumlah TK Total`).
    static func workerPart(_ cell: String) -> WorkerPart? {
        let words = TextFold.words(cell)
        for stem in workerStems where words.starts(with: stem) {
            let rest = words.dropFirst(stem.count).filter { $0 != "orang" && $0 != "potensi" }
            if rest.isEmpty { return bareWorkerParts.contains(stem[stem.count - 1]) ? .part : nil }
            if rest.count == 1, totalsLabels.contains(rest[0]) { return .total }
            if rest.allSatisfy({ subHeadings.contains($0) || partWords.contains($0) }) { return .part }
        }
        return nil
    }

    enum WorkerPart { case part, total }

    /// The names a worker column starts with, as folded words (whole words: a heading starts
    /// with at most one of them).
    private static let workerStems: [[String]] = [
        ["jumlah", "tenaga", "kerja"], ["jml", "tenaga", "kerja"], ["tenaga", "kerja"], ["jumlah", "tki"], ["jumlah", "tka"],
        ["jumlah", "tk"], ["jml", "tk"], ["jumlah", "pekerja"], ["jumlah", "karyawan"], ["tki"], ["tka"], ["tk"], ["pekerja"],
        ["karyawan"],
    ]
    /// Worker columns that are a part by their name alone: Indonesian and foreign workers.
    private static let bareWorkerParts: Set<String> = ["tki", "tka"]
    /// Words a part's name may add beyond `subHeadings`.
    private static let partWords: Set<String> = ["indonesia", "asing", "lokal"]

}
