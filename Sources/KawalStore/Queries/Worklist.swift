import GRDB
import KawalDomain

// Today's worklist: deadlines due, promises falling due, cases now allowed to escalate,
// approvals waiting, and the cases per stage.
//
// Every section is bounded twice: by a date window on an indexed column (a deadline or a
// promise in the last `lookbackDays`, a promise up to `promiseHorizonDays` ahead) and by
// `limit`. It reads the case columns the store keeps on every write (next_deadline,
// promise_until, escalation_opens, referral_requested_by) through the indexes of migration
// "casework", and company_by_deadline for the branch's deadlines; so the cost follows the
// day's work, not the size of the branch. Only the per-stage counts read every case of the
// scope, from a covering index.

/// A case that may be ready to move up, with its history: the policy decides (see
/// `AppDatabase.todayList`).
public struct EscalationCandidate: Hashable, Sendable {
    public var companyID: Int64
    public var caseID: Int64
    public var companyName: String
    public var stage: Stage
    public var assignee: String?
    /// The case as its history makes it.
    public var state: CaseState
    /// The branch's rules (settings and holidays).
    public var policy: EscalationPolicy
}

extension AppDatabase {
    /// The worklist for `query`. `mayEscalate` is asked, for each case whose next rung has
    /// opened within the window (bounded by the query's limit), which stage it may now move
    /// up to; nil keeps it off the list. The store never decides that itself.
    /// `counting: false` leaves the per-stage counts out (read them with `stageCounts`), so
    /// the sections can show before the counts, which read every case of the scope.
    public func todayList(_ query: TodayQuery, counting: Bool = true,
                          mayEscalate: (EscalationCandidate) -> Stage? = { _ in nil }) throws -> TodayList {
        try read { db in
            var w = TodayList()
            func section(_ s: TodaySection, _ rows: ([TodayEntry], Bool)) {
                w.entries[s] = rows.0
                if rows.1 { w.truncated.insert(s) }
            }
            section(.deadlines, try Self.deadlines(db, query))
            section(.promises, try Self.promises(db, query))
            let (candidates, moreCandidates) = try Self.escalationCandidates(db, query)
            let policy = try Self.policy(db)
            var escalations: [TodayEntry] = []
            for (e, _) in candidates {
                let candidate = EscalationCandidate(
                    companyID: e.companyID, caseID: e.caseID, companyName: e.companyName, stage: e.stage, assignee: e.assignee,
                    state: try Self.loadState(db, caseID: e.caseID).1, policy: policy)
                if let to = mayEscalate(candidate) {
                    var entry = e
                    entry.reason = .mayEscalate(to: to)
                    escalations.append(entry)
                }
            }
            section(.escalations, (escalations, moreCandidates))
            section(.approvals, try Self.approvals(db, query))
            if counting { w.stageCounts = try Self.stageCounts(db, query) }
            return w
        }
    }

    /// Cases per stage in the query's scope.
    public func stageCounts(_ query: TodayQuery) throws -> [Stage: Int] {
        try read { db in try Self.stageCounts(db, query) }
    }

    /// The ladder's stages as SQL text literals (a closed list, never user text).
    static let openStagesSQL = Stage.ladder.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// The columns every section reads, from case `c`, company `co` and officer `o`.
    private static let entryColumns = """
        c.id AS case_id, c.company_id, c.stage, c.assignee, c.opened_on, co.name, co.legal_form, o.name AS assignee_name
        """

    private static func entry(_ r: Row, reason: TodayReason) -> TodayEntry {
        let form = LegalForm(rawValue: r["legal_form"]) ?? .perorangan
        let name: String = r["name"]
        return TodayEntry(
            companyID: r["company_id"], caseID: r["case_id"],
            companyName: form.displayName(name),
            stage: Stage(rawValue: r["stage"]) ?? .identified, assignee: r["assignee"], assigneeName: r["assignee_name"],
            reason: reason)
    }

