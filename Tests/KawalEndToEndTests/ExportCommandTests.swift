import Foundation
import Testing

/// `kawal export` through the real binary: filters, Excel-ready CSV, JSON, failures.
@Suite("Export command")
struct ExportCommandTests {
    /// A copy of the golden demo database whose first companies carry hostile text.
    static func hostileDatabase() throws -> String {
        let dir = Harness.tempDir("kawal-export")
        let path = dir.appendingPathComponent("d.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: path)
        let sql = """
            UPDATE company SET name = '=HYPERLINK("http://x","klik")', name_key = 'aaa1' WHERE id = 1;
            UPDATE company SET name = 'Toko "Maju"; Baru, Jaya', name_key = 'aaa2' WHERE id = 2;
            UPDATE company SET name = 'PT ' || char(27) || '[31mMerah' || char(7), name_key = 'aaa3', address = 'Jl. Satu' || char(13, 10) || 'Gang Dua' WHERE id = 3;
            UPDATE company SET name = 'Batik Café 🎨', owner = '+62 812', name_key = 'aaa4' WHERE id = 4;
            """
        let r = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 20000", path, sql])
        try #require(r.status == 0, "\(r.stderr)")
        return path
    }

    static func csvLines(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { !$0.isEmpty } }

    @Test func theSameFilterGivesTheSameRowsAsTheList() throws {
        let db = Harness.demoDatabase
        // The filter screen shows PWBD in Pekalongan Utara.
        let screen = try Harness.kawal(["render", "filter", "--db", db, "--today", Harness.goldenToday])
        try #require(screen.status == 0, "\(screen.stderr)")
        let header = try #require(screen.stdout.split(separator: "\n").first)
        let shown = try #require(header.split(separator: " ").dropLast().last.map { Int($0.replacingOccurrences(of: ".", with: "")) } ?? nil)
        let r = try Harness.kawal(["export", "companies", "--db", db, "--status", "PWBD", "--kecamatan", "Utara"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = Self.csvLines(r.stdout)
        #expect(lines.count == shown + 1)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",Pekalongan Utara,") && $0.contains(",PWBD,") })
        // The first rows are the list's first rows, in its order.
        let names = screen.stdout.split(separator: "\n").dropFirst(3).prefix(3).map { String($0.dropFirst().prefix(20)).trimmingCharacters(in: .whitespaces) }
        for (line, name) in zip(lines.dropFirst(), names) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            // A sole proprietor's legal form is the one a blank Bentuk Usaha gets: left empty.
            let display = fields[2].isEmpty ? String(fields[1]) : "\(fields[2]) \(fields[1])"
            #expect(display.hasPrefix(name.replacingOccurrences(of: "…", with: "")), "\(display) vs \(name)")
        }
        // The kecamatan written as a list writes it picks the same rows.
        let written = try Harness.kawal(["export", "companies", "--db", db, "--status", "PWBD", "--kecamatan", "KEC. PEKALONGAN UTARA"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == r.stdout)
    }

    @Test func csvOpensInExcelWithASemicolonAndQuotes() throws {
        let db = try Self.hostileDatabase()
        let out = Harness.tempDir("kawal-export-out").appendingPathComponent("rapat.csv").path
        let r = try Harness.kawal(["export", "companies", "--db", db, "--delimiter", ";", "--out", out, "--search", "aaa"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("4 baris diekspor ke \(out)"))
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let lines = Self.csvLines(text)
        #expect(lines[0].hasPrefix("ID Perusahaan;Nama Usaha;Bentuk Usaha;NPWP;NIB;NPP;Alamat;Kelurahan;Kecamatan;KBLI;Sektor;"))
        #expect(lines[1].hasPrefix("1;\"=\"\"=HYPERLINK(\"\"\"\"http://x\"\"\"\",\"\"\"\"klik\"\"\"\")\"\"\";"))
        #expect(lines[2].hasPrefix("2;\"Toko \"\"Maju\"\"; Baru, Jaya\";"))
        #expect(lines[3].hasPrefix("3;PT ␛[31mMerah␇;"))
        #expect(lines[3].contains(";\"Jl. Satu\nGang Dua\";"))
        #expect(lines[4].hasPrefix("4;Batik Café 🎨;"))
        #expect(lines[4].contains(";\"=\"\"+62 812\"\"\";"))
        // NPWP in its display form where the company has one.
        #expect(lines.contains { $0.range(of: #";\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3};"#, options: .regularExpression) != nil })

        let en = try Harness.kawal(["export", "companies", "--db", db, "--lang", "en", "--search", "aaa"])
        #expect(Self.csvLines(String(en.stdout.dropFirst()))[0].hasPrefix("Company ID,Business name,Legal form,NPWP"))
    }

    /// Excel opens the meeting's file with every code as written: a phone's leading 0, all 13
    /// digits of a NIB, a KBLI starting with 0. The same file, imported into an empty database,
    /// gives the same companies.
    @Test func codesOpenAsWrittenAndTheFileImportsBack() throws {
        let dir = Harness.tempDir("kawal-export-back")
        // Text Excel would take for a formula goes out as one too, and comes back as it was.
        let db = dir.appendingPathComponent("d.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: db)
        // Too long for a formula, or with a line break: a leading `'`, which the import takes away.
        let long = "-" + String(repeating: "Batik ", count: 50)
        let hostile = try Harness.run("/usr/bin/env", ["sqlite3", db, """
            UPDATE company SET name = '@Kopi "Senja"', owner = '-Budi' WHERE id = 5;
            UPDATE company SET name = '\(long)x', owner = '=1' || char(10) || '2' WHERE id = 6;
            UPDATE company SET name = '''=Toko', owner = '''+62 812' WHERE id = 7;
            """])
        try #require(hostile.status == 0, "\(hostile.stderr)")
        let out = dir.appendingPathComponent("rapat.csv").path
        let r = try Harness.kawal(["export", "companies", "--db", db, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)).dropFirst(3), as: UTF8.self)
        let rows = Self.csvLines(text).dropFirst()
        #expect(rows.count == 3000)
        #expect(rows.contains { $0.range(of: #",="\d{13}","#, options: .regularExpression) != nil })
        #expect(rows.contains { $0.contains(",=\"08") })
        #expect(!rows.contains { $0.range(of: #",0\d{8,},"#, options: .regularExpression) != nil })
        #expect(rows.contains { $0.hasPrefix("5,\"=\"\"@Kopi \"\"\"\"Senja\"\"\"\"\"\"\",") && $0.contains(",\"=\"\"-Budi\"\"\",") })
        #expect(rows.contains { $0.hasPrefix("6,'\(long)x,") })
        #expect(text.contains(",\"'=1\n2\","))

        let back = dir.appendingPathComponent("back.sqlite").path
        let imported = try Harness.kawal(["import", "--source", "pemkot", out, "--db", back, "--today", Harness.goldenToday])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Ditolak                   0"), "\(imported.stdout)")
        let companies = """
            SELECT (SELECT count(*) || '|' || sum(nib IS NOT NULL) || '|' || sum(phone LIKE '0%') FROM company),
                (SELECT group_concat(x, '|') FROM (SELECT name || ';' || legal_form
                || ';' || ifnull(npwp, '') || ';' || ifnull(nib, '') || ';' || ifnull(npp, '') || ';' || kbli || ';' || phone
                || ';' || address || ';' || kelurahan || ';' || kecamatan || ';' || replace(owner, char(10), ' ') || ';' || estimated_workers AS x
                FROM company ORDER BY x))
            """
        let before = try CaseCommandTests.sql(db, companies)
        #expect(before.hasPrefix("3000|"))
        #expect(try CaseCommandTests.sql(back, companies) == before)
        // The import folds the line break to a space, as it does any: the `'` is gone either way.
        let guarded = "SELECT name || '|' || owner FROM company WHERE name LIKE '%Batik Batik%' OR name LIKE '''=%' ORDER BY name"
        #expect(try CaseCommandTests.sql(back, guarded) == "'=Toko|'+62 812\n\(long)x|=1 2")
    }

    /// A list that left Bentuk Usaha and the worker count blank: exported and imported into a
    /// database that knows them, the file changes neither.
    @Test func valuesNobodyGaveAreExportedEmptyAndImportChangesNothing() throws {
        let dir = Harness.tempDir("kawal-export-unset")
        func list(_ name: String, _ rows: [String]) throws -> String {
            let path = dir.appendingPathComponent(name).path
            let header = "Nama Usaha;Bentuk Usaha;NPWP;Alamat;Kelurahan;Kecamatan;KBLI;Jumlah Tenaga Kerja"
            try Data(([header] + rows).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let blank = try list("blank.csv", ["Batik Sekar;;28.128.205.3-511.000;Jl. Sulawesi 5;Kauman;Pekalongan Timur;13134;"])
        let known = try list("known.csv", ["Batik Sekar;PT;28.128.205.3-511.000;Jl. Sulawesi 5;Kauman;Pekalongan Timur;13134;25"])
        let source = dir.appendingPathComponent("sumber.sqlite").path
        let target = dir.appendingPathComponent("tujuan.sqlite").path
        for (file, db) in [(blank, source), (known, target)] {
            let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
            try #require(r.status == 0, "\(r.stdout)\(r.stderr)")
        }
        let out = dir.appendingPathComponent("rapat.csv").path
        let r = try Harness.kawal(["export", "companies", "--db", source, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = Self.csvLines(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)).dropFirst(3), as: UTF8.self))
        #expect(lines.count == 2)
        // Bentuk Usaha, TK Potensi, TK Belum Terlindungi and Skala Usaha: empty.
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for column in ["Bentuk Usaha", "TK Potensi", "TK Belum Terlindungi", "Skala Usaha"] {
            #expect(cells[try #require(header.firstIndex(of: column))] == "", "\(column): \(lines[1])")
        }
        let before = try CaseCommandTests.sql(target, "SELECT legal_form || '|' || estimated_workers || '|' || scale FROM company")
        #expect(before == "PT|25|menengah")
        let back = try Harness.kawal(["import", "--source", "pemkot", out, "--db", target, "--today", Harness.goldenToday])
        #expect(back.status == 0, "\(back.stdout)\(back.stderr)")
        #expect(try CaseCommandTests.sql(target, "SELECT legal_form || '|' || estimated_workers || '|' || scale FROM company") == before)

        // JSON: null, as its keys promise for what is absent.
        let json = try Harness.kawal(["export", "companies", "--db", source, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        for key in ["legal_form", "estimated_workers", "unprotected_workers", "scale"] {
            #expect(rows.first?[key] is NSNull, "\(key): \(String(describing: rows.first?[key]))")
        }
        #expect(rows.first?["registered_workers"] as? Int == 0)
    }

    @Test func jsonParsesBackWithTheExactText() throws {
        let db = try Self.hostileDatabase()
        let r = try Harness.kawal(["export", "companies", "--db", db, "--format", "json", "--search", "aaa"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B })
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["company_id"] as? Int } == [1, 2, 3, 4])
        #expect(rows[0]["name"] as? String == "=HYPERLINK(\"http://x\",\"klik\")")
        #expect(rows[2]["name"] as? String == "PT \u{1B}[31mMerah\u{07}")
        #expect(rows[2]["address"] as? String == "Jl. Satu\r\nGang Dua")
        #expect(rows[3]["name"] as? String == "Batik Café 🎨")

        let cases = try Harness.kawal(["export", "cases", "--db", Harness.demoDatabase, "--format", "json", "--stage", "warning1,Teguran II", "--sort", "deadline"])
        #expect(cases.status == 0, "\(cases.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(cases.stdout.utf8)) as? [[String: Any]])
        #expect(!list.isEmpty)
        #expect(list.allSatisfy { ["warning1", "warning2"].contains($0["stage"] as? String ?? "") && $0["case_id"] is Int && $0["assignee"] != nil })
        let deadlines = list.compactMap { $0["next_deadline"] as? String }
        #expect(deadlines == deadlines.sorted())
        // Officers by name, as the city meeting knows them, not by login.
        let assignees = Set(list.compactMap { $0["assignee"] as? String })
        let names = Set(try CaseCommandTests.sql(Harness.demoDatabase, "SELECT group_concat(name, '|') FROM officer").split(separator: "|").map(String.init))
        #expect(!assignees.isEmpty && assignees.isSubset(of: names), "\(assignees)")
        let csv = try Harness.kawal(["export", "cases", "--db", Harness.demoDatabase, "--stage", "warning1"])
        #expect(csv.stdout.contains(",Ari Wibowo\r\n") && !csv.stdout.contains("ari.wibowo"))
    }

    @Test func aFullDiskLeavesTheOldFileAndNoHalfFile() throws {
        let dir = Harness.tempDir("kawal-export-full")
        let out = dir.appendingPathComponent("laporan.csv").path
        try Data("laporan lama\n".utf8).write(to: URL(fileURLWithPath: out))
        // Its own copy of the database: the limit below applies to every file the process writes.
        let db = Harness.tempDir("kawal-export-db").appendingPathComponent("d.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: db)
        // A file size limit (about 100-200 KiB) stands in for a full disk: the export (600 KiB) is
        // larger, so a write fails partway.
        let script = "trap '' XFSZ; ulimit -f 200; exec \"$0\" \"$@\""
        let r = try Harness.run("/bin/sh", ["-c", script, Harness.binary, "export", "companies", "--db", db, "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Gagal menulis \(out)"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "laporan lama\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["laporan.csv"])
    }

    @Test func unknownValuesAreUsageErrors() throws {
        let db = Harness.demoDatabase
        for (args, word) in [(["export", "firms"], "firms"), (["export", "companies", "--status", "lunas"], "lunas"),
                             (["export", "cases", "--stage", "teguran 3"], "teguran 3"), (["export", "companies", "--kecamatan", "Batang"], "Batang"),
                             (["export", "companies", "--format", "xlsx"], "xlsx"), (["export", "companies", "--delimiter", "|"], "|")] {
            let r = try Harness.kawal(args + ["--db", db])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains(word), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        // The stages are listed by code and by the label the user sees, in full, either accepted.
        let stage = try Harness.kawal(["export", "cases", "--stage", "teguran 3", "--db", db])
        #expect(stage.stderr.contains("Pilihan: identified (Teridentifikasi), notified (Pemberitahuan/Sosialisasi), visited (Kunjungan), warning1 (Teguran I), "),
                "\(stage.stderr)")
        // A Roman numeral may be written in digits.
        for (roman, digits) in [("Teguran I", "Teguran 1"), ("teguran ii", "TEGURAN 2"), ("Warning II", "warning 2")] {
            let a = try Harness.kawal(["export", "cases", "--stage", roman, "--db", db])
            let b = try Harness.kawal(["export", "cases", "--stage", digits, "--db", db])
            #expect(a.status == 0 && b.status == 0, "\(b.stderr)")
            #expect(Self.csvLines(b.stdout).count > 1)
            #expect(b.stdout == a.stdout)
        }
        // A KBLI code is five digits: four, or six, select nothing and are refused.
        for code in ["1313", "131341", "1313a", "１３１３４"] {
            let r = try Harness.kawal(["export", "companies", "--sector", code, "--db", db])
            #expect(r.status == 2, "\(code)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == "kawal: --sector \"\(code)\" bukan kode KBLI: kode KBLI terdiri dari 5 angka. Misalnya: 13134, 14111, 13121, 10213, 10792, 47711, 47111, 56101, 49431, 41011, 03111, 55110\n",
                    "\(r.stderr)")
        }
        let kbli = try Harness.kawal(["export", "companies", "--sector", "13134", "--db", db])
        #expect(kbli.status == 0 && Self.csvLines(kbli.stdout).count > 1)
        let folder = Harness.tempDir("kawal-export-dir").path
        let r = try Harness.kawal(["export", "companies", "--db", db, "--out", folder])
        #expect(r.status == 1)
        // The reason in the user's language, not the system's English ("Is a directory"), and advice that fits it.
        #expect(r.stderr == "kawal: \(folder) adalah folder, bukan berkas. Sebutkan nama berkas di dalamnya, misalnya \(folder)/kawal-perusahaan.csv.\n",
                "\(r.stderr)")
        let missing = folder + "/tidak/ada.csv"
        let en = try Harness.kawal(["export", "companies", "--db", db, "--out", missing, "--lang", "en"])
        #expect(en.stderr == "kawal: Cannot create \(missing): the folder \(folder)/tidak does not exist. Create it first, or choose another --out.\n",
                "\(en.stderr)")
        // A database that is not there: said so, and none is created.
        let nowhere = folder + "/salah.sqlite"
        let none = try Harness.kawal(["export", "companies", "--db", nowhere, "--out", folder + "/x.csv"])
        #expect(none.status == 1)
        #expect(none.stderr == "kawal: Tidak ada basis data di \(nowhere), jadi tidak ada yang bisa diekspor. Periksa --db.\n", "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: nowhere) && !FileManager.default.fileExists(atPath: folder + "/x.csv"))
    }
}
