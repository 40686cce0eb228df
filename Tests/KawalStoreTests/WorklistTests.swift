import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

@Suite("Worklist")
struct WorklistTests {
    let today = Fixture.today

    func day(_ offset: Int) -> Day { today.adding(days: offset) }

    /// A database with an admin, two officers and a supervisor.
    func database() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.registerFirstAdmin(login: "admin")
        try db.addOfficer(Officer(login: "ari", name: "Ari Wibowo", role: .petugas), by: "admin")
        try db.addOfficer(Officer(login: "dewi", name: "Dewi Lestari", role: .petugas), by: "admin")
        try db.addOfficer(Officer(login: "budi", name: "Budi Santoso", role: .supervisor), by: "admin")
        return db
    }

    /// Opens a case on a new company; returns (company id, case id).
    @discardableResult
    func open(_ db: AppDatabase, _ name: String, stage: Stage, deadline: Day? = nil, assignee: String = "ari") throws -> (Int64, Int64) {
        let company = try db.insertCompany(Fixture.company(name: name), sources: [])
        let kase = try db.openCase(companyID: company, stage: stage, openedOn: day(-90), nextDeadline: deadline, assignee: assignee)
        return (company, kase)
    }

    /// Sets a derived case column as the store's writes would.
    func set(_ db: AppDatabase, _ caseID: Int64, _ column: String, _ value: String?) throws {
        try db.write { d in try d.execute(sql: "UPDATE compliance_case SET \(column) = ? WHERE id = ?", arguments: [value, caseID]) }
    }

    @Test func deadlinesDueAreBoundedByDateScopeAndLimit() throws {
        let db = try database()
        try open(db, "Late", stage: .warning1, deadline: day(-3))
        try open(db, "Today", stage: .notified, deadline: today)
        try open(db, "Tomorrow", stage: .warning1, deadline: day(1))
        try open(db, "Ancient", stage: .warning1, deadline: day(-400))
        try open(db, "Ended", stage: .compliant, deadline: day(-1))
        try open(db, "Dewi's", stage: .warning2, deadline: day(-2), assignee: "dewi")
        let mine = try db.todayList(TodayQuery(scope: .mine, officer: "ari", today: today))
        #expect(mine.rows(.deadlines).map(\.companyName) == ["CV Late", "CV Today"])
        #expect(mine.rows(.deadlines).first?.reason == .deadline(day(-3)))
        let all = try db.todayList(TodayQuery(scope: .all, officer: "ari", today: today))
        #expect(all.rows(.deadlines).map(\.companyName) == ["CV Late", "CV Dewi's", "CV Today"])
        #expect(all.rows(.deadlines).map(\.assigneeName) == ["Ari Wibowo", "Dewi Lestari", "Ari Wibowo"])
        let limited = try db.todayList(TodayQuery(scope: .all, officer: "ari", today: today, limit: 2))
        #expect(limited.rows(.deadlines).count == 2)
        #expect(limited.truncated.contains(.deadlines))
        #expect(!all.truncated.contains(.deadlines))
    }

    @Test func openPromisesInTheWindowFallDueAndKeptOnesDoNot() throws {
        let db = try database()
        let (_, soon) = try open(db, "Soon", stage: .visited)
        try db.logPromise(caseID: soon, until: day(3), on: day(-10), by: "ari", today: today)
        let (_, kept) = try open(db, "Kept", stage: .visited)
        try db.logPromise(caseID: kept, until: day(2), on: day(-10), by: "ari", today: today)
        try db.resolvePromise(caseID: kept, kept: true, by: "ari", today: today)
        let (_, far) = try open(db, "Far", stage: .visited)
        try db.logPromise(caseID: far, until: day(30), on: day(-10), by: "ari", today: today)
        let (_, overdue) = try open(db, "Overdue", stage: .warning1)
        try set(db, overdue, "promise_until", day(-2).iso)
        let w = try db.todayList(TodayQuery(scope: .mine, officer: "ari", today: today))
        #expect(w.rows(.promises).map(\.companyName) == ["CV Overdue", "CV Soon"])
        #expect(w.rows(.promises).map(\.reason) == [.promise(day(-2)), .promise(day(3))])
        // A promise's day is not listed again as a deadline.
        #expect(!w.rows(.deadlines).contains { $0.companyName == "CV Soon" })
    }

    @Test func escalationCandidatesAreCasesWhoseRungOpenedAndThePolicyDecides() throws {
        let db = try database()
        let (_, due) = try open(db, "Due", stage: .warning1)
        try set(db, due, "escalation_opens", day(-1).iso)
        let (_, blocked) = try open(db, "Blocked", stage: .warning2)
        try set(db, blocked, "escalation_opens", day(-5).iso)
        let (_, later) = try open(db, "Later", stage: .warning1)
        try set(db, later, "escalation_opens", day(4).iso)
        let (_, other) = try open(db, "Other", stage: .warning1, assignee: "dewi")
        try set(db, other, "escalation_opens", day(-1).iso)
        var asked: [String] = []
        let w = try db.todayList(TodayQuery(scope: .mine, officer: "ari", today: today)) { c in
            asked.append(c.companyName)
            #expect(c.state.stage == c.stage)
            return c.stage == .warning1 ? .warning2 : nil
        }
        #expect(asked == ["CV Blocked", "CV Due"])
        #expect(w.rows(.escalations).map(\.companyName) == ["CV Due"])
        #expect(w.rows(.escalations).first?.reason == .mayEscalate(to: .warning2))
    }

    @Test func approvalsWaitAndNeverListTheOfficersOwnRequest() throws {
        let db = try database()
        let (_, a) = try open(db, "Waiting", stage: .sanctionRecommended)
        try db.appendEvent(caseID: a, occurredOn: day(-2), recordedAt: 0, actor: "ari", kind: .approvalRequest, detail: EventDetail(reason: "x"))
        try set(db, a, "referral_requested_by", "ari")
        let (_, own) = try open(db, "Own", stage: .sanctionRecommended, assignee: "budi")
        try set(db, own, "referral_requested_by", "budi")
        try open(db, "Nothing", stage: .sanctionRecommended)
        let w = try db.todayList(TodayQuery(scope: .mine, officer: "budi", today: today))
        #expect(w.rows(.approvals).map(\.companyName) == ["CV Waiting"])
        #expect(w.rows(.approvals).first?.reason == .approval(requestedBy: "ari", on: day(-2)))
    }

    @Test func stageCountsFollowTheScope() throws {
        let db = try database()
        try open(db, "A", stage: .warning1)
        try open(db, "B", stage: .warning1)
        try open(db, "C", stage: .compliant)
        try open(db, "D", stage: .warning1, assignee: "dewi")
        #expect(try db.todayList(TodayQuery(scope: .mine, officer: "ari", today: today)).stageCounts == [.warning1: 2, .compliant: 1])
        #expect(try db.todayList(TodayQuery(scope: .all, officer: "ari", today: today)).stageCounts == [.warning1: 3, .compliant: 1])
        #expect(try db.busiestAssignee() == "ari")
    }
}
