import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

@Suite struct DemoTests {
    static let options = DemoOptions(companies: 3_000, seed: 42, today: Fixture.today)

    func everything(_ db: AppDatabase) throws -> [[String]] {
        try db.read { d in
            var out: [[String]] = []
            for table in ["company", "field_source", "compliance_case", "case_event"] {
                out.append(try Row.fetchAll(d, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3").map { "\($0)" })
            }
            return out
        }
    }

    @Test func sameSeedSameDataOtherSeedOtherData() throws {
        let a = try AppDatabase.inMemory(), b = try AppDatabase.inMemory(), c = try AppDatabase.inMemory()
        try a.writeDemo(Self.options, progress: nil)
        try b.writeDemo(Self.options, progress: nil)
        var other = Self.options
        other.seed = 43
        try c.writeDemo(other, progress: nil)
        let ea = try everything(a)
        #expect(ea == (try everything(b)))
        #expect(ea != (try everything(c)))
        #expect(try a.companyCount() == Self.options.companies)
    }

    @Test func demoIsPlausible() throws {
        let db = try AppDatabase.inMemory()
        let calls = Counter()
        try db.writeDemo(Self.options, progress: { calls.add($0) })
        #expect(calls.count <= 120 && calls.last == 1)
        for s in ComplianceStatus.allCases { #expect(try db.companyCount(CompanyQuery(statuses: [s])) > 0, "\(s)") }
        for s in Stage.allCases { #expect(try db.companyCount(CompanyQuery(stages: [s])) > 0, "\(s)") }
        for k in Kecamatan.pekalongan { #expect(try db.companyCount(CompanyQuery(kecamatan: [k.name])) > 0) }
        let batik = try db.companyCount(CompanyQuery(sectors: ["13134"]))
        #expect(batik > Self.options.companies * 35 / 100 && batik < Self.options.companies * 55 / 100)
        #expect(try db.companyCount(CompanyQuery(search: "batik")) >= batik / 2)
        try db.read { d in
            let today = Fixture.today.iso
            #expect(try String.fetchOne(d, sql: "SELECT max(occurred_on) FROM case_event")! < today)
            #expect(try String.fetchOne(d, sql: "SELECT max(opened_on) FROM compliance_case")! < today)
            // Some deadlines overdue, some upcoming.
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE next_deadline < ?", arguments: [today])! > 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE next_deadline >= ?", arguments: [today])! > 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE status = 'PWBD' AND (registered_workers > 0 OR npp IS NOT NULL)") == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE status = 'Patuh' AND registered_workers != estimated_workers") == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE unprotected_workers != max(0, estimated_workers - registered_workers)") == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company c JOIN compliance_case k ON k.company_id = c.id WHERE c.stage IS NOT k.stage OR c.next_deadline IS NOT k.next_deadline") == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE length(name) >= 60")! > 0)
            for npwp in try String.fetchAll(d, sql: "SELECT npwp FROM company WHERE npwp IS NOT NULL") {
                #expect(throws: Never.self) { _ = try NPWP(npwp) }
            }
            // Every company already carries the import's possible-duplicate key.
            for row in try Row.fetchAll(d, sql: "SELECT name, name_match FROM company WHERE id % 5 = 0") {
                #expect(row[1] as String? == CompanyName.matchKey(row[0]))
            }
            for text in try String.fetchAll(d, sql: "SELECT detail FROM case_event WHERE id % 7 = 0") {
                #expect(throws: Never.self) { _ = try EventJSON.decode(text) }
            }
            let kinds = try Set(String.fetchAll(d, sql: "SELECT DISTINCT kind FROM case_event"))
            for k in ["letter", "visit", "promise", "promiseLapsed", "note", "stageChange"] { #expect(kinds.contains(k), "\(k)") }
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM case_event WHERE detail LIKE '%BAP/%/PKL/%'")! > 0)
        }
        // A referred case went up the ladder in order.
        let referred = try #require(try db.companies(CompanyQuery(stages: [.referred]), after: nil, limit: 1).rows.first)
        let detail = try #require(try db.companyDetail(id: referred.id))
        let reached = detail.stageReached
        let days = Stage.ladder.map { reached[$0] }
        #expect(days.allSatisfy { $0 != nil })
        #expect(days.compactMap { $0 } == days.compactMap { $0 }.sorted())
        #expect(detail.events.contains { $0.detail.letterKind == .referral })
        #expect(try db.companies(CompanyQuery(search: "lestari"), after: nil, limit: 50).rows.contains { $0.name.contains("é") })
    }

    @Test func everyIdentifierHasASource() throws {
        let db = try AppDatabase.inMemory()
        try db.writeDemo(Self.options, progress: nil)
        try db.read { (d: Database) throws in
            for field in ["npwp", "nib", "npp"] {
                // Every identifier present has at least one source, and every source row gives
                // the company's value of a present identifier.
                #expect(try Int.fetchOne(d, sql: """
                    SELECT count(*) FROM company c WHERE c.\(field) IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM field_source s WHERE s.company_id = c.id AND s.field = ?)
                    """, arguments: [field]) == 0, "\(field)")
                #expect(try Int.fetchOne(d, sql: """
                    SELECT count(*) FROM field_source s JOIN company c ON c.id = s.company_id
                    WHERE s.field = ? AND s.value IS NOT c.\(field)
                    """, arguments: [field]) == 0, "\(field)")
                #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM company WHERE \(field) IS NOT NULL")! > 0)
            }
            let sources = try Set(String.fetchAll(d, sql: "SELECT DISTINCT field || ':' || source FROM field_source"))
            #expect(sources == ["npwp:pemkot", "npwp:bpjs", "nib:pemkot", "npp:bpjs"])
            // Some NPWPs are known to both lists.
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM (SELECT company_id FROM field_source WHERE field = 'npwp' GROUP BY company_id HAVING count(*) = 2)")! > 0)
        }
    }

    @Test func caseHistoriesMatchTheirStage() throws {
        let db = try AppDatabase.inMemory()
        try db.writeDemo(Self.options, progress: nil)
        try db.read { (d: Database) throws in
            // An identified case has at most an opening note; every other case's last stage change
            // leads to its stage.
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM compliance_case k WHERE k.stage = 'identified'
                AND (SELECT count(*) FROM case_event e WHERE e.case_id = k.id AND e.kind != 'note') > 0
                """) == 0)
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM compliance_case k WHERE k.stage != 'identified'
                AND k.stage IS NOT (SELECT json_extract(e.detail, '$.toStage') FROM case_event e
                    WHERE e.case_id = k.id AND e.kind = 'stageChange' ORDER BY e.id DESC LIMIT 1)
                """) == 0)
            // A case at a warning stage or beyond has the letters that brought it there.
            for (stage, letters) in [("warning1", ["warning1"]), ("warning2", ["warning1", "warning2"]),
                                     ("referred", ["notification", "warning1", "warning2", "sanctionRecommendation", "referral"])] {
                for letter in letters {
                    #expect(try Int.fetchOne(d, sql: """
                        SELECT count(*) FROM compliance_case k WHERE k.stage = ? AND NOT EXISTS (
                            SELECT 1 FROM case_event e WHERE e.case_id = k.id AND e.kind = 'letter'
                            AND json_extract(e.detail, '$.letterKind') = ?)
                        """, arguments: [stage, letter]) == 0, "\(stage) \(letter)")
                }
            }
            // Events of a case are in day order, and none is on or after today.
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM case_event a JOIN case_event b ON b.case_id = a.case_id AND b.id > a.id
                WHERE b.occurred_on < a.occurred_on
                """) == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM case_event WHERE occurred_on >= ?", arguments: [Fixture.today.iso]) == 0)
        }
    }

