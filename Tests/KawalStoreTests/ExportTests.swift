import Foundation
import KawalDomain
import Testing
@testable import KawalStore

@Suite struct ExportRowsTests {
    func exported(_ db: AppDatabase, _ kind: ExportKind, _ q: CompanyQuery, pageSize: Int = 7) throws -> [ExportRow] {
        var rows: [ExportRow] = []
        let n = try db.exportRows(kind, query: q, pageSize: pageSize) { rows.append($0) }
        #expect(n == rows.count)
        return rows
    }

    @Test func anExportHoldsTheListsRowsInTheListsOrder() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 120, seed: 11)
        let queries: [CompanyQuery] = [
            CompanyQuery(),
            CompanyQuery(statuses: [.pwbd, .pdsTK], sort: .unprotected),
            CompanyQuery(stages: [.warning1, .identified], kecamatan: ["Pekalongan Utara", "Pekalongan Barat"], sort: .deadline, reversed: true),
            CompanyQuery(sectors: ["13134"], search: "batik", sort: .stage),
            CompanyQuery(search: "ca", sort: .kecamatan),
            CompanyQuery(search: "seruni"),
            CompanyQuery(statuses: [.patuh], search: "zzz-nothing"),
        ]
        for q in queries {
            // The same pages the TUI reads, walked with another page size.
            let list = try Fixture.walkForward(db, q, pageSize: 13)
            for size in [1, 7, 500] {
                #expect(try exported(db, .companies, q, pageSize: size).map(\.company.id) == list, "\(q) by \(size)")
            }
            if q.search.isEmpty {
                let expected = known.filter { k in
                    (q.statuses.isEmpty || q.statuses.contains(k.company.status))
                        && (q.stages.isEmpty || k.stage.map(q.stages.contains) == true)
                        && (q.kecamatan.isEmpty || q.kecamatan.contains(k.company.kecamatan))
                        && (q.sectors.isEmpty || q.sectors.contains(k.company.sector.code))
                }
                #expect(list == Fixture.expectedOrder(expected, q), "\(q)")
            }
        }
    }

    @Test func rowsCarryEveryFieldAndTheLatestCase() throws {
        let db = try AppDatabase.inMemory()
        let npwp = NPWP.make(prefix8: "01234567", tail6: "511000")
        var c = Fixture.company(name: "Batik \"Sekar\"; Jaya", npwp: npwp, estimated: 12, registered: 5, status: .pdsTK)
        c.nib = try NIB("9120000000001")
        c.npp = try NPP("12345678")
        let id = try db.insertCompany(c, sources: [])
        let other = try db.insertCompany(Fixture.company(name: "Tanpa Kasus"), sources: [])
        let today = Fixture.today
        _ = try db.openCase(companyID: id, stage: .closed, openedOn: today.adding(days: -90), nextDeadline: nil, assignee: "lama")
        let latest = try db.openCase(companyID: id, stage: .warning1, openedOn: today.adding(days: -20), nextDeadline: today.adding(days: 3), assignee: "ari")

        let all = try exported(db, .companies, CompanyQuery())
        #expect(all.map(\.company.id) == [id, other])
        let r = all[0]
        #expect(r.company.name == c.name)
        #expect(r.company.npwp == npwp)
        #expect(r.company.nib?.digits == "9120000000001")
        #expect(r.company.npp?.digits == "12345678")
        #expect(r.company.estimatedWorkers == 12 && r.company.registeredWorkers == 5 && r.company.unprotectedWorkers == 7)
        #expect(r.complianceCase?.id == latest)
        #expect(r.complianceCase?.stage == .warning1)
        #expect(r.complianceCase?.nextDeadline == today.adding(days: 3))
        #expect(r.complianceCase?.assignee == "ari")
        #expect(all[1].complianceCase == nil)

        // Cases: only companies with one; a stage filter still applies.
        #expect(try exported(db, .cases, CompanyQuery()).map(\.company.id) == [id])
        #expect(try exported(db, .cases, CompanyQuery(stages: [.visited])).isEmpty)
        #expect(try exported(db, .companies, CompanyQuery(stages: [.warning1])).map(\.company.id) == [id])

        // The assignee as people know them: the officer's name, else (not an officer) the login.
        try db.registerFirstAdmin(login: "admin")
        try db.addOfficer(Officer(login: "ari", name: "Ari Wibowo", role: .petugas), by: "admin")
        _ = try db.openCase(companyID: other, stage: .identified, openedOn: today, nextDeadline: nil, assignee: "tamu")
        let named = try exported(db, .cases, CompanyQuery())
        #expect(named.map(\.complianceCase?.assignee) == ["ari", "tamu"])
        #expect(named.map(\.assignee) == ["Ari Wibowo", "tamu"])
    }

    @Test func casesAreTheCompaniesThatHaveOne() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 90, seed: 3)
        let q = CompanyQuery(statuses: [.pwbd, .pdsUpah], sort: .deadline)
        let cases = try exported(db, .cases, q).map(\.company.id)
        let expected = known.filter { $0.stage != nil && q.statuses.contains($0.company.status) }
        #expect(!cases.isEmpty)
        #expect(cases == Fixture.expectedOrder(expected, q.forExport(.cases)))
    }

    @Test func anErrorFromTheSinkStopsTheExport() throws {
        struct Stop: Error {}
        let db = try AppDatabase.inMemory()
        _ = try Fixture.populate(db, count: 30)
        var seen = 0
        #expect(throws: Stop.self) {
            try db.exportRows(.companies, query: CompanyQuery(), pageSize: 4) { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
    }
}