    /// Runs a section's query (which selects `entryColumns` and a day as `due`, and ends with
    /// `LIMIT ?`), one row more than the limit to know whether more were left out.
    private static func fetch(_ db: Database, _ q: TodayQuery, _ sql: String, _ args: [(any DatabaseValueConvertible)?],
                              reason: (Day) -> TodayReason) throws -> ([(TodayEntry, Day)], Bool) {
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args + [q.limit + 1]))
        let entries = rows.prefix(q.limit).compactMap { r -> (TodayEntry, Day)? in
            guard let d = (r["due"] as String?).flatMap(Day.init(parsing:)) else { return nil }
            return (entry(r, reason: reason(d)), (r["opened_on"] as String?).flatMap(Day.init(parsing:)) ?? q.today)
        }
        return (entries, rows.count > q.limit)
    }

    /// Deadlines in the window, earliest first; a deadline that is an open promise's day is
    /// listed with the promises instead.
    static func deadlines(_ db: Database, _ q: TodayQuery) throws -> ([TodayEntry], Bool) {
        let from = q.today.adding(days: -q.lookbackDays).iso
        let notPromise = "(c.promise_until IS NULL OR c.promise_until <> c.next_deadline)"
        let result: ([(TodayEntry, Day)], Bool)
        if q.scope == .mine {
            result = try fetch(db, q, """
                SELECT \(entryColumns), c.next_deadline AS due
                FROM compliance_case c INDEXED BY compliance_case_assignee_deadline
                JOIN company co ON co.id = c.company_id LEFT JOIN officer o ON o.login = c.assignee
                WHERE c.assignee = ? AND c.next_deadline BETWEEN ? AND ? AND c.stage IN (\(openStagesSQL)) AND \(notPromise)
                ORDER BY c.next_deadline, c.id LIMIT ?
                """, [q.officer, from, q.today.iso], reason: TodayReason.deadline)
        } else {
            // The company row mirrors its case's deadline and stage, and is indexed by deadline.
            result = try fetch(db, q, """
                SELECT \(entryColumns), co.next_deadline AS due
                FROM company co INDEXED BY company_by_deadline
                JOIN compliance_case c ON c.company_id = co.id AND c.next_deadline = co.next_deadline
                LEFT JOIN officer o ON o.login = c.assignee
                WHERE co.next_deadline BETWEEN ? AND ? AND co.stage IN (\(openStagesSQL)) AND \(notPromise)
                ORDER BY co.next_deadline, co.name_key, co.id LIMIT ?
                """, [from, q.today.iso], reason: TodayReason.deadline)
        }
        return (result.0.map(\.0), result.1)
    }

    /// Open promises due in the window (kept or lapsed ones are cleared by the store).
    static func promises(_ db: Database, _ q: TodayQuery) throws -> ([TodayEntry], Bool) {
        let result = try caseDayWindow(
            db, q, column: "promise_until", mineIndex: "compliance_case_assignee_promise", allIndex: "compliance_case_promise",
            through: q.today.adding(days: q.promiseHorizonDays), reason: TodayReason.promise)
        return (result.0.map(\.0), result.1)
    }

    /// Cases whose next rung opened in the window, longest waiting first, with the day they opened.
    static func escalationCandidates(_ db: Database, _ q: TodayQuery) throws -> ([(TodayEntry, Day)], Bool) {
        try caseDayWindow(
            db, q, column: "escalation_opens", mineIndex: "compliance_case_assignee_opens", allIndex: "compliance_case_opens",
            through: q.today, reason: { _ in .mayEscalate(to: .identified) })
    }

    /// Open cases whose day `column` falls between the look-back and `through`, earliest first,
    /// read through that column's partial index: `mineIndex` (assignee, column) for one officer's
    /// cases, `allIndex` (column) for the whole branch.
    private static func caseDayWindow(
        _ db: Database, _ q: TodayQuery, column: String, mineIndex: String, allIndex: String, through: Day,
        reason: (Day) -> TodayReason
    ) throws -> ([(TodayEntry, Day)], Bool) {
        let mine = q.scope == .mine
        return try fetch(db, q, """
            SELECT \(entryColumns), c.\(column) AS due
            FROM compliance_case c INDEXED BY \(mine ? mineIndex : allIndex)
            JOIN company co ON co.id = c.company_id LEFT JOIN officer o ON o.login = c.assignee
            WHERE \(mine ? "c.assignee = ? AND" : "") c.\(column) IS NOT NULL AND c.\(column) BETWEEN ? AND ?
              AND c.stage IN (\(openStagesSQL))
            ORDER BY c.\(column), c.id LIMIT ?
            """, (mine ? [q.officer] : []) + [q.today.adding(days: -q.lookbackDays).iso, through.iso], reason: reason)
    }

    /// Referral requests waiting for a supervisor, oldest first. A supervisor cannot approve
    /// their own request, so their own are not listed for them.
    static func approvals(_ db: Database, _ q: TodayQuery) throws -> ([TodayEntry], Bool) {
        // The page of waiting cases first, from the narrow index; the rest only for those rows.
        let rows = try Row.fetchAll(db, sql: """
            WITH waiting AS (
                SELECT id FROM compliance_case INDEXED BY compliance_case_referral
                WHERE referral_requested_by IS NOT NULL AND referral_requested_by <> ? ORDER BY id LIMIT ?)
            SELECT \(entryColumns), c.referral_requested_by AS requested_by,
                (SELECT max(e.occurred_on) FROM case_event e WHERE e.case_id = c.id AND e.kind = 'approvalRequest') AS requested_on
            FROM waiting w JOIN compliance_case c ON c.id = w.id
            JOIN company co ON co.id = c.company_id LEFT JOIN officer o ON o.login = c.assignee
            ORDER BY c.id
            """, arguments: [q.officer, q.limit + 1])
        let entries = rows.prefix(q.limit).map { r in
            entry(r, reason: .approval(requestedBy: r["requested_by"],
                                       on: (r["requested_on"] as String?).flatMap(Day.init(parsing:)) ?? q.today))
        }
        return (entries, rows.count > q.limit)
    }

    /// Cases per stage in the scope, from covering indexes.
    static func stageCounts(_ db: Database, _ q: TodayQuery) throws -> [Stage: Int] {
        let rows: [Row]
        if q.scope == .mine {
            rows = try Row.fetchAll(db, sql: """
                SELECT stage, count(*) FROM compliance_case INDEXED BY compliance_case_assignee_stage
                WHERE assignee = ? GROUP BY stage
                """, arguments: [q.officer])
        } else {
            // The narrow (assignee, stage) index of the case table, not the wide company index.
            rows = try Row.fetchAll(db, sql: """
                SELECT stage, count(*) FROM compliance_case INDEXED BY compliance_case_assignee_stage GROUP BY stage
                """)
        }
        var out: [Stage: Int] = [:]
        for r in rows { if let s = Stage(rawValue: r[0]) { out[s, default: 0] += r[1] } }
        return out
    }
}

