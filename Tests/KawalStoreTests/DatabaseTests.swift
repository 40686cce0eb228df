import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

@Suite struct DatabaseTests {
    @Test func freshDatabaseHasEveryMigrationAndReopeningIsIdempotent() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let db = try AppDatabase.open(path: path)
        #expect(!db.isReadOnly && db.path == path)
        let applied = try db.read { try Migrations.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(Migrations.known))
        #expect(Migrations.known.first == "v1")
        let id = try db.insertCompany(Fixture.company(name: "Batik Kawung"), sources: [])
        let again = try AppDatabase.open(path: path)
        #expect(try again.companyDetail(id: id)?.company.name == "Batik Kawung")
        #expect(try again.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        let mem = try AppDatabase.inMemory()
        #expect(mem.path == ":memory:")
        #expect(try mem.read { try Migrations.migrator.appliedIdentifiers($0) } == Set(Migrations.known))
    }

    @Test func missingFoldersAreCreated() throws {
        let base = Fixture.tempPath("a")
        defer { try? FileManager.default.removeItem(atPath: (base as NSString).deletingLastPathComponent) }
        let path = base + "/b/c/kawal.sqlite"
        _ = try AppDatabase.open(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aFolderThatCannotBeCreatedIsCannotCreate() throws {
        let file = Fixture.tempPath("plain-file")
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect {
            _ = try AppDatabase.open(path: file + "/sub/kawal.sqlite")
        } throws: { e in
            if case .cannotCreate = e as? StoreError { return true }
            return false
        }
    }

    @Test func garbageIsNotADatabase() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { _ = try AppDatabase.open(path: path) }
        // Garbage after a valid-looking header is still refused, by SQLite itself.
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += [UInt8](repeating: 0xAB, count: 4096)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { _ = try AppDatabase.open(path: path) }
        #expect(throws: StoreError.self) { _ = try AppDatabase.open(path: (path as NSString).deletingLastPathComponent) }
    }

    @Test func aMigrationFromANewerKawalIsNewerSchema() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let db = try AppDatabase.open(path: path)
        try db.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-from-the-future')") }
        #expect(throws: StoreError.newerSchema(path: path, migration: "v99-from-the-future")) {
            _ = try AppDatabase.open(path: path)
        }
    }

    @Test func readOnlyOpenReadsButRefusesWrites() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let id = try AppDatabase.open(path: path).insertCompany(Fixture.company(name: "Ikan Asap Bu Sri"), sources: [])
        let ro = try AppDatabase.open(path: path, readOnly: true)
        #expect(ro.isReadOnly)
        #expect(try ro.companyDetail(id: id)?.company.name == "Ikan Asap Bu Sri")
        #expect(try ro.companies(CompanyQuery(search: "asap"), after: nil, limit: 5).rows.map(\.id) == [id])
        #expect(throws: StoreWriteError.readOnly(path: path)) { _ = try ro.insertCompany(Fixture.company(name: "X"), sources: []) }
        #expect(throws: StoreWriteError.readOnly(path: path)) {
            try ro.writeDemo(DemoOptions(companies: 1, today: Fixture.today), progress: nil)
        }
    }

    @Test func readOnlyDatabaseThatNeedsMigrationCannotOpen() throws {
        let path = Fixture.tempPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // An SQLite file with no table yet: a Kawal database to be, once it can be written.
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "PRAGMA user_version = 1") }
        try q.close()
        #expect(throws: StoreError.cannotOpen(path: path, reason: .needsUpgradeButReadOnly)) {
            _ = try AppDatabase.open(path: path, readOnly: true)
        }
        #expect(throws: StoreError.cannotOpen(path: path + ".missing", reason: .doesNotExist)) {
            _ = try AppDatabase.open(path: path + ".missing", readOnly: true)
        }
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws {
        let path = Fixture.tempPath()
        let dir = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE other(x); INSERT INTO other VALUES (1)") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for readOnly in [false, true] {
            #expect(throws: StoreError.notKawalDatabase(path: path, empty: false)) {
                _ = try AppDatabase.open(path: path, readOnly: readOnly)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [(path as NSString).lastPathComponent])

        // An empty file becomes a Kawal database, unless the command only reads.
        let empty = dir + "/kosong.sqlite"
        _ = FileManager.default.createFile(atPath: empty, contents: nil)
        #expect(throws: StoreError.notKawalDatabase(path: empty, empty: true)) { _ = try AppDatabase.open(path: empty, adopting: false) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        let adopted = try AppDatabase.open(path: empty)
        #expect(try adopted.companyCount() == 0)
        // A Kawal database is read either way.
        #expect(try AppDatabase.open(path: empty, adopting: false).companyCount() == 0)
    }

    @Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
    func aFileWithoutWritePermissionOpensReadOnly() throws {
        let path = Fixture.tempPath()
        let dir = (path as NSString).deletingLastPathComponent
        defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
        let db = try AppDatabase.open(path: path)
        _ = try db.insertCompany(Fixture.company(name: "Batik Liong"), sources: [])
        try db.writer.close()
        chmod(path, 0o444)
        let ro = try AppDatabase.open(path: path)
        #expect(ro.isReadOnly)
        #expect(try ro.companyCount() == 1)
        chmod(path, 0o644)
        chmod(dir, 0o555)
        let roFolder = try AppDatabase.open(path: path)
        #expect(roFolder.isReadOnly)
        #expect(try roFolder.companyCount() == 1)
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(AppDatabase.defaultPath(environment: ["KAWAL_DB": "/x/k.db", "HOME": "/h"]) == "/x/k.db")
        #expect(AppDatabase.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/kawal/kawal.sqlite")
        #expect(AppDatabase.defaultPath(environment: ["KAWAL_DB": "", "HOME": "/h"]) == "/h/.local/share/kawal/kawal.sqlite")
    }

    @Test func caseHistoryIsAppendOnly() throws {
        let db = try AppDatabase.inMemory()
        let company = try db.insertCompany(Fixture.company(name: "Batik Encim"), sources: [])
        let caseID = try db.openCase(companyID: company, stage: .identified, openedOn: Fixture.today, nextDeadline: nil, assignee: "ari")
        _ = try db.appendEvent(caseID: caseID, occurredOn: Fixture.today, recordedAt: 1, actor: "ari", kind: .note, detail: EventDetail(text: "x"))
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE case_event SET actor = 'mallory'") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM case_event") } }
        #expect(try db.companyDetail(id: company)?.events.map(\.actor) == ["ari"])
        #expect(throws: StoreWriteError.unknownCase(id: 999)) {
            _ = try db.appendEvent(caseID: 999, occurredOn: Fixture.today, recordedAt: 1, actor: "ari", kind: .note, detail: EventDetail())
        }
    }

    func firstRow(_ db: AppDatabase) throws -> CompanyRow {
        let rows = try db.companies(CompanyQuery(), after: nil, limit: 1).rows
        return try #require(rows.first)
    }

    @Test func theCompanyRowFollowsItsCase() throws {
        let db = try AppDatabase.inMemory()
        let npwp = NPWP.make(prefix8: "01234567", tail6: "511000")
        let sources = [SourcedValue(field: "npwp", source: .pemkot, value: npwp.digits), SourcedValue(field: "npwp", source: .bpjs, value: npwp.digits)]
        let company = try db.insertCompany(Fixture.company(name: "Batik Parang", npwp: npwp, estimated: 12, registered: 4, status: .pdsTK), sources: sources)
        #expect(try firstRow(db).stage == nil)
        let due = Fixture.today.adding(days: 14)
        let caseID = try db.openCase(companyID: company, stage: .notified, openedOn: Fixture.today, nextDeadline: due, assignee: "ari")
        #expect(try firstRow(db).stage == .notified && firstRow(db).nextDeadline == due)
        let detail = EventDetail(letterKind: .warning1, letterNumber: "B/1234/KC-PKL/012022", deadline: due.adding(days: 1),
                                 fromStage: .notified, toStage: .warning1, text: "line1\n\"quoted\" \\ é")
        _ = try db.appendEvent(caseID: caseID, occurredOn: Fixture.today.adding(days: 1), recordedAt: 100, actor: "ari", kind: .letter,
                               detail: detail, change: CaseChange(stage: .warning1, nextDeadline: .some(due.adding(days: 1))))
        _ = try db.appendEvent(caseID: caseID, occurredOn: Fixture.today, recordedAt: 200, actor: "dewi", kind: .note, detail: EventDetail(text: "n"))
        #expect(try firstRow(db).stage == .warning1 && firstRow(db).nextDeadline == due.adding(days: 1))
        try db.updateCase(id: caseID, nextDeadline: .some(nil))
        #expect(try firstRow(db).nextDeadline == nil && firstRow(db).stage == .warning1)
        let d = try #require(try db.companyDetail(id: company))
        #expect(d.company.npwp == npwp && d.company.unprotectedWorkers == 8 && d.company.status == .pdsTK)
        #expect(d.sources(of: "npwp") == [.pemkot, .bpjs])
        #expect(d.complianceCase?.stage == .warning1 && d.complianceCase?.assignee == "ari")
        #expect(d.events.map(\.actor) == ["ari", "dewi"])  // newest first by day
        #expect(d.events.first?.detail == detail)
        #expect(try db.companyDetail(id: 4242) == nil)
    }

    /// The SQL that finds a company's current case knows which stages end a case.
    @Test func theEndedStagesInSQLAreTheDomains() {
        #expect(SchemaV1.endedStages == "(" + Stage.allCases.filter(\.isEnd).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")")
    }

    @Test func eventJSONIsWhatCodableReads() throws {
        let details = [
            EventDetail(),
            EventDetail(letterKind: .referral, letterNumber: "B/1/KC-PKL/012022", delivery: "Pos", deadline: Fixture.today,
                        visitKind: .pemeriksaan, outcome: .refused, officers: ["a", "b\"c"], personMet: "Ñoman", personRole: "Pemilik",
                        workersCounted: 12, findings: "tab\there\u{1}", bapNumber: "BAP/123/PKL/2022", promiseUntil: Fixture.today,
                        fromStage: .examined, toStage: .referred, reason: "r", text: "\\", assignee: "x", corrects: 42,
                        otherCase: 7),
            EventDetail(findings: "Batik 🌺 Sekar\u{1F}\r\n\u{1B}[31m", text: "\"quoted\" \\ é"),
        ]
        for d in details {
            #expect(try EventJSON.decode(EventJSON.encode(d)) == d)
        }
    }
}