    @Test func aDemoFileHasAWholeSearchIndexAndIsBackInWAL() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let db = try AppDatabase.open(path: path)
        try db.writeDemo(DemoOptions(companies: 2_000, seed: 5, today: Fixture.today), progress: nil)
        #expect(!FileManager.default.fileExists(atPath: path + "-fts-build"))
        try db.writer.writeWithoutTransaction { d in
            #expect(try String.fetchOne(d, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Bool.fetchOne(d, sql: "PRAGMA foreign_keys") == true)
            // FTS5 checks its index against the company rows (throws on a mismatch).
            try d.execute(sql: "INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")
        }
        // The same connection keeps the index whole when it writes after the load.
        let id = try db.insertCompany(Fixture.company(name: "Qwerty Unik"), sources: [])
        #expect(try db.companies(CompanyQuery(search: "qwerty"), after: nil, limit: 5).rows.map(\.id) == [id])
        try db.writer.writeWithoutTransaction { d in
            try d.execute(sql: "INSERT INTO company_fts(company_fts, rank) VALUES ('integrity-check', 1)")
        }
        let batik = try db.companyCount(CompanyQuery(sectors: ["13134"]))
        #expect(try db.companyCount(CompanyQuery(search: "batik")) >= batik / 2)
        try checkSchemaIsWhole(db)
    }

    @Test func demoRefusesADatabaseWithCompanies() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.insertCompany(Fixture.company(name: "Batik Nyata"), sources: [])
        #expect(throws: StoreWriteError.demoNeedsEmptyDatabase(companies: 1)) {
            try db.writeDemo(DemoOptions(companies: 10, today: Fixture.today), progress: nil)
        }
        #expect(try db.companyCount() == 1)
    }

    @Test func aFailedDemoLeavesAnEmptyWorkingDatabase() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let db = try AppDatabase.open(path: path)
        #expect(throws: DatabaseError.self) {
            try db.writeDemo(DemoOptions(companies: 500, today: Fixture.today), progress: nil, failAfter: 300, commitEvery: 100)
        }
        #expect(try db.companyCount() == 0)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM case_event") } == 0)
        try db.writeDemo(DemoOptions(companies: 50, today: Fixture.today), progress: nil)
        #expect(try db.companyCount() == 50)
        try checkSchemaIsWhole(db)
    }

    func checkSchemaIsWhole(_ db: AppDatabase) throws {
        let names = try db.read { try Set(String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")) }
        for n in SchemaV1.companyIndexNames + SchemaV1.ftsTriggerNames + SchemaV1.caseCacheTriggerNames + ["case_event_no_update", "case_event_no_delete"] {
            #expect(names.contains(n), "\(n)")
        }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM case_event") } }
    }

    @Test func demoLeavesTriggersAndIndexesInPlace() throws {
        let db = try AppDatabase.inMemory()
        try db.writeDemo(DemoOptions(companies: 200, today: Fixture.today), progress: nil)
        let id = try db.insertCompany(Fixture.company(name: "Qwerty Unik"), sources: [])
        #expect(try db.companies(CompanyQuery(search: "qwerty"), after: nil, limit: 5).rows.map(\.id) == [id])
        _ = try db.openCase(companyID: id, stage: .visited, openedOn: Fixture.today, nextDeadline: nil, assignee: nil)
        #expect(try db.companyDetail(id: id)?.complianceCase?.stage == .visited)
        #expect(try db.companies(CompanyQuery(stages: [.visited], search: "qwerty"), after: nil, limit: 5).rows.map(\.id) == [id])
        try checkSchemaIsWhole(db)
    }
}

/// Collects progress calls from a @Sendable closure.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []
    func add(_ v: Double) { lock.lock(); values.append(v); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return values.count }
    var last: Double? { lock.lock(); defer { lock.unlock() }; return values.last }
    var all: [Double] { lock.lock(); defer { lock.unlock() }; return values }
}
