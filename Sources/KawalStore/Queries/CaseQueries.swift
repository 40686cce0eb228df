import GRDB
import KawalDomain

// Reads of case work: one case with its next actions, case lists, letters.

extension AppDatabase {
    /// One case with its company, history, derived state and every action's verdict for `login` today.
    public func caseFile(id: Int64, login: String, today: Day) throws -> CaseFile? {
        try read { db in
            guard let companyID = try Int64.fetchOne(db, sql: "SELECT company_id FROM compliance_case WHERE id = ?", arguments: [id]),
                  var detail = try Self.companyDetail(db, id: companyID) else { return nil }
            let (_, state) = try Self.loadState(db, caseID: id)
            // The detail reads the company's current case; show the one asked for.
            if detail.complianceCase?.id != id {
                let r = try Row.fetchOne(db, sql: "SELECT stage, opened_on, next_deadline, assignee FROM compliance_case WHERE id = ?",
                                         arguments: [id])!
                detail.complianceCase = ComplianceCase(id: id, companyID: companyID, stage: Stage(rawValue: r[0]) ?? .identified,
                                                       openedOn: Day(parsing: r[1]) ?? Day(serial: 0),
                                                       nextDeadline: (r[2] as String?).flatMap(Day.init(parsing:)), assignee: r[3])
                detail.events = try Self.events(db, caseID: id).reversed()
            }
            let policy = try Self.policy(db)
            let identity = try Self.identity(db, login: login)
            return CaseFile(detail: detail, state: state, identity: identity,
                            actions: policy.nextActions(state, by: identity, today: today),
                            nextDeadline: policy.nextDeadline(state), escalationOpens: policy.escalationOpens(state),
                            officerNames: try Self.officerNames(db), today: today)
        }
    }

    /// The id of the company's current case (its open one, else its latest), if it has one.
    public func caseID(companyID: Int64) throws -> Int64? {
        try read { db in
            try Self.currentCase(db, companyID: companyID)?.id
        }
    }

    /// The exact text of a logged letter.
    public func letterText(eventID: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT letter_body FROM case_event WHERE id = ?", arguments: [eventID]) }
    }

    static let summarySQL = """
        SELECT k.id, k.company_id, c.name, c.legal_form, k.stage, k.opened_on, k.next_deadline, k.assignee, o.name,
            k.promise_until, k.escalation_opens, k.referral_requested_by
        FROM compliance_case k JOIN company c ON c.id = k.company_id LEFT JOIN officer o ON o.login = k.assignee
        """

    static func summary(_ r: Row) -> CaseSummary {
        let name: String = r[2]
        let form = LegalForm(rawValue: r[3]) ?? .perorangan
        return CaseSummary(
            caseID: r[0], companyID: r[1], companyName: form.displayName(name),
            stage: Stage(rawValue: r[4]) ?? .identified, openedOn: Day(parsing: r[5]) ?? Day(serial: 0),
            nextDeadline: (r[6] as String?).flatMap(Day.init(parsing:)), assignee: r[7], assigneeName: r[8],
            promiseUntil: (r[9] as String?).flatMap(Day.init(parsing:)),
            escalationOpens: (r[10] as String?).flatMap(Day.init(parsing:)), referralRequestedBy: r[11])
    }

    /// Calls `body` with every case (of `stage`, of `assignee`), by case id, reading one row at
    /// a time so a million cases never sit in memory. `body` returns false to stop.
    public func forEachCase(stage: Stage? = nil, assignee: String? = nil, _ body: (CaseSummary) throws -> Bool) throws {
        try read { db in
            var sql = Self.summarySQL
            var conditions: [String] = []
            var args: [any DatabaseValueConvertible] = []
            if let stage { conditions.append("k.stage = ?"); args.append(stage.rawValue) }
            if let assignee { conditions.append("k.assignee = ?"); args.append(assignee) }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY k.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args))
            while let r = try rows.next() {
                if try !body(Self.summary(r)) { break }
            }
        }
    }

    /// The letter of `kind` for the case as it would be sent today: the text of the latest
    /// one logged, or a draft from the branch's template (its number is given when it is logged).
    public func letterPreview(caseID: Int64, kind: LetterKind, today: Day, draftNumber: String) throws -> (text: String, logged: Bool) {
        let folder = templatesFolder
        return try read { db in
            let (companyID, state) = try Self.loadState(db, caseID: caseID)
            if let sent = state.letters.last(where: { $0.kind == kind }),
               let body = try String.fetchOne(db, sql: "SELECT letter_body FROM case_event WHERE id = ?", arguments: [sent.eventID]) {
                return (body, true)
            }
            guard let detail = try Self.companyDetail(db, id: companyID) else { throw CaseworkError.noCompany(caseID: caseID) }
            let policy = try Self.policy(db)
            let fields = LetterFields(kind: kind, company: detail.company, branch: try Self.branch(db), letterNumber: draftNumber,
                                      date: today, deadline: policy.deadline(of: kind, sentOn: today), bapNumber: state.bapNumber)
            return (try LetterTemplates.render(fields, folder: folder), false)
        }
    }
}