extension AppDatabase {
    /// The petugas with the most open cases (ties by login): a stable choice for demos and
    /// golden screens, which must not depend on who runs them (the demo's writer is an admin).
    public func busiestAssignee() throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT c.assignee FROM compliance_case c INDEXED BY compliance_case_assignee_stage
                JOIN officer o ON o.login = c.assignee AND o.role = 'petugas'
                WHERE c.stage IN (\(Self.openStagesSQL))
                GROUP BY c.assignee ORDER BY count(*) DESC, c.assignee LIMIT 1
                """)
        }
    }

    /// The company (first by name) whose case is at `stage`, assigned to `assignee`, with its
    /// next deadline after `day` and no open promise: a case whose escalation waits on a date.
    public func firstCase(stage: Stage, assignee: String, deadlineAfter day: Day) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT co.id FROM compliance_case c INDEXED BY compliance_case_assignee_stage
                JOIN company co ON co.id = c.company_id
                WHERE c.assignee = ? AND c.stage = ? AND c.next_deadline > ? AND c.promise_until IS NULL
                ORDER BY co.name_key, co.id LIMIT 1
                """, arguments: [assignee, stage.rawValue, day.iso])
        }
    }
}

extension AppDatabase {
    /// The company of the oldest case whose referral request waits for a supervisor, if any.
    public func firstPendingReferral() throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT company_id FROM compliance_case INDEXED BY compliance_case_referral
                WHERE referral_requested_by IS NOT NULL ORDER BY id LIMIT 1
                """)
        }
    }
}

extension AppDatabase {
    /// Whether any open case is assigned to `login`: what decides the first screen, so it stops
    /// at the first case instead of counting them all on start-up.
    public func hasOpenCases(assignee login: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM compliance_case INDEXED BY compliance_case_assignee_stage
                WHERE assignee = ? AND stage IN (\(Self.openStagesSQL)))
                """, arguments: [login]) ?? false
        }
    }

    /// Open cases assigned to `login` (from the covering assignee index).
    public func openCaseCount(assignee login: String) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM compliance_case INDEXED BY compliance_case_assignee_stage
                WHERE assignee = ? AND stage IN (\(Self.openStagesSQL))
                """, arguments: [login]) ?? 0
        }
    }
}
