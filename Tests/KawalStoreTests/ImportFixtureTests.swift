import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

/// Files users really send: each ends in a correct import or a clear error, never a crash or a partial write.
@Suite struct ImportFixtureTests {
    typealias F = ImportFixture

    /// Imports `bytes` as a Pemkot list into a fresh file database; returns the summary or the error,
    /// and checks that a failed import left the database exactly as it was.
    func importing(_ bytes: [UInt8], source: ImportSource = .pemkot, name: String = "list.csv",
                   check: (AppDatabase, Result<ImportSummary, any Error>, String) throws -> Void) throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: dir + "/kawal.sqlite")
        let path = F.write(dir, name, bytes)
        let before = try F.snapshot(db, withRuns: true)
        let result = Result { try db.importFile(F.request(path, source), text: F.text) }
        if case .failure = result {
            #expect(try F.snapshot(db, withRuns: true) == before, "a failed import wrote something")
            #expect(!FileManager.default.fileExists(atPath: path + ".rejected.csv"))
        }
        try check(db, result, path)
    }

    func importing(_ text: String, source: ImportSource = .pemkot,
                   check: (AppDatabase, Result<ImportSummary, any Error>, String) throws -> Void) throws {
        try importing(Array(text.utf8), source: source, check: check)
    }

    func names(_ db: AppDatabase) throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT name FROM company ORDER BY id") }
    }

    func estimatedWorkers(_ db: AppDatabase) throws -> [Int] {
        try db.read { try Int.fetchAll($0, sql: "SELECT estimated_workers FROM company ORDER BY id") }
    }

    /// The rejected file of the list at `path`, fixed by replacing `wrong` with `right` and
    /// imported as it is, as a data steward does; its summary.
    func importFixedRejects(_ db: AppDatabase, _ path: String, replacing wrong: String, with right: String) throws -> ImportSummary {
        let rejected = path + ".rejected.csv"
        try String(contentsOfFile: rejected, encoding: .utf8).replacingOccurrences(of: wrong, with: right)
            .write(toFile: rejected, atomically: true, encoding: .utf8)
        return try db.importFile(F.request(rejected, .pemkot), text: F.text)
    }

    let row1 = "Batik Sekar Jaya,CV,1234567890123,,Jl. Seruni No. 4,Kauman,Pekalongan Timur,13134,25,,Siti"

    /// A sheet as Excel saves it in an Indonesian locale, with a "No" column before the city's
    /// columns: the header, `row1` numbered 1 on line 2, then `rows` as written, CRLF after each.
    func numberedSheet(_ rows: String...) -> String {
        let lines = ["No;" + F.pemkotHeader.replacingOccurrences(of: ",", with: ";"), "1;" + row1.replacingOccurrences(of: ",", with: ";")] + rows
        return lines.map { $0 + "\r\n" }.joined()
    }
    let row2 = "Konveksi Putra,UD,,,Jl. Hayam Wuruk 7,Medono,Pekalongan Barat,14111,8,,Bambang"

    @Test func byteOrderMark() throws {
        try importing([0xEF, 0xBB, 0xBF] + Array("\(F.pemkotHeader)\n\(row1)\n".utf8)) { db, r, _ throws in
            #expect(try r.get().counts == ImportCounts(read: 1, new: 1))
            #expect(try r.get().unknownColumns.isEmpty)
            #expect(try names(db) == ["Batik Sekar Jaya"])
        }
    }

    @Test func semicolonsAndCRLFAreDetected() throws {
        let text = [F.pemkotHeader, row1, row2].map { $0.replacingOccurrences(of: ",", with: ";") }.joined(separator: "\r\n") + "\r\n"
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.delimiter == ";" && s.counts == ImportCounts(read: 2, new: 2))
            // No stray carriage return at the end of the last column.
            #expect(try db.read { try String.fetchAll($0, sql: "SELECT owner FROM company ORDER BY id") } == ["Siti", "Bambang"])
        }
    }

    @Test func quotedDelimitersQuotesAndNewlines() throws {
        let text = "\(F.pemkotHeader)\r\n\"Toko \"\"Maju\"\", Baru\",,,,\"Jl. Seruni 4,\r\nRT 02/RW 03\",Kauman,Pekalongan Timur,,3,,\nBad,CV,123,,Jl. X,Kauman,Pekalongan Timur,,1,,\n"
        try importing(text) { db, r, path throws in
            let s = try r.get()
            #expect(s.counts == ImportCounts(read: 2, new: 1, rejected: 1))
            let c = try #require(try db.companyDetail(id: 1)?.company)
            #expect(c.name == "Toko \"Maju\", Baru")
            #expect(c.address == "Jl. Seruni 4, RT 02/RW 03")
            // The rejected row's line number counts the line break inside the quoted cell.
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.contains("Bad,CV,123,,Jl. X,Kauman,Pekalongan Timur,,1,,,4,"))
        }
    }

    @Test func headersInAnotherOrderWithExtraColumns() throws {
        let text = "catatan;KELURAHAN;alamat usaha;Nama Usaha;Kec.;npwp;Rating\nx;Kauman;Jl. A 1;Batik Satu;Pekalongan Timur;\(F.npwp.formatted);5\n"
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.counts.new == 1)
            #expect(s.unknownColumns == ["catatan", "Rating"])
            let c = try #require(try db.companyDetail(id: 1)?.company)
            #expect(c.kelurahan == "Kauman" && c.address == "Jl. A 1" && c.kecamatan == "Pekalongan Timur" && c.npwp == F.npwp)
        }
    }

    @Test func aSheetWithATitleAboveTheHeaderAndPaddedColumns() throws {
        // As Excel saves a sheet in an Indonesian locale: a title (with a comma) padded with `;`,
        // a blank row, a "No" column, and two empty columns at the end of every row.
        let header = "No;" + F.pemkotHeader.replacingOccurrences(of: ",", with: ";") + ";;"
        let text = "DAFTAR PERUSAHAAN BELUM TERDAFTAR, KOTA PEKALONGAN;;;;;;;;;;;;;\r\n;;;;;;;;;;;;;;\r\n\(header)\r\n"
            + "1;" + row1.replacingOccurrences(of: ",", with: ";") + ";;\r\n"
            + "2;Rusak;UD;;;Jl. X;Kauman;Pekalongan Timur;;banyak;;;;\r\n"
        try importing(text) { db, r, path throws in
            let s = try r.get()
            #expect(s.delimiter == ";")
            #expect(s.titleRows == 1)
            #expect(s.unknownColumns == ["No"])
            #expect(s.counts == ImportCounts(read: 2, new: 1, rejected: 1))
            #expect(try names(db) == ["Batik Sekar Jaya"])
            // Line numbers are the file's: the title, the blank row and the header come first.
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.hasPrefix(header + ";Line;Reason\r\n2;Rusak;UD;;;Jl. X;Kauman;Pekalongan Timur;;banyak;;;;;5;"), "\(rejected)")
        }
    }

    @Test func excelsSepLineNamesTheDelimiter() throws {
        // Every row has more commas than semicolons, but the first line says `;`.
        let text = "sep=;\nNama Usaha;Alamat;Kelurahan;Kecamatan\nToko A, B, C;Jl. Satu, Dua, Tiga;Kauman;Pekalongan Timur\n"
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.delimiter == ";" && s.titleRows == 1 && s.counts.new == 1)
            #expect(try db.companyDetail(id: 1)?.company.address == "Jl. Satu, Dua, Tiga")
        }
    }

    @Test func theDelimiterIsTheOneUnderWhichAHeaderIsFound() throws {
        // The title and an address use more commas than the header uses semicolons.
        let text = "Daftar perusahaan, Kota Pekalongan, per November 2026, sumber DPMPTSP\n"
            + "Nama Usaha;Alamat;Kelurahan;Kecamatan\n"
            + "Toko A;Jl. Satu, Gg. Dua, RT 1, RW 2, Blok C, No. 4;Kauman;Pekalongan Timur\n"
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.delimiter == ";" && s.titleRows == 1 && s.counts.new == 1)
            #expect(try db.companyDetail(id: 1)?.company.address == "Jl. Satu, Gg. Dua, RT 1, RW 2, Blok C, No. 4")
        }
    }

    @Test func missingRequiredColumnStopsBeforeAnythingIsWritten() throws {
        try importing("Nama Usaha,Alamat,Kecamatan\nA,B,C\n") { _, r, _ throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .missingColumns([.kelurahan], found: ["Nama Usaha", "Alamat", "Kecamatan"]))
        }
        try importing("NPP,Nama Perusahaan\n12345678,A\n", source: .bpjs) { _, r, _ throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .missingColumns([.status], found: ["NPP", "Nama Perusahaan"]))
        }
        // Under a title: the error names the row that came closest to a header.
        try importing("Daftar BPJS November\nNPP,Nama Perusahaan\n12345678,A\n", source: .bpjs) { _, r, _ throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .missingColumns([.status], found: ["NPP", "Nama Perusahaan"]))
        }
    }

    @Test func emptyFileAndHeaderOnlyFile() throws {
        for empty in ["", "\n", "\u{FEFF}"] {
            try importing(empty) { _, r, path throws in
                guard case .failure(let e) = r else { Issue.record("imported"); return }
                #expect(e as? ImportError == .empty(path: path))
            }
        }
        try importing(F.pemkotHeader + "\r\n") { db, r, _ throws in
            #expect(try r.get().counts == ImportCounts())
            #expect(try db.importRunCount() == 1)
        }
    }

    @Test func binaryGarbageIsRefused() throws {
        var rng = SplitMix64(seed: 42)
        let garbage = (0..<8_192).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        try importing(garbage) { _, r, _ throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e is ImportError)
        }
        // An Excel workbook given instead of its CSV: a zip (.xlsx) or an OLE2 file (.xls).
        for magic: [UInt8] in [[0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]] {
            try importing(magic + Array("Nama Usaha,Alamat,Kelurahan,Kecamatan\n".utf8) + garbage) { _, r, path throws in
                guard case .failure(let e) = r else { Issue.record("imported"); return }
                #expect(e as? ImportError == .spreadsheet(path: path))
            }
        }
        // Valid rows followed by bytes that are not UTF-8 (a Latin-1 export): nothing is imported.
        try importing(Array("\(F.pemkotHeader)\n\(row1)\n".utf8) + Array("Caf".utf8) + [0xE9] + Array(",CV,,,Jl,Kauman,X,,1,,\n".utf8)) { _, r, path throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .notUTF8(path: path, line: 3))
        }
    }

    @Test func aHundredThousandCharacterField() throws {
        let long = String(repeating: "Batik ", count: 16_667)
        try importing("\(F.pemkotHeader),Catatan\n\(row1),\(long)\n\(row2.replacingOccurrences(of: "Jl. Hayam Wuruk 7", with: long)),x\n") { db, r, path throws in
            let s = try r.get()
            // In an ignored column it is harmless; in the address it is refused with its length.
            #expect(s.counts == ImportCounts(read: 2, new: 1, rejected: 1))
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.contains(long))
            #expect(rejected.contains("tooLong"))
            #expect(try names(db) == ["Batik Sekar Jaya"])
        }
    }

    /// A stray quote at the start of a cell (a program that does not double quotes wrote
    /// `"SINAR" JAYA`) makes the lines after it part of that cell up to the next closing quote:
    /// in a file without other quotes, the rest of the file. That is refused whole, naming the
    /// line and the cell, instead of one enormous rejected row.
    @Test func aQuoteThatIsNeverClosedStopsTheImport() throws {
        let rows = (0..<2_000).map { "Toko \($0),UD,,,Jl. Pasar \($0),Kauman,Pekalongan Timur,,\($0 % 9),," }
        let stray = "\"SINAR\" JAYA,CV,,,Jl. Merdeka 1,Kauman,Pekalongan Timur,,3,,"
        // Near the top: it would swallow the 2,000 rows after it.
        try importing(([F.pemkotHeader, row1, stray] + rows).joined(separator: "\n") + "\n") { _, r, path throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .unclosedQuote(path: path, line: 3, start: "SINAR\" JAYA,CV,,,Jl. Merdeka 1,Kauman,Pe…"))
        }
        // Near the end, still open when the file ends: the rows after it are gone all the same.
        try importing(([F.pemkotHeader, row1] + rows + [stray, row2]).joined(separator: "\r\n") + "\r\n") { _, r, path throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .unclosedQuote(path: path, line: 2_003, start: "SINAR\" JAYA,CV,,,Jl. Merdeka 1,Kauman,Pe…"))
        }
        // The header itself under such a title: the same error, not "missing columns".
        try importing((["\"Daftar perusahaan 2026", F.pemkotHeader, row1] + rows).joined(separator: "\n") + "\n") { _, r, path throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .unclosedQuote(path: path, line: 1, start: "Daftar perusahaan 2026"))
        }
        // On the last line, with nothing after it to swallow: that row alone is refused.
        try importing(([F.pemkotHeader, row1, row2, stray]).joined(separator: "\n")) { db, r, _ throws in
            #expect(try r.get().counts == ImportCounts(read: 3, new: 2, rejected: 1))
            #expect(try names(db) == ["Batik Sekar Jaya", "Konveksi Putra"])
        }
        // Quoted cells that hold line breaks, delimiters and doubled quotes, closed properly, are
        // not mistaken for one, under either delimiter.
        let quoted = "\"Toko \"\"Maju\"\", Baru\",,,,\"Jl. Seruni 4,\r\nRT 02/RW 03\",Kauman,Pekalongan Timur,,3,,"
        for delimiter in [",", ";"] {
            let text = ([F.pemkotHeader, quoted] + rows).map { $0.replacingOccurrences(of: ",", with: delimiter) }.joined(separator: "\n")
            try importing(text.replacingOccurrences(of: "4\(delimiter)\r\nRT", with: "4,\r\nRT")) { _, r, _ throws in
                #expect(try r.get().counts.new == 2_001)
            }
        }
    }

    /// A quote inside a quoted cell that is not doubled (`"SINAR" JAYA`) keeps the cell open up to
    /// the next quote that closes one, and CSV.swift drops the character after it: the row's
    /// cells, and any line it took in, are not what the file says. The row is refused with that
    /// reason and copied to the rejected file byte for byte; the rows around it are imported.
    @Test func aQuoteNotDoubledRefusesItsRowAndKeepsItAsWritten() throws {
        for delimiter in [",", ";"] {
            func line(_ cells: String) -> String { cells.replacingOccurrences(of: ",", with: delimiter) }
            let sinar = line("\"SINAR\" JAYA,CV,,,Jl. Merdeka 1,Kauman,Pekalongan Timur,,3,,") + "\r\n"
                + line("Toko B,UD,,,\"Jl. B") + ", No 2\"" + line(",Medono,Pekalongan Barat,,2,,")
            let maju = line("\"MAJU\" BAKERY,CV,,,Jl. Merdeka 2,Kauman,Pekalongan Timur,,3,,")
            let text = [line(F.pemkotHeader), line("Toko A,UD,,,\"Jl. A") + ", No 1\"" + line(",Kauman,Pekalongan Timur,,3,,"), sinar,
                        line("Toko C,UD,,,\"Jl. C\",Medono,Pekalongan Barat,,2,,"), maju].joined(separator: "\r\n")
            try importing([0xEF, 0xBB, 0xBF] + Array(text.utf8)) { db, r, path throws in
                #expect(try r.get().counts == ImportCounts(read: 4, new: 2, rejected: 2))
                #expect(try names(db) == ["Toko A", "Toko C"])
                let rejected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path + ".rejected.csv")), as: UTF8.self)
                #expect(rejected == "\u{FEFF}" + line(F.pemkotHeader) + "\(delimiter)Line\(delimiter)Reason\r\n"
                        + sinar + "\(delimiter)3\(delimiter)strayQuote(lines: 2)\r\n"
                        + maju + "\(delimiter)6\(delimiter)strayQuote(lines: 1)\r\n")
            }
        }
    }

    /// A row over a megabyte (a file with no line ends) is not a list of companies: refused
    /// before it fills memory.
    @Test func aRowOverAMegabyteIsRefused() throws {
        let huge = String(repeating: "Batik ", count: 200_000)
        try importing("\(F.pemkotHeader)\n\(row1)\n\(huge),CV,,,Jl,Kauman,Pekalongan Timur,,1,,\n\(row2)\n") { _, r, path throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .rowTooLong(path: path, line: 3))
        }
        try importing(huge) { _, r, path throws in
            guard case .failure(let e) = r else { Issue.record("imported"); return }
            #expect(e as? ImportError == .rowTooLong(path: path, line: 1))
        }
    }

    /// Why a file could not be read or written reaches the user as a word their language has,
    /// not the system's English.
    @Test func fileProblemsAreNamed() {
        #expect(FileProblem(errno: ENOENT) == .noSuchFile)
        #expect(FileProblem(errno: EACCES) == .permissionDenied)
        #expect(FileProblem(errno: ENOSPC) == .diskFull)
        #expect(FileProblem(errno: EROFS) == .readOnly)
        #expect(FileProblem(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC)), errno: 0) == .diskFull)
        #expect(FileProblem(nil, errno: EISDIR) == .folder)
        #expect(FileProblem(errno: EIO) == .other(String(cString: strerror(EIO))))
    }

    /// Two lists joined one after another: the second header (with its byte order mark) is
    /// skipped and counted, not refused as a company called "Nama Usaha".
    @Test func aHeaderRepeatedDownTheFileIsSkipped() throws {
        try importing("\(F.pemkotHeader)\r\n\(row1)\r\n\u{FEFF}\(F.pemkotHeader.uppercased())\r\n\(row2)\r\n\(F.pemkotHeader)\r\n") { db, r, path throws in
            let s = try r.get()
            #expect(s.counts == ImportCounts(read: 2, new: 2))
            #expect(s.repeatedHeaders.count == 2 && s.repeatedHeaders.firstLine == 3)
            #expect(try names(db) == ["Batik Sekar Jaya", "Konveksi Putra"])
            #expect(!FileManager.default.fileExists(atPath: path + ".rejected.csv"))
        }
    }

    /// The placeholder NPWP `00.000.000.0-000.000` (and `-`, `0`) means "none": two companies
    /// written with it stay two, and a later list's row with it matches neither.
    @Test func companiesWithThePlaceholderNPWPAreNotOneCompany() throws {
        let text = "\(F.pemkotHeader)\r\n"
            + "Toko Satu,UD,-,00.000.000.0-000.000,Jl. A 1,Kergon,Pekalongan Barat,47111,3,-,Ani\r\n"
            + "Toko Dua,UD,0,000000000000000,Jl. B 2,Medono,Pekalongan Barat,47111,4,,Budi\r\n"
        try importing(text) { db, r, path throws in
            #expect(try r.get().counts == ImportCounts(read: 2, new: 2))
            #expect(try names(db) == ["Toko Satu", "Toko Dua"])
            let bpjs = F.write((path as NSString).deletingLastPathComponent, "bpjs.csv", """
                \(F.bpjsHeader)
                ,Toko Tiga,00.000.000.0-000.000,Jl. C 3,Pekalongan Utara,PWBD,0,5
                """)
            let s = try db.importFile(F.request(bpjs, .bpjs), text: F.text)
            #expect(s.counts == ImportCounts(read: 1, new: 1))
            #expect(try names(db) == ["Toko Satu", "Toko Dua", "Toko Tiga"])
            #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM company WHERE npwp IS NOT NULL AND npwp <> ''") } == 0)
        }
    }

    /// A sheet made from a template numbers rows it never fills, and a note under the list sits
    /// in its "No" column: nothing in a known column, so no company and no refusal either;
    /// skipped and counted. A row that gives anything known is still checked (and refused).
    @Test func aTemplatesNumberedEmptyRowsAndNotesAreSkipped() throws {
        let text = numberedSheet("2;;;;;;;;;;;", "3;;;;;;;;;;;", "4;;;;;;;;;;12;", "Sumber: DPMPTSP Kota Pekalongan;;;;;;;;;;;")
        try importing(text) { db, r, path throws in
            let s = try r.get()
            #expect(s.emptyRows.count == 3 && s.emptyRows.firstLine == 3)
            #expect(s.counts == ImportCounts(read: 2, new: 1, rejected: 1))
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.contains("\r\n4;;;;;;;;;;12;;5;") && !rejected.contains("Sumber"), "\(rejected)")
        }
    }

    /// A sheet's totals rows (`JUMLAH` under the names, `TOTAL` under "No" with the name blank)
    /// are no company: skipped and counted, never imported as one with a case. A company whose
    /// name only contains the word, or a JUMLAH row with an NPWP, is still a company's row.
    @Test func totalsRowsAreSkippedAndCounted() throws {
        let text = numberedSheet("2;Toko Jumlah Jaya;UD;;;Jl. Dua 2;Medono;Pekalongan Barat;47111;3;;Ani", ";JUMLAH;;;;;;;;28;;",
                                 "TOTAL :;;;;;;;;;28;;", ";Grand Total;;;01.234.567.0-511.000;;;;;28;;")
        try importing(text) { db, r, path throws in
            let s = try r.get()
            #expect(s.totalsRows.count == 2 && s.totalsRows.firstLine == 4)
            // The last row gives an NPWP: a company's row, refused for its checksum, not skipped.
            #expect(s.counts == ImportCounts(read: 3, new: 2, rejected: 1))
            #expect(try names(db) == ["Batik Sekar Jaya", "Toko Jumlah Jaya"])
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.contains("Grand Total"))
        }
    }

    /// Subtotals of a list grouped by place (`Jumlah Kec. Pekalongan Timur`) or counting its
    /// companies (`Jumlah Usaha: 12`) are skipped like the grand total; `Total Jaya Motor`, with
    /// an address, is a company.
    @Test func subtotalRowsAreSkippedLikeTheTotal() throws {
        let text = numberedSheet("2;Total Jaya Motor;UD;;;Jl. Dua 2;Medono;Pekalongan Barat;45200;3;;Ani",
                                 ";Jumlah Kec. Pekalongan Timur;;;;;;;;28;;", ";Total Kelurahan Kauman;;;;;;;;28;;", ";Jumlah Usaha: 12;;;;;;;;;;",
                                 ";JUMLAH;;;;;;;;56;;")
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.totalsRows.count == 4 && s.totalsRows.firstLine == 4, "\(s.totalsRows)")
            #expect(s.counts == ImportCounts(read: 2, new: 2))
            #expect(try names(db) == ["Batik Sekar Jaya", "Total Jaya Motor"])
        }
    }

    /// The signature block a government list ends with (the place and date, `Mengetahui,`, the
    /// office, the signer's name after a blank row, the NIP) is skipped and counted, not refused
    /// row by row. A row of one cell before it is still a company's row, refused as such.
    @Test func theSignatureBlockAtTheEndIsSkippedAndCounted() throws {
        let text = numberedSheet("2;Toko Nama Saja;;;;;;;;;;", ";;;;;;;;;;;Pekalongan, 27 November 2026", ";;;;;;;;;;;Mengetahui,",
                                 ";;;;;;;;;;;Kepala Dinas Perindustrian dan Tenaga Kerja", ";;;;;;;;;;;", ";;;;;;;;;;;Drs. H. Slamet Riyadi, M.Si",
                                 ";;;;;;;;;;;NIP. 19700101 199003 1 001")
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.signatureRows.count == 5 && s.signatureRows.firstLine == 4, "\(s.signatureRows)")
            #expect(s.counts == ImportCounts(read: 2, new: 1, rejected: 1))
            #expect(try names(db) == ["Batik Sekar Jaya"])
        }
    }

    /// A sheet whose worker heading was merged over its parts in Excel: the row of parts below
    /// the header is skipped, and each company's count is the total, not the first part.
    @Test func aSecondHeadingRowIsReadNotImported() throws {
        let text = "No;Nama Usaha;Alamat;Kelurahan;Kecamatan;Jumlah Tenaga Kerja;;;Telepon\r\n;;;;;L;P;Jumlah;\r\n"
            + "1;Toko Satu;Jl. A 1;Kergon;Pekalongan Barat;3;4;7;0285\r\n2;Toko Dua;Jl. B 2;Medono;Pekalongan Barat;2;;2;\r\n"
        try importing(text) { db, r, _ throws in
            let s = try r.get()
            #expect(s.subHeadingLine == 2 && s.splitColumns == [.init(heading: "Jumlah Tenaga Kerja", read: ["Jumlah"])])
            #expect(s.counts == ImportCounts(read: 2, new: 2))
            #expect(s.totalsRows.count == 0)
            #expect(try estimatedWorkers(db) == [7, 2])
        }
    }

    /// The rejected file repeats the second heading row below its header: fixed and imported
    /// again, its rows' counts are read as the list's were, not from their first part.
    @Test func theRejectedFileOfASheetWithTwoHeadingRowsKeepsBoth() throws {
        let text = "Nama Usaha;NPWP;Alamat;Kelurahan;Kecamatan;Jumlah Tenaga Kerja;;\r\n;;;;;L;P;Jumlah\r\n"
            + "Toko Satu;;Jl. A 1;Kergon;Pekalongan Barat;3;4;7\r\nToko Dua;12.345;Jl. B 2;Medono;Pekalongan Barat;2;3;5\r\n"
        try importing(text) { db, r, path throws in
            #expect(try r.get().counts == ImportCounts(read: 2, new: 1, rejected: 1))
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            let lines = rejected.components(separatedBy: "\r\n")
            #expect(lines.count == 4 && lines[1] == ";;;;;L;P;Jumlah;;" && lines[2].hasPrefix("Toko Dua;12.345;"), "\(rejected)")
            // The NPWP fixed (left out).
            let again = try importFixedRejects(db, path, replacing: ";12.345;", with: ";;")
            #expect(again.counts == ImportCounts(read: 1, new: 1) && again.subHeadingLine == 2)
            #expect(try estimatedWorkers(db) == [7, 5])
        }
    }

    /// A row shorter than the header is padded in the rejected file, so that its line and
    /// reason stand under their headings; the missing cells typed in, it imports. A fixed row
    /// that lost its line and reason cells imports too.
    @Test func aShortRowIsPaddedInTheRejectedFileAndImportsOnceCompleted() throws {
        let text = "Nama Usaha;Alamat;Kelurahan;Kecamatan;Telepon;Pemilik\nToko Satu;Jl. A 1;Kauman;Pekalongan Timur\n"
            + "Toko Dua;Jl. B 2;Kauman;Pekalongan Timur;0285;Bu Dua;x\n"
        try importing(text) { db, r, path throws in
            #expect(try r.get().counts == ImportCounts(read: 2, rejected: 2))
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            let lines = rejected.components(separatedBy: "\n")
            #expect(lines[0] == "Nama Usaha;Alamat;Kelurahan;Kecamatan;Telepon;Pemilik;Line;Reason", "\(rejected)")
            #expect(lines[1].hasPrefix("Toko Satu;Jl. A 1;Kauman;Pekalongan Timur;;;2;"), "\(rejected)")
            // The first completed in place; the second's extra cell and its line and reason removed.
            let fixed = [lines[0], lines[1].replacingOccurrences(of: "Timur;;;2;", with: "Timur;0285;Pak Satu;2;"),
                         "Toko Dua;Jl. B 2;Kauman;Pekalongan Timur;0285;Bu Dua", ""].joined(separator: "\n")
            try fixed.write(toFile: path + ".rejected.csv", atomically: true, encoding: .utf8)
            let again = try db.importFile(F.request(path + ".rejected.csv", .pemkot), text: F.text)
            #expect(again.counts == ImportCounts(read: 2, new: 2), "\(again.counts)")
            #expect(try names(db) == ["Toko Satu", "Toko Dua"])
        }
    }

    /// A header over two rows (merged cells saved as CSV): found, its second row counted as
    /// such, each column read from where the two rows put it; the rejected file repeats the
    /// worker count's parts below its one-row header, and imported again reads the same.
    @Test func aHeaderOverTwoRowsIsReadAsOne() throws {
        let text = "No;Nama Usaha;Bentuk Usaha;Alamat;;;Jumlah TK;;;Telepon\r\n;;;Jalan;Kelurahan;Kecamatan;L;P;Jumlah;\r\n"
            + "1;Toko Satu;UD;Jl. A 1;Kergon;Pekalongan Barat;3;4;7;0285\r\n2;;CV;Jl. C 3;Medono;Pekalongan Barat;2;;2;\r\n"
        try importing(text) { db, r, path throws in
            let s = try r.get()
            #expect(s.counts == ImportCounts(read: 2, new: 1, rejected: 1) && s.titleRows == 0 && s.subHeadingLine == 2)
            #expect(s.unknownColumns == ["No"] && s.splitColumns == [.init(heading: "Jumlah TK", read: ["Jumlah"])])
            let row = try db.read {
                try String.fetchOne($0, sql: "SELECT name || '|' || address || '|' || kelurahan || '|' || kecamatan || '|' || estimated_workers FROM company")
            }
            #expect(row == "Toko Satu|Jl. A 1|Kergon|Pekalongan Barat|7")
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            let lines = rejected.components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("No;Nama Usaha;Bentuk Usaha;Alamat;Kelurahan;Kecamatan;Jumlah TK;;;Telepon;") && lines[1] == ";;;;;;L;P;Jumlah;;;",
                    "\(rejected)")
            // The name filled in.
            #expect(try importFixedRejects(db, path, replacing: "\r\n2;;CV", with: "\r\n2;Toko Dua;CV").counts == ImportCounts(read: 1, new: 1))
            #expect(try estimatedWorkers(db) == [7, 2])
        }
    }

    /// Imports and exports on several threads of one process (as these tests run them) each name
    /// their temporary file for the signal handler. Without a lock around the swap, two threads
    /// freed the same string and the process aborted ("malloc(): unaligned tcache chunk").
    @Test func temporaryFilesNamedFromManyThreadsAtOnce() {
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            for n in 0..<5_000 {
                PendingFile.register("/tmp/kawal-pending-\(i)-\(n).partial")
                if n % 3 == 0 { PendingFile.registerMoving("/tmp/a\(i)", to: "/tmp/b\(i)", previous: "/tmp/c\(i)") }
                PendingFile.clear()
            }
        }
        PendingFile.clear()
    }

    /// Ctrl-C while the rejected rows are moved into place: whichever of the two moves it
    /// interrupts, the previous rejected file is put back and nothing else is left. (The moves
    /// are registered before the first one; registered after it, a signal in between left the
    /// previous file as `.before` and none under its name.)
    @Test func aSignalDuringTheMoveOfTheRejectedRowsPutsThePreviousFileBack() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/list.csv.rejected.csv", before = path + ".before", partial = path + ".partial"
        func contents() -> [String: String] {
            var out: [String: String] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                out[name] = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            }
            return out
        }
        func signal(withPrevious: Bool) {
            path.withCString { p in
                partial.withCString { t in
                    if withPrevious { before.withCString { r in PendingFile.undo(p, restoring: r, temporary: t) } }
                    else { PendingFile.undo(p, restoring: nil, temporary: t) }
                }
            }
        }
        // With a previous rejected file: before the first move, between the two, after both.
        for step in 0...2 {
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            try "new".write(toFile: partial, atomically: false, encoding: .utf8)
            if step >= 1 { #expect(rename(path, before) == 0) }
            if step >= 2 { #expect(rename(partial, path) == 0) }
            signal(withPrevious: true)
            #expect(contents() == ["list.csv.rejected.csv": "old"], "step \(step)")
        }
        // Without one: this import's file goes, whether or not it was moved into place.
        try FileManager.default.removeItem(atPath: path)
        for step in 0...1 {
            try "new".write(toFile: partial, atomically: false, encoding: .utf8)
            if step >= 1 { #expect(rename(partial, path) == 0) }
            signal(withPrevious: false)
            #expect(contents().isEmpty, "step \(step)")
        }
    }

    @Test func emojiAndAccents() throws {
        try importing("\(F.pemkotHeader)\nCafé Léstari 🌸,,,,Jl. Ñoman 1,Kauman,Pekalongan Timur,,2,,Bu Ñoman\n") { db, r, _ throws in
            #expect(try r.get().counts.new == 1)
            #expect(try names(db) == ["Café Léstari 🌸"])
            #expect(try db.companies(CompanyQuery(search: "cafe lestari"), after: nil, limit: 5).rows.count == 1)
            #expect(try db.read { try String.fetchOne($0, sql: "SELECT name_match FROM company") } == "cafe lestari")
        }
    }

    /// A file saved on a Mac writes `é` as `e` and a combining accent; stored composed, it is
    /// the same company as the `é` another list writes, shown whole.
    @Test func decomposedAccentsAreStoredComposed() throws {
        let decomposed = "Cafe\u{301} Le\u{301}stari"
        #expect(Array(decomposed.utf8).count != Array("Café Léstari".utf8).count)
        try importing("\(F.pemkotHeader)\n\(decomposed),,,,Jl. A 1,Kauman,Pekalongan Timur,,2,,\nCafé Léstari,,,,Jl. A 1,Kauman,Pekalongan Timur,,2,,\n") { db, r, _ throws in
            #expect(try r.get().counts.new == 1)
            #expect(try r.get().counts.unchanged == 1)
            let stored = try db.read { try String.fetchAll($0, sql: "SELECT name FROM company") }
            #expect(stored.map { Array($0.utf8) } == [Array("Café Léstari".utf8)])
        }
    }

    @Test func escapeSequencesInNamesAreRefused() throws {
        try importing("\(F.pemkotHeader)\n\"Batik \u{1B}[2J\u{1B}[31mMerah\",,,,Jl. A,Kauman,X,,1,,\n\(row2)\n") { db, r, path throws in
            #expect(try r.get().counts == ImportCounts(read: 2, new: 1, rejected: 1))
            #expect(try names(db) == ["Konveksi Putra"])
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.contains("controlCharacters"))
        }
    }

    @Test func duplicateRowsWithinOneFile() throws {
        let noIDs = "Ikan Asap Bu Sri,,,,Jl. Pantai 2,Panjang Wetan,Pekalongan Utara,10213,3,,Sri"
        try importing("\(F.pemkotHeader)\n\(row1)\n\(noIDs)\n\(row1)\n\(noIDs)\n\(row1)\n") { db, r, _ throws in
            #expect(try r.get().counts == ImportCounts(read: 5, new: 2, unchanged: 3))
            #expect(try names(db) == ["Batik Sekar Jaya", "Ikan Asap Bu Sri"])
            #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM compliance_case") } == 2)
        }
    }

    /// A sheet whose NIB and NPWP columns Excel stored as numbers: it writes them rounded in
    /// scientific notation. Those rows are refused, counted apart, and the first value kept.
    @Test func identifiersExcelWroteInScientificNotation() throws {
        let text = "\(F.pemkotHeader)\n"
            + "Toko Satu,,\"9,12043E+12\",,Jl. A,Kauman,Pekalongan Timur,,5,,\n"
            + "Toko Dua,,,1.23457E+14,Jl. B,Kauman,Pekalongan Timur,,5,,\n"
            + "\(row2)\n"
            + "Toko Tiga,,91200X,,Jl. C,Kauman,Pekalongan Timur,,5,,\n"
        try importing(text) { db, r, path throws in
            let s = try r.get()
            #expect(s.counts == ImportCounts(read: 4, new: 1, rejected: 3))
            #expect(s.scientificNotationRows == 2)
            #expect(s.scientificNotationExample == "9,12043E+12")
            #expect(try names(db) == ["Konveksi Putra"])
            let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
            #expect(rejected.contains("NIB \"\"9,12043E+12\"\": a number in scientific notation, digits lost"))
            #expect(rejected.contains("NPWP \"\"1.23457E+14\"\": a number in scientific notation, digits lost"))
            #expect(rejected.contains("NIB \"\"91200X\"\": invalid character \"\"X\"\""))
        }
    }

    @Test func theSameCompanyUnderBothNPWPForms() throws {
        let a = "Batik Sekar Jaya,CV,,\(F.npwp.formatted),Jl. Seruni 4,Kauman,Pekalongan Timur,,25,,"
        let b = "CV Batik Sekar Jaya,CV,,0\(F.npwp.digits),Jl. Seruni 4,Kauman,Pekalongan Timur,,25,,"
        let c = "Sekar,CV,,0.\(F.npwp.formatted),Jl. Seruni 4,Kauman,Pekalongan Timur,,25,,"
        try importing("\(F.pemkotHeader)\n\(a)\n\(b)\n\(c)\n") { db, r, _ throws in
            let s = try r.get()
            #expect(s.counts.new == 1 && s.counts.read == 3)
            #expect(s.counts.unchanged + s.counts.merged == 2)
            #expect(try db.companyCount() == 1)
        }
    }
}
