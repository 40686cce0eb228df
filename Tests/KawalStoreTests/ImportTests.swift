import Foundation
import GRDB
import KawalDomain
import Synchronization
import Testing
@testable import KawalStore

/// Import files as users send them, written in code into a temporary folder.
enum ImportFixture {
    static let npwp = NPWP.make(prefix8: "01234567", tail6: "511000")
    static let npwp2 = NPWP.make(prefix8: "02345678", tail6: "511000")
    static let pemkotHeader = "Nama Usaha,Bentuk Usaha,NIB,NPWP,Alamat,Kelurahan,Kecamatan,KBLI,Jumlah Tenaga Kerja,Telepon,Pemilik"
    static let bpjsHeader = "NPP,Nama Perusahaan,NPWP,Alamat,Kecamatan,Status Kepesertaan,TK Terdaftar,TK Potensi"
    static let text = RejectionText(lineColumn: "Line", reasonColumn: "Reason") { "\($0)" }

    /// A folder for one test, removed when the run ends.
    static func folder() -> String {
        Fixture.temporaryFolder("kawal-import-tests").path
    }

    /// The temporary rejected files (`FILE.rejected.csv.partial-PID`) beside the list at `path`.
    static func partials(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(url.lastPathComponent + ".rejected.csv.partial") }
    }

    static func write(_ dir: String, _ name: String, _ text: String) -> String {
        write(dir, name, Array(text.utf8))
    }

    static func write(_ dir: String, _ name: String, _ bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func request(_ path: String, _ source: ImportSource, dryRun: Bool = false, delimiter: ImportDelimiter = .auto) -> ImportRequest {
        ImportRequest(path: path, source: source, delimiter: delimiter, dryRun: dryRun, actor: "ari", today: Fixture.today)
    }

    static let pemkotRows = """
        \(pemkotHeader)
        CV. Batik Sekar Jaya,CV,1234567890123,\(npwp.formatted),Jl. Seruni No. 4,Kauman,Pekalongan Timur,13134,25,0285-1,Siti
        Konveksi Putra,UD,,\(npwp2.digits),"Jl. Hayam Wuruk 7, Blok B",Medono,Pekalongan Barat,14111,8,,Bambang
        Ikan Asap Bu Sri,,,,Jl. Pantai 2,Panjang Wetan,Pekalongan Utara,10213,3,,Sri
        Batik Salah,CV,,01.234.567.0-511.000,Jl. A 1,Kauman,Pekalongan Timur,13134,4,,X

        """

    /// Every table an import may write, as text, to compare a database before and after.
    static func snapshot(_ db: AppDatabase, withRuns: Bool = false) throws -> [String] {
        var tables = ["company", "field_source", "compliance_case", "case_event", "duplicate_pair"]
        if withRuns { tables.append("import_run") }
        return try db.read { d in
            var out: [String] = []
            for t in tables {
                for row in try Row.fetchAll(d, sql: "SELECT * FROM \(t) ORDER BY 1, 2") { out.append("\(t) \(row)") }
            }
            out.append("fts \(try Int.fetchOne(d, sql: "SELECT count(*) FROM company_fts WHERE company_fts MATCH 'batik'") ?? -1)")
            out.append("indexes \(try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type IN ('index','trigger') ORDER BY name"))")
            return out
        }
    }
}

@Suite struct ImportTests {
    typealias F = ImportFixture