@Suite struct ExportWriterTests {
    let fields = [ExportField(key: "name", header: "Nama Usaha"), ExportField(key: "n", header: "TK"), ExportField(key: "x", header: "Catatan")]

    func folder() -> String {
        let dir = (Fixture.tempPath("x") as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func write(_ rows: [[ExportCell]], format: ExportFormat, delimiter: ExportDelimiter = .comma) throws -> Data {
        let path = folder() + "/out." + format.rawValue
        let w = try ExportWriter(to: .file(path), format: format, delimiter: delimiter, fields: fields)
        for r in rows { try w.write(r) }
        try w.finish()
        #expect(w.rowCount == rows.count)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func csvHasABOMQuotesWhatNeedsItAndDefusesFormulas() throws {
        let long = "+" + String(repeating: "y", count: 300)
        let rows: [[ExportCell]] = [
            [.text("Batik Sekar"), .number(12), .empty],
            [.text("Toko \"Maju\", Baru"), .number(0), .text("baris satu\nbaris dua")],
            [.text("=HYPERLINK(\"http://x\")"), .number(3), .text("-1+2")],
            [.text("@SUM(A1)"), .number(4), .text("+62 285")],
            [.text("a;b"), .number(5), .text("Café 🎨")],
            // Too long for a formula's constant, or holding a line break: a leading `'` instead.
            [.text("-" + String(repeating: "x", count: 255)), .number(6), .text("=1\n2")],
            [.text("-" + String(repeating: "x", count: 254)), .number(7), .empty],
            // Text that starts with such a `'` itself: guarded too, so that an import, which takes the `'` away, gives it back.
            [.text("'=x"), .number(8), .text("'" + long)],
        ]
        let data = try write(rows, format: .csv)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let expected = [
            "Nama Usaha,TK,Catatan",
            "Batik Sekar,12,",
            "\"Toko \"\"Maju\"\", Baru\",0,\"baris satu\nbaris dua\"",
            "\"=\"\"=HYPERLINK(\"\"\"\"http://x\"\"\"\")\"\"\",3,\"=\"\"-1+2\"\"\"",
            "\"=\"\"@SUM(A1)\"\"\",4,\"=\"\"+62 285\"\"\"",
            "a;b,5,Café 🎨",
            "'-" + String(repeating: "x", count: 255) + ",6,\"'=1\n2\"",
            "\"=\"\"-" + String(repeating: "x", count: 254) + "\"\"\",7,",
            "\"=\"\"'=x\"\"\",8,''" + long,
        ].joined(separator: "\r\n") + "\r\n"
        #expect(text == expected)

        let semi = String(decoding: try write(rows, format: .csv, delimiter: .semicolon).dropFirst(3), as: UTF8.self)
        #expect(semi.hasPrefix("Nama Usaha;TK;Catatan\r\nBatik Sekar;12;\r\n\"Toko \"\"Maju\"\", Baru\";0;"))
        #expect(semi.contains("\"a;b\";5;Café 🎨\r\n"))
    }

    @Test func codesAreWrittenSoThatExcelKeepsThemAsText() throws {
        let rows: [[ExportCell]] = [
            [.code("081234567890"), .number(1), .code("9120001234567")],
            [.code("+62 285 (421234)"), .number(2), .code("0285-42.12/34")],
            // Not a code Excel would change: written as text, guarded and quoted as text is.
            [.code("0285 421234 kantor"), .number(3), .code("-")],
            [.code("0812, 0813"), .number(4), .code("=1+1")],
        ]
        let text = String(decoding: try write(rows, format: .csv).dropFirst(3), as: UTF8.self)
        let expected = [
            "Nama Usaha,TK,Catatan",
            "=\"081234567890\",1,=\"9120001234567\"",
            "=\"+62 285 (421234)\",2,=\"0285-42.12/34\"",
            "0285 421234 kantor,3,\"=\"\"-\"\"\"",
            "\"0812, 0813\",4,\"=\"\"=1+1\"\"\"",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(text == expected)
        // With `;`, the form is the same: it holds neither delimiter.
        let semi = String(decoding: try write(rows, format: .csv, delimiter: .semicolon).dropFirst(3), as: UTF8.self)
        #expect(semi.contains("\r\n=\"081234567890\";1;=\"9120001234567\"\r\n"))
        // JSON is for programs: the code as a string.
        let parsed = try #require(try JSONSerialization.jsonObject(with: try write(rows, format: .json)) as? [[String: Any]])
        #expect(parsed[0]["name"] as? String == "081234567890")
        #expect(parsed[1]["x"] as? String == "0285-42.12/34")
    }

    @Test func jsonIsAnArrayOfObjectsThatParsesBack() throws {
        let nasty = "PT \u{1B}[31mMerah\u{07} \"q\" \\ \u{202E}x\u{2028}y\ttab\nline 🎨"
        let data = try write([[.text(nasty), .number(7), .empty], [.text("=1+1"), .number(-3), .text("")]], format: .json)
        let raw = String(decoding: data, as: UTF8.self)
        // Nothing a terminal could act on is written raw.
        #expect(!raw.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x202E || $0.value == 0x2028 })
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[0]["name"] as? String == nasty)
        #expect(parsed[0]["n"] as? Int == 7)
        #expect(parsed[0]["x"] is NSNull)
        #expect(parsed[1]["name"] as? String == "=1+1")  // JSON is data, not a spreadsheet: kept as is
        #expect(parsed[1]["n"] as? Int == -3)

        let empty = try write([], format: .json)
        #expect(try JSONSerialization.jsonObject(with: empty) as? [Any] != nil)
        #expect(String(decoding: empty, as: UTF8.self) == "[]\n")
    }

    @Test func aFailedExportLeavesTheOldFileAndNoTemporaryFile() throws {
        let dir = folder()
        let path = dir + "/laporan.csv"
        try Data("lama\n".utf8).write(to: URL(fileURLWithPath: path))
        let w = try ExportWriter(to: .file(path), format: .csv, fields: fields)
        let temp = try #require(w.temporaryPath)
        #expect(FileManager.default.fileExists(atPath: temp))
        for i in 0..<5_000 { try w.write([.text("Perusahaan \(i)"), .number(i), .empty]) }
        w.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "lama\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["laporan.csv"])

        // Finishing replaces the old file whole.
        let w2 = try ExportWriter(to: .file(path), format: .csv, fields: fields)
        try w2.write([.text("baru"), .number(1), .empty])
        try w2.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("baru,1,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["laporan.csv"])
    }

    @Test func theDatabaseAndOtherDatabasesAreRefusedAndAReplacedFileKeepsItsMode() throws {
        let dir = folder()
        let database = dir + "/kawal.sqlite"
        _ = try AppDatabase.open(path: database)
        for name in ["kawal.sqlite", "kawal.sqlite-wal", "kawal.sqlite-journal", "./kawal.sqlite"] {
            #expect(throws: ExportError.isTheDatabase(path: dir + "/" + name)) {
                _ = try ExportWriter(to: .file(dir + "/" + name), format: .csv, fields: fields, database: database)
            }
        }
        // Without naming the database, it is still an SQLite file, which is not overwritten.
        #expect(throws: ExportError.isADatabase(path: database)) {
            _ = try ExportWriter(to: .file(database), format: .csv, fields: fields)
        }
        let path = dir + "/rahasia.csv"
        try Data("lama\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        let w = try ExportWriter(to: .file(path), format: .csv, fields: fields, database: database)
        try w.write([.text("baru"), .number(1), .empty])
        try w.finish()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("baru,1,"))
    }

    @Test func aFolderThatCannotBeWrittenIsATypedError() throws {
        let dir = folder()
        #expect(throws: ExportError.noFolder(path: dir + "/no/such/folder/x.csv", folder: dir + "/no/such/folder")) {
            _ = try ExportWriter(to: .file(dir + "/no/such/folder/x.csv"), format: .csv, fields: fields)
        }
        do {
            _ = try ExportWriter(to: .file(dir), format: .csv, fields: fields)
            Issue.record("a folder was accepted as the file")
        } catch {
            guard case .cannotCreate(let p, _) = error else { Issue.record("\(error)"); return }
            #expect(p == dir)
        }
    }
}