    @Test func pemkotListIsImportedRejectedRowsAreWrittenAndTheRunIsRecorded() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = F.write(dir, "pemkot.csv", F.pemkotRows)
        let db = try AppDatabase.inMemory()
        let summary = try db.importFile(F.request(path, .pemkot), text: F.text)
        #expect(summary.counts == ImportCounts(read: 4, new: 3, rejected: 1))
        #expect(summary.casesOpened == 3)
        #expect(summary.sha256.count == 64)
        #expect(summary.rejectedPath == path + ".rejected.csv")
        let rejected = try String(contentsOfFile: path + ".rejected.csv", encoding: .utf8)
        #expect(rejected.hasPrefix(F.pemkotHeader + ",Line,Reason\n"))
        #expect(rejected.contains("Batik Salah,CV,,01.234.567.0-511.000,Jl. A 1,Kauman,Pekalongan Timur,13134,4,,X,5,"))
        #expect(rejected.contains("check digit does not match"))
        #expect(try db.companyCount() == 3)
        let runs = try db.importRuns(limit: 10)
        #expect(runs.count == 1)
        #expect(runs[0].counts == summary.counts && runs[0].actor == "ari" && runs[0].source == .pemkot)
        #expect(runs[0].fileName == path && runs[0].sha256 == summary.sha256)
        #expect(summary.sha256 == SHA256.file(path))
        // The history says where the refused rows are.
        #expect(runs[0].rejectedFile == path + ".rejected.csv")
        // The new company is listed, searchable, with its case at `identified` and its sources.
        let page = try db.companies(CompanyQuery(search: "sekar"), after: nil, limit: 10)
        #expect(page.rows.map(\.name) == ["Batik Sekar Jaya"])
        #expect(page.rows.first?.stage == .identified)
        let detail = try #require(try db.companyDetail(id: page.rows[0].id))
        #expect(detail.company.legalForm == .cv && detail.company.npwp == F.npwp && detail.company.estimatedWorkers == 25)
        #expect(detail.sources(of: "npwp") == [.pemkot])
        #expect(detail.complianceCase?.stage == .identified)
        #expect(try db.companyOrigin(id: page.rows[0].id) == .pemkot)
    }

    /// The history names an import's rejected file only while it holds that import's rows: not
    /// once a later import of the same file replaced or removed it, nor once it is gone.
    @Test func theHistoryNamesTheRejectedFileWhileItIsThatImports() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        let path = F.write(dir, "pemkot.csv", F.pemkotRows)
        _ = try db.importFile(F.request(path, .pemkot), text: F.text)
        let other = F.write(dir, "lain.csv", F.pemkotRows)
        _ = try db.importFile(F.request(other, .pemkot), text: F.text)
        #expect(try db.importRuns(limit: 5).map(\.rejectedFile) == [other + ".rejected.csv", path + ".rejected.csv"])
        // The same file again: its rejected file is this import's now.
        _ = try db.importFile(F.request(path, .pemkot), text: F.text)
        #expect(try db.importRuns(limit: 5).map(\.rejectedFile) == [path + ".rejected.csv", other + ".rejected.csv", nil])
        try FileManager.default.removeItem(atPath: other + ".rejected.csv")
        #expect(try db.importRuns(limit: 5).map(\.rejectedFile) == [path + ".rejected.csv", nil, nil])
    }

    /// Merging away the newest company does not free its id: the next company an import adds
    /// gets a new one, so that "#5 merged into #3" never comes to name another company.
    @Test func anIdMergedAwayIsNeverGivenAgain() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        _ = try db.importFile(F.request(F.write(dir, "pemkot.csv", F.pemkotRows), .pemkot), text: F.text)
        let bpjs = F.write(dir, "bpjs.csv", "\(F.bpjsHeader)\n,Ikan Asap Bu Sri,,Jl Pantai No 2,Pekalongan Utara,PWBD,0,3\n")
        #expect(try db.importFile(F.request(bpjs, .bpjs), text: F.text).counts.flagged == 1)
        let pair = try #require(try db.pendingDuplicates(limit: 5).first)
        let newest = try db.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM company") }
        #expect(pair.incoming.id == newest)
        try db.resolveDuplicate(id: pair.id, decision: .merge, actor: "dewi", today: Fixture.today)
        let later = F.write(dir, "later.csv", "\(F.pemkotHeader)\nToko Sesudah,UD,,,Jl. Baru 9,Kauman,Pekalongan Timur,47111,2,,Ani\n")
        #expect(try db.importFile(F.request(later, .pemkot), text: F.text).counts.new == 1)
        let id = try #require(try db.companies(CompanyQuery(search: "toko sesudah"), after: nil, limit: 5).rows.first?.id)
        #expect(id == pair.incoming.id + 1, "\(id) after \(pair.incoming.id)")
        // Entered another way, the same.
        let manual = try db.insertCompany(Fixture.company(name: "Toko Manual"), sources: [])
        #expect(manual == id + 1)
    }

    /// A company kept apart from the one a review merges away stays kept apart from the one it
    /// became: the decision is about the company, whatever its number.
    @Test func aKeepApartDecisionFollowsTheCompanyAMergeKeeps() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        let run = try db.importFile(F.request(F.write(dir, "pemkot.csv", F.pemkotRows), .pemkot), text: F.text).runID ?? 0
        let other = try db.insertCompany(Fixture.company(name: "Batik Sekar Jaya Dua"), sources: [])
        let merged = try db.insertCompany(Fixture.company(name: "Batik Sekar Jaya"), sources: [])
        let pair = try db.write { d -> Int64 in
            try d.execute(sql: """
                INSERT INTO duplicate_pair(existing_id, incoming_id, reason, status, import_run_id, flagged_at)
                VALUES (?, ?, 'sameNameSameKelurahan', 'keptApart', ?, 0), (1, ?, 'sameNameSameKelurahan', 'pending', ?, 0)
                """, arguments: [other, merged, run, merged, run])
            return d.lastInsertedRowID
        }
        try db.resolveDuplicate(id: pair, decision: .merge, actor: "dewi", today: Fixture.today)
        let kept = try db.read { try Row.fetchAll($0, sql: "SELECT existing_id, incoming_id FROM duplicate_pair WHERE status = 'keptApart'") }
        #expect(kept.map { [$0[0] as Int64, $0[1] as Int64] } == [[other, 1]])
    }

    @Test func bpjsListMergesKeepsConflictsAndRecordsComplianceOnOpenCases() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        _ = try db.importFile(F.request(F.write(dir, "pemkot.csv", F.pemkotRows), .pemkot), text: F.text)
        let bpjs = F.write(dir, "bpjs.csv", """
            \(F.bpjsHeader)
            12345678,PT Batik Sekar Jaya,0\(F.npwp.digits),Jl. Seruni No. 4,Pekalongan Timur,PDS-TK,4,30
            23456789,Konveksi Putra,\(F.npwp2.formatted),Jl. Hayam Wuruk 7,Pekalongan Barat,Patuh,8,8
            ,Ikan Asap Bu Sri,,Jl Pantai No 2,Pekalongan Utara,PWBD,0,3
            34567890,Toko Baru,,Jl. Baru 1,Pekalongan Selatan,Patuh,2,2

            """)
        let s = try db.importFile(F.request(bpjs, .bpjs), text: F.text)
        #expect(s.counts == ImportCounts(read: 4, new: 1, merged: 2, flagged: 1))
        #expect(s.complianceEvents == 1)
        // A compliant new company gets no case.
        #expect(s.casesOpened == 1)
        let sekarID = try #require(try db.companies(CompanyQuery(search: "sekar"), after: nil, limit: 5).rows.first?.id)
        let sekar = try #require(try db.companyDetail(id: sekarID))
        #expect(sekar.company.status == .pdsTK && sekar.company.npp?.digits == "12345678" && sekar.company.registeredWorkers == 4)
        #expect(sekar.company.estimatedWorkers == 25)
        #expect(sekar.sources(of: "npwp") == [.pemkot, .bpjs])
        let conflict = try #require(sekar.conflicts.first { $0.field == .estimatedWorkers })
        #expect(conflict.values == [SourcedValue(field: "estimatedWorkers", source: .pemkot, value: "25"),
                                    SourcedValue(field: "estimatedWorkers", source: .bpjs, value: "30")])
        // Patuh from BPJAMSOSTEK: a note on the open case; the stage stays.
        let putraID = try #require(try db.companies(CompanyQuery(search: "putra"), after: nil, limit: 5).rows.first?.id)
        let putra = try #require(try db.companyDetail(id: putraID))
        #expect(putra.company.status == .patuh)
        #expect(putra.complianceCase?.stage == .identified)
        #expect(putra.events.count == 1)
        #expect(putra.events.first?.kind == .note && putra.events.first?.actor == "ari")
        #expect(putra.events.first?.detail.text == "bpjs.csv")
        // The name-only row is queued, not merged.
        let pairs = try db.pendingDuplicates(limit: 10)
        #expect(pairs.count == 1)
        #expect(pairs[0].existing.name == "Ikan Asap Bu Sri" && pairs[0].incoming.name == "Ikan Asap Bu Sri")
        #expect(pairs[0].reason == .sameNameSimilarAddress)
        #expect(pairs[0].importRunID == s.runID)
        #expect(try db.pendingDuplicateCount() == 1)
        #expect(try db.importRuns(limit: 1).first?.id == s.runID)
    }

    /// A row that matches a company by its NIB but gives another NPWP is refused: merged, the
    /// row's NPWP would have replaced the company's everywhere, its sources too. A row matched
    /// by its NPP that gives another NIB likewise; the same NPWP in its other form is no conflict.
    @Test func aRowMatchedByNIBWithAnotherNPWPIsRefused() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        _ = try db.importFile(F.request(F.write(dir, "pemkot.csv", F.pemkotRows), .pemkot), text: F.text)
        _ = try db.importFile(F.request(F.write(dir, "bpjs1.csv", """
            \(F.bpjsHeader)
            12345678,PT Batik Sekar Jaya,\(F.npwp.formatted),Jl. Seruni No. 4,Pekalongan Timur,PDS-TK,4,30

            """), .bpjs), text: F.text)
        let before = try F.snapshot(db)
        let other = NPWP.make(prefix8: "03456789", tail6: "511000")
        let byNIB = "Batik Sekar Jaya,CV,1234567890123,\(other.formatted),Jl. Seruni No. 4,Kauman,Pekalongan Timur,13134,26,0285-1,Siti"
        let pemkot = F.write(dir, "pemkot2.csv", "\(F.pemkotHeader)\n\(byNIB)\n")
        let s = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        #expect(s.counts == ImportCounts(read: 1, rejected: 1))
        let rejected = try String(contentsOfFile: pemkot + ".rejected.csv", encoding: .utf8)
        #expect(rejected.contains("identifierDiffers"), "\(rejected)")
        #expect(try F.snapshot(db) == before)

        let byNPP = F.write(dir, "bpjs2.csv", "\(F.bpjsHeader)\n12345678,PT Batik Sekar Jaya,\(other.formatted),Jl. Seruni No. 4,Pekalongan Timur,PDS-TK,5,30\n")
        #expect(try db.importFile(F.request(byNPP, .bpjs), text: F.text).counts == ImportCounts(read: 1, rejected: 1))
        #expect(try F.snapshot(db) == before)

        // The company's own NPWP in its 16-digit form, with the NIB: merged as usual.
        let same = "Batik Sekar Jaya,CV,1234567890123,0\(F.npwp.digits),Jl. Seruni No. 4,Kauman,Pekalongan Timur,13134,26,0285-1,Siti"
        #expect(try db.importFile(F.request(F.write(dir, "pemkot3.csv", "\(F.pemkotHeader)\n\(same)\n"), .pemkot), text: F.text).counts
                == ImportCounts(read: 1, merged: 1))
    }

    /// A row whose NPWP is one company's and whose NPP is another's (already known, or brought
    /// in by an earlier row of the same file) is refused, unchanged, and neither company moves.
    @Test func aRowNamingTwoCompaniesIsRefusedAndChangesNeither() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        _ = try db.importFile(F.request(F.write(dir, "pemkot.csv", F.pemkotRows), .pemkot), text: F.text)
        _ = try db.importFile(F.request(F.write(dir, "bpjs1.csv", """
            \(F.bpjsHeader)
            12345678,PT Batik Sekar Jaya,\(F.npwp.formatted),Jl. Seruni No. 4,Pekalongan Timur,PDS-TK,4,30

            """), .bpjs), text: F.text)
        let before = try F.snapshot(db)
        let clashing = "12345678,Konveksi Putra,\(F.npwp2.formatted),Jl. Hayam Wuruk 7,Pekalongan Barat,PDS-TK,3,8"
        let bpjs = F.write(dir, "bpjs2.csv", """
            \(F.bpjsHeader)
            \(clashing)
            45678901,Toko Baru,,Jl. Baru 1,Pekalongan Selatan,PWBD,0,2
            45678901,Ikan Asap Bu Sri,,Jl. Pantai 2,Pekalongan Utara,PWBD,0,3
            45678901,Konveksi Putra,\(F.npwp2.formatted),Jl. Hayam Wuruk 7,Pekalongan Barat,PDS-TK,3,8

            """)
        let s = try db.importFile(F.request(bpjs, .bpjs), text: F.text)
        // The third row's NPP came in with the second row's new company, in this same import; it
        // matches that company by NPP, so it is a merge into it rather than a clash. The fourth
        // gives Konveksi Putra (by its NPWP) that same NPP: a clash with a company of this import.
        #expect(s.counts == ImportCounts(read: 4, new: 1, merged: 1, rejected: 2))
        let rejected = try String(contentsOfFile: bpjs + ".rejected.csv", encoding: .utf8)
        let lines = rejected.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("45678901,Konveksi Putra,"), "\(rejected)")
        #expect(lines[2].contains("npp, value: \"\"45678901\"\", matchedID: 2"), "\(rejected)")
        #expect(lines[1].hasPrefix(clashing + ",2,"), "\(rejected)")
        #expect(lines[1].contains("identifierClash"))
        #expect(lines[1].contains("field: KawalDomain.IdentifierField.npp"), "\(rejected)")
        // Konveksi Putra kept no NPP, and the two companies are as they were.
        let putraID = try #require(try db.companies(CompanyQuery(search: "konveksi putra"), after: nil, limit: 5).rows.first?.id)
        #expect(try db.companyDetail(id: putraID)?.company.npp == nil)
        let companies = { (rows: [String]) in rows.filter { $0.hasPrefix("company [id:1 ") || $0.hasPrefix("company [id:2 ") } }
        #expect(companies(try F.snapshot(db)) == companies(before))
        #expect(companies(before).count == 2)
    }

    /// The review reads the queue a page at a time from either end or around a pair, and says
    /// where each page lies in it.
    @Test func pendingDuplicatesArePagedThroughTheWholeQueue() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        let names = (1...25).map { "Toko Nomor \($0)" }
        _ = try db.importFile(F.request(F.write(dir, "pemkot.csv", "Nama Usaha,Alamat,Kelurahan,Kecamatan\n"
            + names.map { "\($0),Jl. Pasar \($0.split(separator: " ").last!),Kauman,Pekalongan Timur\n" }.joined()), .pemkot), text: F.text)
        let flagged = try db.importFile(F.request(F.write(dir, "bpjs.csv", "NPP,Nama Perusahaan,Alamat,Kecamatan,Status Kepesertaan\n"
            + names.map { ",\($0),Jl Pasar No \($0.split(separator: " ").last!),Pekalongan Timur,PWBD\n" }.joined()), .bpjs), text: F.text)
        #expect(flagged.counts.flagged == 25)
        let all = try db.pendingDuplicates(.first, limit: 100).pairs.map(\.id)
        #expect(all.count == 25)
        func page(_ p: DuplicatePage) throws -> ([Int64], Int, Int) {
            let r = try db.pendingDuplicates(p, limit: 10)
            return (r.pairs.map(\.id), r.pending, r.firstIndex)
        }
        #expect(try page(.first) == (Array(all[0..<10]), 25, 0))
        #expect(try page(.after(all[9])) == (Array(all[10..<20]), 25, 10))
        #expect(try page(.last) == (Array(all[15..<25]), 25, 15))
        #expect(try page(.before(all[15])) == (Array(all[5..<15]), 25, 5))
        #expect(try page(.from(all[12])) == (Array(all[12..<22]), 25, 12))
        // A decided pair leaves the queue and the places after it.
        try db.resolveDuplicate(id: all[3], decision: .keepApart, actor: "ari", today: Fixture.today)
        #expect(try page(.from(all[12])) == (Array(all[12..<22]), 24, 11))
        #expect(try page(.before(all[5])) == ([all[0], all[1], all[2], all[4]], 24, 0))
    }

    @Test func theSearchIndexFollowsWhatAnImportAddsAndChanges() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: dir + "/kawal.sqlite")
        _ = try db.importFile(F.request(F.write(dir, "pemkot.csv", F.pemkotRows), .pemkot), text: F.text)
        // The city's next list: Sekar Jaya moved (same NPWP), and a new company.
        let next = F.write(dir, "pemkot-2.csv", """
            \(F.pemkotHeader)
            CV. Batik Sekar Jaya,CV,1234567890123,\(F.npwp.formatted),Jl. Melati No. 9,Kauman,Pekalongan Timur,13134,25,0285-1,Siti
            Sablon Anyar,UD,,,Jl. Kenanga 3,Medono,Pekalongan Barat,18111,6,,Wati

            """)
        let s = try db.importFile(F.request(next, .pemkot), text: F.text)
        #expect(s.counts.merged == 1 && s.counts.new == 1)
        func found(_ words: String) throws -> [String] {
            try db.companies(CompanyQuery(search: words), after: nil, limit: 10).rows.map(\.name)
        }
        #expect(try found("melati") == ["Batik Sekar Jaya"])
        #expect(try found("seruni").isEmpty)
        #expect(try found("anyar") == ["Sablon Anyar"])
        #expect(try found("wati") == ["Sablon Anyar"])
        try db.write { d in
            // FTS5 checks its index against the company rows; a stale entry is an error.
            try d.execute(sql: "INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")
            // The row written with its new case's stage, and the triggers back in place.
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM company c JOIN compliance_case k ON k.company_id = c.id
                WHERE c.stage IS NOT k.stage OR c.stage_rank IS NOT 0 OR c.next_deadline IS NOT k.next_deadline
                """) == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == 7)
        }
        // Later edits go through the triggers again.
        let id = try #require(try db.companies(CompanyQuery(search: "anyar"), after: nil, limit: 1).rows.first?.id)
        try db.write { try $0.execute(sql: "UPDATE company SET address = 'Jl. Dahlia 1', address_key = 'jl. dahlia 1' WHERE id = ?", arguments: [id]) }
        #expect(try found("dahlia") == ["Sablon Anyar"])
    }

    @Test func progressMovesOnThroughTheIndexesToTheEnd() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: dir + "/kawal.sqlite")
        var text = F.pemkotHeader + "\n"
        for i in 0..<3_000 { text += "Usaha \(i),UD,,,Jl. Panjang No. \(i),Kauman,Pekalongan Timur,47111,\(i % 30 + 1),,Pemilik \(i)\n" }
        let seen = Counter()
        _ = try db.importFile(F.request(F.write(dir, "big.csv", text), .pemkot), text: F.text, progress: { seen.add($0) })
        let values = seen.all
        #expect(values.count <= 120)
        #expect(values == values.sorted() && values.allSatisfy { (0...1).contains($0) })
        #expect(values.last == 1)
        // The rows take the bar to 80%; the index rebuilds and the search entries move it on.
        #expect(values.contains { $0 > 0.8 && $0 < 0.9 } && values.contains(0.97))
        // What a progress bar says at each point.
        #expect(values.map(ImportPhase.init(progress:)) == values.map { $0 < 0.8 ? .rows : $0 < 0.97 ? .indexes : .saving })
        #expect(Set(values.map(ImportPhase.init(progress:))) == [.rows, .indexes, .saving])
    }

    @Test func importingTheSameFileTwiceChangesNothingTheSecondTime() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        let pemkot = F.write(dir, "pemkot.csv", F.pemkotRows)
        let bpjs = F.write(dir, "bpjs.csv", """
            \(F.bpjsHeader)
            12345678,PT Batik Sekar Jaya,0\(F.npwp.digits),Jl. Seruni No. 4,Pekalongan Timur,Patuh,4,30
            ,Ikan Asap Bu Sri,,Jl Pantai No 2,Pekalongan Utara,PWBD,0,3
            ,Warung Tanpa Nomor,,Jl. Sepi 3,Pekalongan Utara,PWBD,0,1
            """)
        let first1 = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        let first2 = try db.importFile(F.request(bpjs, .bpjs), text: F.text)
        #expect(first1.earlierImport == nil && first2.earlierImport == nil)
        let before = try F.snapshot(db)
        let again1 = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        let again2 = try db.importFile(F.request(bpjs, .bpjs), text: F.text)
        // The summary says the same file came before, by its SHA-256.
        #expect(again1.earlierImport?.id == first1.runID && again1.earlierImport?.actor == "ari")
        #expect(again2.earlierImport?.id == first2.runID)
        #expect(try F.snapshot(db) == before)
        #expect(again1.counts == ImportCounts(read: 4, unchanged: 3, rejected: 1))
        #expect(again2.counts == ImportCounts(read: 3, unchanged: 3))
        #expect(try db.importRunCount() == 4)
    }

    @Test func aFailurePartwayThroughLeavesTheDatabaseExactlyAsBefore() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: dir + "/kawal.sqlite")
        let pemkot = F.write(dir, "pemkot.csv", F.pemkotRows)
        // Into an empty database (the bulk path drops and rebuilds indexes) and into a filled one.
        for round in 0..<2 {
            let before = try F.snapshot(db, withRuns: true)
            #expect(throws: ImportInterrupted.self) {
                _ = try db.importFile(F.request(pemkot, .pemkot), text: F.text, progress: nil, failAfter: 2)
            }
            #expect(try F.snapshot(db, withRuns: true) == before)
            #expect(!FileManager.default.fileExists(atPath: pemkot + ".rejected.csv"))
            #expect(F.partials(pemkot).isEmpty)
            if round == 0 { _ = try db.importFile(F.request(F.write(dir, "one.csv", F.pemkotHeader + "\nA,CV,,,Jl. B 1,Kauman,X,,1,,\n"), .pemkot), text: F.text) }
        }
    }

    @Test func aWriteLockHeldElsewhereIsReportedAsBusyAndChangesNothing() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/kawal.sqlite"
        let db = try AppDatabase.open(path: path)
        try db.registerFirstAdmin(login: "kepala", name: "Kepala Cabang")
        try db.addOfficer(Officer(login: "ari", name: "Ari Wibowo", role: .petugas), by: "kepala")
        let pemkot = F.write(dir, "pemkot.csv", F.pemkotRows)
        _ = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        let caseID = try #require(try db.read { try Int64.fetchOne($0, sql: "SELECT id FROM compliance_case LIMIT 1") })
        try db.write { try $0.execute(sql: "UPDATE compliance_case SET assignee = 'ari'") }
        let before = try F.snapshot(db, withRuns: true)
        // Another program (a long import, say) holds the write lock for longer than the store waits.
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // the transaction stays open between the two accesses
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        #expect(throws: StoreWriteError.busy(path: path)) {
            _ = try db.addNote(caseID: caseID, text: "Ditelepon", by: "ari", today: Fixture.today)
        }
        #expect(throws: StoreWriteError.busy(path: path)) {
            _ = try db.importFile(F.request(F.write(dir, "more.csv", F.pemkotHeader + "\nA,CV,,,Jl. B 1,Kauman,X,,1,,\n"), .pemkot), text: F.text)
        }
        try other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        #expect(try F.snapshot(db, withRuns: true) == before)
        #expect(!FileManager.default.fileExists(atPath: dir + "/more.csv.rejected.csv"))
        // Once the lock is free the same write goes through.
        _ = try db.addNote(caseID: caseID, text: "Ditelepon", by: "ari", today: Fixture.today)
    }

    @Test func aFullDiskIsReportedAndLeavesTheDatabaseAndTheRejectedFileAsTheyWere() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: dir + "/kawal.sqlite")
        let pemkot = F.write(dir, "pemkot.csv", F.pemkotRows)
        _ = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        let rejectedBefore = try String(contentsOfFile: pemkot + ".rejected.csv", encoding: .utf8)
        let before = try F.snapshot(db, withRuns: true)
        // The same file name with more rows, one refused; the database may not grow past a few pages.
        var text = F.pemkotHeader + "\n"
        for i in 0..<2_000 { text += "Usaha \(i),UD,,,Jl. Panjang No. \(i),Kauman,Pekalongan Timur,47111,\(i % 30 + 1),,Pemilik \(i)\n" }
        text += "Rusak,UD,,,Jl. X,Kauman,Pekalongan Timur,47111,banyak,,X\n"
        _ = F.write(dir, "pemkot.csv", text)
        try db.write { d in
            let pages = try Int.fetchOne(d, sql: "PRAGMA page_count") ?? 0
            try d.execute(sql: "PRAGMA max_page_count = \(pages + 20)")
        }
        #expect(throws: StoreWriteError.diskFull(path: dir + "/kawal.sqlite")) {
            _ = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        }
        try db.write { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try F.snapshot(db, withRuns: true) == before)
        #expect(try String(contentsOfFile: pemkot + ".rejected.csv", encoding: .utf8) == rejectedBefore)
        #expect(F.partials(pemkot).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: pemkot + ".rejected.csv.before"))
        // With room again, the import goes through and its rejected file replaces the old one.
        let s = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
        #expect(s.counts.new == 2_000 && s.counts.rejected == 1)
        #expect(try String(contentsOfFile: pemkot + ".rejected.csv", encoding: .utf8).contains("Rusak,"))
        #expect(!FileManager.default.fileExists(atPath: pemkot + ".rejected.csv.before"))
    }

    /// The same into a database with no companies yet, which the import writes with a rollback
    /// journal: the journal undoes what was written, and the file is back in WAL.
    @Test func aFullDiskDuringAFirstImportLeavesTheEmptyDatabaseAsItWas() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: dir + "/kawal.sqlite")
        let before = try F.snapshot(db, withRuns: true)
        var text = F.pemkotHeader + "\n"
        for i in 0..<2_000 { text += "Usaha \(i),UD,,,Jl. Panjang No. \(i),Kauman,Pekalongan Timur,47111,\(i % 30 + 1),,Pemilik \(i)\n" }
        let pemkot = F.write(dir, "pemkot.csv", text)
        let pages = try db.write { d in
            let pages = try Int.fetchOne(d, sql: "PRAGMA page_count") ?? 0
            try d.execute(sql: "PRAGMA max_page_count = \(pages + 20)")
            return pages
        }
        let journalSeen = Mutex(false)
        #expect(throws: StoreWriteError.diskFull(path: db.path)) {
            _ = try db.importFile(F.request(pemkot, .pemkot), text: F.text) { _ in
                if FileManager.default.fileExists(atPath: db.path + "-journal") { journalSeen.withLock { $0 = true } }
            }
        }
        #expect(journalSeen.withLock { $0 })
        try db.write { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try F.snapshot(db, withRuns: true) == before)
        #expect(try db.read { try Int.fetchOne($0, sql: "PRAGMA page_count") } == pages)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(F.partials(pemkot).isEmpty)
        // With room again, it goes through.
        #expect(try db.importFile(F.request(pemkot, .pemkot), text: F.text).counts.new == 2_000)
    }

    @Test func theListIndexesAreRebuiltOnceTheyOutgrowTheCacheAndAnEighthIsTouched() {
        // 1M companies: an eighth of them added or changed.
        #expect(!Importer.rebuildIsCheaper(companies: 1_000_000, touched: 124_999))
        #expect(Importer.rebuildIsCheaper(companies: 1_000_000, touched: 125_000))
        // 100k companies' indexes (25 MB) sit in the 64 MB cache: kept however much changes.
        #expect(!Importer.rebuildIsCheaper(companies: 100_000, touched: 100_000))
        #expect(Importer.rebuildIsCheaper(companies: 200_000, touched: 25_000))
        // A big list into a small database: the count includes what the import added.
        #expect(!Importer.rebuildIsCheaper(companies: 200 + 134_000, touched: 134_000))
        #expect(Importer.rebuildIsCheaper(companies: 200 + 135_000, touched: 135_000))
    }

    @Test func anImportThatRebuildsTheListIndexesEndsAsOneThatKeepsThemUpToDate() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pemkot = F.write(dir, "pemkot.csv", F.pemkotRows)
        var bpjsText = F.bpjsHeader + "\n12345678,PT Batik Sekar Jaya,0\(F.npwp.digits),Jl. Seruni No. 4,Pekalongan Timur,Patuh,4,30\n"
        for i in 0..<40 { bpjsText += "\(40_000_000 + i),Usaha \(i),,Jl. Baru \(i),Pekalongan Selatan,PDS-Upah,\(i % 7),\(i % 9 + 1)\n" }
        let bpjs = F.write(dir, "bpjs.csv", bpjsText)
        var snapshots: [[String]] = []
        // Kept row by row (a small table), and dropped after the first added or changed company.
        for rebuildAfter in [nil, 1] as [Int?] {
            let db = try AppDatabase.open(path: dir + "/kawal-\(rebuildAfter ?? 0).sqlite")
            _ = try db.importFile(F.request(pemkot, .pemkot), text: F.text)
            if rebuildAfter != nil {
                // A failure after the drop brings the indexes back with everything else.
                let before = try F.snapshot(db, withRuns: true)
                #expect(throws: ImportInterrupted.self) {
                    _ = try db.importFile(F.request(bpjs, .bpjs), text: F.text, progress: nil, failAfter: 10, rebuildAfter: rebuildAfter)
                }
                #expect(try F.snapshot(db, withRuns: true) == before)
            }
            let s = try db.importFile(F.request(bpjs, .bpjs), text: F.text, progress: nil, failAfter: nil, rebuildAfter: rebuildAfter)
            #expect(s.counts == ImportCounts(read: 41, new: 40, merged: 1))
            try db.read { d in
                #expect(try String.fetchAll(d, sql: "PRAGMA integrity_check") == ["ok"])
                // The list sorts by status through its index.
                let plan = try Row.fetchAll(d, sql: "EXPLAIN QUERY PLAN SELECT id FROM company ORDER BY status_rank, name_key, id")
                    .map { $0["detail"] as String }
                #expect(plan.joined().contains("company_by_status"))
            }
            let byStatus = try db.companies(CompanyQuery(sort: .status), after: nil, limit: 100).rows.map(\.name)
            // Events carry the clock's seconds, which may differ between the two imports.
            let snapshot = try F.snapshot(db).map { $0.replacingOccurrences(of: #"recorded_at:\d+"#, with: "recorded_at:_", options: .regularExpression) }
            snapshots.append(snapshot + byStatus)
        }
        #expect(snapshots[0] == snapshots[1])
    }

    /// A first import writes the whole file anew: it does so with a rollback journal, so each
    /// page is written once, and leaves the database in WAL. With another connection open, or
    /// into a database that has companies, it stays in WAL, where readers go on reading.
    @Test func aFirstImportWritesWithARollbackJournalWhenNobodyElseHasTheFileOpen() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pemkot = F.write(dir, "pemkot.csv", F.pemkotRows)
        /// Whether a rollback journal was beside the database while the import ran.
        func journalSeen(_ db: AppDatabase, _ file: String = pemkot) throws -> Bool {
            let seen = Mutex(false)
            let journal = db.path + "-journal"
            _ = try db.importFile(F.request(file, .pemkot), text: F.text) { _ in
                if FileManager.default.fileExists(atPath: journal) { seen.withLock { $0 = true } }
            }
            return seen.withLock { $0 }
        }
        func mode(_ db: AppDatabase) throws -> String? { try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } }
        func companies(_ db: AppDatabase) throws -> Int { try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM company") ?? -1 } }

        let alone = try AppDatabase.open(path: dir + "/alone.sqlite")
        // Its own idle reader connection does not count as someone else.
        #expect(try companies(alone) == 0)
        #expect(try journalSeen(alone))
        #expect(try mode(alone) == "wal")
        #expect(!FileManager.default.fileExists(atPath: alone.path + "-journal"))
        #expect(try companies(alone) == 3)
        // The search entries are there too ("Batik Salah" is refused).
        #expect(try F.snapshot(alone).contains("fts 1"))
        // The next import merges into companies: WAL throughout.
        let more = F.write(dir, "more.csv", F.pemkotHeader + "\nToko Baru,UD,,,Jl. B 1,Kauman,Pekalongan Timur,47111,2,,X\n")
        #expect(try !journalSeen(alone, more))
        #expect(try companies(alone) == 4)

        let shared = try AppDatabase.open(path: dir + "/shared.sqlite")
        let other = try AppDatabase.open(path: shared.path)
        #expect(try companies(other) == 0)
        #expect(try !journalSeen(shared))
        #expect(try mode(shared) == "wal")
        #expect(try companies(other) == 3)
    }

    @Test func dryRunCountsTheSameAndWritesNothing() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        let path = F.write(dir, "pemkot.csv", F.pemkotRows)
        let before = try F.snapshot(db, withRuns: true)
        let dry = try db.importFile(F.request(path, .pemkot, dryRun: true), text: F.text)
        #expect(try F.snapshot(db, withRuns: true) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".rejected.csv"))
        #expect(dry.runID == nil && dry.rejectedPath == nil)
        let real = try db.importFile(F.request(path, .pemkot), text: F.text)
        #expect(real.counts == dry.counts)
    }

    /// The city's `rows` imported into two new databases, then BPJAMSOSTEK's: `matched` into the
    /// first (rows the import matches by their NPWP), `paired` into the second (the same rows
    /// without it, which it can only pair for a person to review).
    func importedTwice(_ dir: String, city rows: String, matched: String, paired: String) throws -> (matched: AppDatabase, paired: AppDatabase) {
        let city = F.write(dir, "p.csv", F.pemkotHeader + "\n" + rows)
        let databases = try [matched, paired].map { bpjs in
            let db = try AppDatabase.inMemory()
            _ = try db.importFile(F.request(city, .pemkot), text: F.text)
            _ = try db.importFile(F.request(F.write(dir, "bpjs-des.csv", F.bpjsHeader + "\n" + bpjs), .bpjs), text: F.text)
            return db
        }
        return (databases[0], databases[1])
    }

    /// Merging a reviewed pair records what an import would have recorded had it matched the
    /// row to the company itself: the same values with their sources, the same conflicts. The
    /// legal form a BPJAMSOSTEK name carries (`CV …`) is one of them, though that list has no
    /// legal form column.
    @Test func aReviewedMergeRecordsTheSourcesAnImportMergeWould() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let npwp = NPWP.make(prefix8: "31415926", tail6: "511000").digits
        let (matched, reviewed) = try importedTwice(
            dir, city: "Garmen Mulya,PT,,\(npwp),Jl. Sultan Agung 3,Pasirkratonkramat,Pekalongan Barat,14111,250,0285-411,Siti",
            matched: "12345678,CV Garmen Mulya,\(npwp),Jl Sultan Agung No 3,Pekalongan Barat,PDS-TK,100,260",
            paired: "12345678,CV Garmen Mulya,,Jl Sultan Agung No 3,Pekalongan Barat,PDS-TK,100,260")
        let pair = try #require(try reviewed.pendingDuplicates(limit: 10).first)
        try reviewed.resolveDuplicate(id: pair.id, decision: .merge, actor: "dewi", today: Fixture.today)

        let a = try #require(try matched.companyDetail(id: 1))
        let b = try #require(try reviewed.companyDetail(id: pair.existing.id))
        let sorted = { (d: CompanyDetail) in
            d.sources.filter { $0.field != "npwp" }.sorted { ($0.field, $0.source.rawValue) < ($1.field, $1.source.rawValue) }
        }
        #expect(sorted(b) == sorted(a))
        #expect(b.company == { var c = a.company; c.id = b.company.id; return c }())
        let legal = try #require(b.conflicts.first { $0.field == .legalForm })
        #expect(legal.values.map(\.source) == [.pemkot, .bpjs] && legal.values.map(\.value) == ["PT", "CV"])
        #expect(b.company.legalForm == .pt)
    }

    /// BPJAMSOSTEK reporting as Patuh a company the city listed, under a name the import could
    /// only pair: merged by a person, its open case gets the compliance event an import that
    /// matched the row itself adds, naming the list, on the day of the review, by the reviewer.
    /// Kept apart, or merged from a row that does not say Patuh, the case is left as it was.
    @Test func aReviewedMergeOfAPatuhRowRecordsItOnTheOpenCase() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let npwp = NPWP.make(prefix8: "27182818", tail6: "511000").digits
        func events(_ db: AppDatabase) throws -> [String] {
            try db.read { try String.fetchAll($0, sql: """
                SELECT co.name || '|' || e.kind || '|' || e.actor || '|' || e.occurred_on || '|' || e.detail
                FROM case_event e JOIN compliance_case c ON c.id = e.case_id JOIN company co ON co.id = c.company_id ORDER BY e.id
                """) }
        }
        // Without the NPWP, three pairs: the Patuh row, one for Toko Sinar that says PDS-TK, and
        // the Patuh row again under another NPP.
        let (matched, reviewed) = try importedTwice(
            dir, city: """
                Garmen Mulya,PT,,\(npwp),Jl. Sultan Agung 3,Pasirkratonkramat,Pekalongan Barat,14111,250,,Siti
                Toko Sinar,UD,,,Jl. Merdeka 9,Kauman,Pekalongan Timur,47111,4,,Ani
                """,
            matched: "12345678,Garmen Mulya,\(npwp),Jl Sultan Agung No 3,Pekalongan Barat,Patuh,250,250",
            paired: """
                12345678,Garmen Mulya,,Jl Sultan Agung No 3,Pekalongan Barat,Patuh,250,250
                23456789,Toko Sinar,,Jl Merdeka No 9,Pekalongan Timur,PDS-TK,2,4
                23456780,Garmen Mulya,,Jl Sultan Agung 3,Pekalongan Barat,Patuh,250,250
                """)
        // Matched by its NPWP, the import records it.
        let imported = try events(matched)
        #expect(imported.count == 1 && imported[0].hasPrefix("Garmen Mulya|note|ari|2026-11-27|"), "\(imported)")
        let pairs = try reviewed.pendingDuplicates(limit: 10)
        try #require(pairs.count == 3)
        let reviewDay = Fixture.today.adding(days: 3)
        try reviewed.resolveDuplicate(id: pairs[2].id, decision: .keepApart, actor: "dewi", today: reviewDay)
        try reviewed.resolveDuplicate(id: pairs[1].id, decision: .merge, actor: "dewi", today: reviewDay)
        #expect(try events(reviewed).isEmpty)
        try reviewed.resolveDuplicate(id: pairs[0].id, decision: .merge, actor: "dewi", today: reviewDay)
        #expect(try events(reviewed) == [imported[0].replacingOccurrences(of: "|ari|2026-11-27|", with: "|dewi|2026-11-30|")])
        #expect(try reviewed.companyDetail(id: pairs[0].existing.id)?.company.status == .patuh)
    }

    @Test func reviewMergesOrKeepsApart() throws {
        let dir = F.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.inMemory()
        _ = try db.importFile(F.request(F.write(dir, "p.csv", """
            \(F.pemkotHeader)
            Batik Sekar Jaya,CV,1234567890123,,Jl. Seruni No. 4,Kauman,Pekalongan Timur,13134,25,,Siti
            Toko Dua,,,,Jl. Dua 2,Medono,Pekalongan Barat,,3,,
            """), .pemkot), text: F.text)
        _ = try db.importFile(F.request(F.write(dir, "b.csv", """
            \(F.bpjsHeader)
            12345678,CV Batik Sekar Jaya,,Jl Seruni 4,Pekalongan Timur,PDS-TK,5,30
            ,Toko Dua,,Jl. Dua No. 2,Pekalongan Barat,PWBD,0,3
            """), .bpjs), text: F.text)
        let pairs = try db.pendingDuplicates(limit: 10)
        #expect(pairs.count == 2)
        let companiesBefore = try db.companyCount()
        try db.resolveDuplicate(id: pairs[0].id, decision: .merge, actor: "dewi", today: Fixture.today, at: 1_000)
        #expect(try db.companyCount() == companiesBefore - 1)
        let merged = try #require(try db.companyDetail(id: pairs[0].existing.id))
        #expect(merged.company.status == .pdsTK && merged.company.npp?.digits == "12345678" && merged.company.nib?.digits == "1234567890123")
        #expect(merged.conflicts.contains { $0.field == .estimatedWorkers })
        #expect(merged.complianceCase?.stage == .identified)
        #expect(try db.companyDetail(id: pairs[0].incoming.id) == nil)
        #expect(try db.companies(CompanyQuery(search: "sekar"), after: nil, limit: 5).rows.count == 1)
        try db.resolveDuplicate(id: pairs[1].id, decision: .keepApart, actor: "dewi", today: Fixture.today, at: 1_001)
        #expect(try db.companyCount() == companiesBefore - 1)
        #expect(try db.pendingDuplicates(limit: 10).isEmpty)
        #expect(throws: DuplicateReviewError.alreadyResolved(id: pairs[1].id, status: .keptApart)) {
            try db.resolveDuplicate(id: pairs[1].id, decision: .merge, actor: "dewi", today: Fixture.today)
        }
        #expect(throws: DuplicateReviewError.unknownPair(id: 999)) { try db.resolveDuplicate(id: 999, decision: .merge, actor: "dewi", today: Fixture.today) }
        let kept = try #require(try db.read { try Row.fetchOne($0, sql: "SELECT status, resolved_by, resolved_at FROM duplicate_pair WHERE id = ?", arguments: [pairs[1].id]) })
        #expect(kept[0] as String == "keptApart" && kept[1] as String == "dewi" && kept[2] as Int64 == 1_001)
        // Kept apart, the same rows imported again are not queued again.
        _ = try db.importFile(F.request(dir + "/b.csv", .bpjs), text: F.text)
        #expect(try db.pendingDuplicates(limit: 10).isEmpty)
    }
}

/// A pair reviewed weeks after the import: officers may have worked both companies' cases by
/// then. Merged, the company has one open case, the one furthest up the ladder; the other is
/// closed as a duplicate, its history kept, each naming the other. A case nobody worked goes.
@Suite struct ReviewMergeCaseTests {
    typealias F = ImportFixture

    /// A branch's database with the city's list of `rows` imported, and the folder for more
    /// lists (the caller removes it).
    func desk(city rows: String) throws -> (db: AppDatabase, dir: String) {
        let desk = try Desk()
        let dir = F.folder()
        _ = try desk.db.importFile(F.request(F.write(dir, "p.csv", F.pemkotHeader + "\n" + rows), .pemkot), text: F.text)
        return (desk.db, dir)
    }

    @Test func theMergedCompanyHasOneOpenCase() throws {
        let (db, dir) = try desk(city: """
            Toko Dua,,,,Jl. Dua 2,Medono,Pekalongan Barat,,3,,
            Toko Tiga,,,,Jl. Tiga 3,Medono,Pekalongan Barat,,3,,
            """)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try db.importFile(F.request(F.write(dir, "b.csv", """
            \(F.bpjsHeader)
            ,Toko Dua,,Jl. Dua No. 2,Pekalongan Barat,PWBD,0,3
            ,Toko Tiga,,Jl. Tiga No. 3,Pekalongan Barat,PWBD,0,3
            """), .bpjs), text: F.text)
        let pairs = try db.pendingDuplicates(limit: 10)
        try #require(pairs.count == 2)
        /// The company's current case; every company here has one.
        struct NoCase: Error { let companyID: Int64 }
        func caseOf(_ companyID: Int64) throws -> Int64 {
            guard let id = try db.caseID(companyID: companyID) else { throw NoCase(companyID: companyID) }
            return id
        }
        let today = Fixture.today
        // Toko Dua: the city's case notified by letter, BPJAMSOSTEK's newer one only assigned.
        let dua = (existing: try caseOf(pairs[0].existing.id), incoming: try caseOf(pairs[0].incoming.id))
        try #require(dua.existing < dua.incoming)
        try db.logLetter(caseID: dua.existing, kind: .notification, by: "ari", today: today)
        try db.assign(caseID: dua.incoming, to: "dewi", by: "dewi", today: today)
        // Toko Tiga: the city's case never worked, BPJAMSOSTEK's notified.
        let tiga = (existing: try caseOf(pairs[1].existing.id), incoming: try caseOf(pairs[1].incoming.id))
        try db.logLetter(caseID: tiga.incoming, kind: .notification, by: "dewi", today: today)

        // The review shows each company's case.
        let shown = try #require(try db.duplicatePair(id: pairs[0].id))
        #expect(shown.existingCase?.id == dua.existing && shown.existingCase?.stage == .notified)
        #expect(shown.incomingCase?.id == dua.incoming && shown.incomingCase?.stage == .identified)

        let review = today.adding(days: 20)
        try db.resolveDuplicate(id: pairs[0].id, decision: .merge, actor: "sri", today: review)
        try db.resolveDuplicate(id: pairs[1].id, decision: .merge, actor: "sri", today: review)

        func events(_ caseID: Int64) throws -> [CaseEvent] { try db.read { try AppDatabase.events($0, caseID: caseID) } }
        func cases(_ companyID: Int64) throws -> [String] {
            try db.read { try String.fetchAll($0, sql: "SELECT id || ':' || stage FROM compliance_case WHERE company_id = ? ORDER BY id",
                                               arguments: [companyID]) }
        }
        // The notified case goes on, though it is the older one; the other is closed, not removed.
        let company = pairs[0].existing.id
        #expect(try cases(company) == ["\(dua.existing):notified", "\(dua.incoming):closed"])
        #expect(try caseOf(company) == dua.existing)
        let detail = try #require(try db.companyDetail(id: company))
        #expect(detail.complianceCase?.id == dua.existing && detail.complianceCase?.stage == .notified)
        let listed = try db.companies(CompanyQuery(search: "toko dua"), after: nil, limit: 5).rows
        #expect(listed.map(\.stage) == [.notified])
        var exported: [ExportRow] = []
        try db.exportRows(.cases, query: CompanyQuery(search: "toko dua")) { exported.append($0) }
        #expect(exported.map { $0.complianceCase?.id } == [dua.existing])
        // Each names the other, recorded by the reviewer on the day of the review.
        let closing = try #require(try events(dua.incoming).last)
        #expect(closing.kind == .stageChange && closing.actor == "sri" && closing.occurredOn == review)
        #expect(closing.detail == EventDetail(fromStage: .identified, toStage: .closed, reason: ClosingReason.duplicate.rawValue,
                                              otherCase: dua.existing))
        #expect(try events(dua.incoming).map(\.kind) == [.assignment, .stageChange])  // the assignment stays
        let note = try #require(try events(dua.existing).last)
        #expect(note.kind == .note && note.detail == EventDetail(otherCase: dua.incoming) && note.actor == "sri")
        #expect(try events(dua.existing).map(\.kind) == [.letter, .stageChange, .note])

        // A note on the closed case (its timeline says its history is there) leaves the
        // company listed with the case that goes on.
        try db.addNote(caseID: dua.incoming, text: "Surat lama ditemukan di arsip", by: "ari", today: review)
        #expect(try db.companies(CompanyQuery(search: "toko dua"), after: nil, limit: 5).rows.map(\.stage) == [.notified])
        #expect(try db.caseID(companyID: company) == dua.existing)
        // Toko Tiga: the case nobody worked is gone, the worked one goes on untouched.
        #expect(try cases(pairs[1].existing.id) == ["\(tiga.incoming):notified"])
        #expect(try events(tiga.incoming).map(\.kind) == [.letter, .stageChange])
        #expect(try db.companies(CompanyQuery(search: "toko tiga"), after: nil, limit: 5).rows.map(\.stage) == [.notified])
    }

    /// BPJAMSOSTEK's company, its case already worked and since reported Patuh, merged into the
    /// city's company whose case nobody worked: its case goes on, the city's idle one goes, and
    /// the review's Patuh note lands on the case that goes on, not on one the merge then drops.
    @Test func aPatuhMergeNotesTheCaseThatGoesOn() throws {
        let (db, dir) = try desk(city: "Toko Dua,,,,Jl. Dua 2,Medono,Pekalongan Barat,,3,,")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try db.importFile(F.request(F.write(dir, "b1.csv", """
            \(F.bpjsHeader)
            34567812,Toko Dua,,Jl. Dua No. 2,Pekalongan Barat,PDS-TK,1,3
            """), .bpjs), text: F.text)
        let pair = try #require(try db.pendingDuplicates(limit: 10).first)
        let city = try #require(try db.caseID(companyID: pair.existing.id))
        let theirs = try #require(try db.caseID(companyID: pair.incoming.id))
        try db.logLetter(caseID: theirs, kind: .notification, by: "dewi", today: Fixture.today)
        // A later list reports it Patuh, matched by its NPP: the import notes it on its case.
        _ = try db.importFile(F.request(F.write(dir, "b2.csv", """
            \(F.bpjsHeader)
            34567812,Toko Dua,,Jl. Dua No. 2,Pekalongan Barat,Patuh,3,3
            """), .bpjs), text: F.text)
        let review = Fixture.today.adding(days: 5)
        try db.resolveDuplicate(id: pair.id, decision: .merge, actor: "sri", today: review)

        let left = try db.read { try String.fetchAll($0, sql: "SELECT id || ':' || stage FROM compliance_case WHERE company_id = ?",
                                                       arguments: [pair.existing.id]) }
        #expect(left == ["\(theirs):notified"])
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM compliance_case WHERE id = ?", arguments: [city]) } == 0)
        let events = try db.read { try AppDatabase.events($0, caseID: theirs) }
        let reviewNote = try #require(events.last)
        #expect(reviewNote.kind == .note && reviewNote.actor == "sri" && reviewNote.occurredOn == review
                && reviewNote.detail.reason == "BPJAMSOSTEK: Patuh", "\(events)")
    }
}
