import Testing
@testable import KawalDomain

/// Builds case histories event by event, with increasing ids.
struct History {
    var events: [CaseEvent] = []
    let opened: Day

    init(opened: Day) { self.opened = opened }

    @discardableResult
    mutating func add(_ kind: EventKind, _ day: Day, by actor: String = "ari", _ detail: EventDetail = EventDetail()) -> Int64 {
        let id = Int64(events.count + 1)
        events.append(CaseEvent(id: id, caseID: 1, occurredOn: day, recordedAt: 0, actor: actor, kind: kind, detail: detail))
        return id
    }

    mutating func stage(_ to: Stage, _ day: Day, by actor: String = "ari") {
        add(.stageChange, day, by: actor, EventDetail(toStage: to, reason: "test"))
    }

    mutating func letter(_ kind: LetterKind, _ day: Day, policy: EscalationPolicy = EscalationPolicy()) {
        add(.letter, day, EventDetail(letterKind: kind, letterNumber: "N", deadline: policy.deadline(of: kind, sentOn: day)))
    }

    var state: CaseState { CaseState(openedOn: opened, events: events) }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

let petugas = Identity.officer(Officer(login: "ari", name: "Ari Wibowo", role: .petugas))
let supervisor = Identity.officer(Officer(login: "sri", name: "Sri Rahayu", role: .supervisor))
let admin = Identity.officer(Officer(login: "dewi", name: "Dewi Lestari", role: .admin))

@Suite("Escalation policy")
struct EscalationPolicyTests {
    let policy = EscalationPolicy(calendar: .weekendsOnly)

    /// A short, readable form of a verdict for the table.
    static func code(_ v: Verdict) -> String {
        switch v {
        case .allowed(let s): return s.map { "→\($0.rawValue)" } ?? "ok"
        case .refused(let r): return "\(r)"
        }
    }

    static let actionColumns: [CaseAction] = CaseAction.all

    /// Every stage against every action, for a supervisor on a case opened at that stage with
    /// no history (so every guard that needs an item on record refuses), long after the opening.
    @Test func everyStageAgainstEveryAction() {
        let opened = day(2022, 1, 3)
        let today = day(2022, 6, 1)
        func skips(_ from: Stage, _ to: Stage, _ next: Stage) -> String { "\(Refusal.skipsStage(from: from, to: to, next: next))" }
        func wrong(_ s: Stage) -> String { "\(Refusal.wrongStage(current: s, needed: .sanctionRecommended))" }
        // Columns: notification, socialisation, warning1, warning2, sanctionRecommendation, referral,
        // kunjungan, pemeriksaan, contact, note, promise, escalate, stepDown, requestReferral,
        // approveReferral, comply, close.
        let expected: [Stage: [String]] = [
            .identified: ["→notified", "→notified", skips(.identified, .warning1, .notified), skips(.identified, .warning2, .notified),
                          skips(.identified, .sanctionRecommended, .notified), skips(.identified, .referred, .notified),
                          "ok", "ok", "ok", "ok", "ok", "→notified", "noLowerStage", wrong(.identified), wrong(.identified),
                          "→compliant", "→closed"],
            .notified: ["ok", "ok", skips(.notified, .warning1, .visited), skips(.notified, .warning2, .visited),
                        skips(.notified, .sanctionRecommended, .visited), skips(.notified, .referred, .visited),
                        "→visited", "ok", "ok", "ok", "ok", "→visited", "→identified", wrong(.notified), wrong(.notified),
                        "→compliant", "→closed"],
            .visited: ["ok", "ok", "needsPersuasiveContact", skips(.visited, .warning2, .warning1),
                       skips(.visited, .sanctionRecommended, .warning1), skips(.visited, .referred, .warning1),
                       "ok", "ok", "ok", "ok", "ok", "needsPersuasiveContact", "→notified", wrong(.visited), wrong(.visited),
                       "→compliant", "→closed"],
            .warning1: ["ok", "ok", "ok", "needsLetter(KawalDomain.LetterKind.warning1)",
                        skips(.warning1, .sanctionRecommended, .warning2), skips(.warning1, .referred, .warning2),
                        "ok", "ok", "ok", "ok", "ok", "needsLetter(KawalDomain.LetterKind.warning1)", "→visited",
                        wrong(.warning1), wrong(.warning1), "→compliant", "→closed"],
            .warning2: ["ok", "ok", "ok", "ok", skips(.warning2, .sanctionRecommended, .examined), skips(.warning2, .referred, .examined),
                        "ok", "needsLetter(KawalDomain.LetterKind.warning2)", "ok", "ok", "ok",
                        "needsLetter(KawalDomain.LetterKind.warning2)", "→warning1", wrong(.warning2), wrong(.warning2),
                        "→compliant", "→closed"],
            .examined: ["ok", "ok", "ok", "ok", "needsExaminationBAP", skips(.examined, .referred, .sanctionRecommended),
                        "ok", "ok", "ok", "ok", "ok", "needsExaminationBAP", "→warning2", wrong(.examined), wrong(.examined),
                        "→compliant", "→closed"],
            .sanctionRecommended: ["ok", "ok", "ok", "ok", "ok", "needsApproval",
                                   "ok", "ok", "ok", "ok", "ok", "needsApproval", "→examined",
                                   "needsWarningLetters(have: 0, need: 2)", "noReferralRequest", "→compliant", "→closed"],
            .referred: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "noHigherStage", "→sanctionRecommended",
                        "noHigherStage", "noHigherStage", "→compliant", "→closed"],
        ]
        for stage in Stage.allCases {
            let state = CaseState(openedOn: opened, events: [], startingStage: stage)
            let got = policy.nextActions(state, by: supervisor, today: today)
            #expect(got.map(\.action) == Self.actionColumns)
            let row: [String]
            if stage.isEnd {
                let ended = "\(Refusal.caseEnded(stage))"
                row = Self.actionColumns.map { $0 == .note ? "ok" : ended }
            } else {
                row = expected[stage]!
            }
            #expect(got.map { Self.code($0.verdict) } == row, "stage \(stage)")
        }
    }

    @Test func warning2WaitsTenWorkingDaysAfterWarning1() {
        // Teguran I on Friday 14 January 2022: ten working days end on Friday 28 January;
        // Teguran II may go from the next working day, Monday 31 January.
        var h = History(opened: day(2021, 11, 1))
        h.letter(.notification, day(2021, 11, 2), policy: policy)
        h.stage(.notified, day(2021, 11, 2))
        h.stage(.visited, day(2021, 12, 1))
        h.letter(.warning1, day(2022, 1, 14), policy: policy)
        h.stage(.warning1, day(2022, 1, 14))
        let s = h.state
        #expect(s.latestLetter(.warning1)?.deadline == day(2022, 1, 28))
        let early = policy.verdict(.logLetter(.warning2), s, by: petugas, today: day(2022, 1, 28))
        #expect(early == .refused(.tooEarly(from: day(2022, 1, 31), wait: .warning1Deadline(workingDays: 10))))
        #expect(policy.verdict(.escalate, s, by: petugas, today: day(2022, 1, 29)).refusal != nil)
        #expect(policy.verdict(.logLetter(.warning2), s, by: petugas, today: day(2022, 1, 31)) == .allowed(newStage: .warning2))
        #expect(policy.escalationOpensOn(s, to: .warning2) == day(2022, 1, 31))
        #expect(policy.nextDeadline(s) == day(2022, 1, 28))
    }

    @Test func examinationWaitsForWarning2sDeadline() {
        var h = History(opened: day(2022, 1, 3))
        h.stage(.notified, day(2022, 1, 3))
        h.add(.visit, day(2022, 1, 4), EventDetail(visitKind: .kunjungan, outcome: .met))
        h.stage(.visited, day(2022, 1, 4))
        h.letter(.warning1, day(2022, 1, 5), policy: policy)
        h.stage(.warning1, day(2022, 1, 5))
        h.letter(.warning2, day(2022, 2, 1), policy: policy)  // Tuesday: deadline Tuesday 15 Feb
        h.stage(.warning2, day(2022, 2, 1))
        let s = h.state
        #expect(policy.verdict(.logVisit(.pemeriksaan), s, by: petugas, today: day(2022, 2, 15))
                == .refused(.tooEarly(from: day(2022, 2, 16), wait: .warning2Deadline(workingDays: 10))))
        #expect(policy.verdict(.logVisit(.pemeriksaan), s, by: petugas, today: day(2022, 2, 16)) == .allowed(newStage: .examined))
        // A kunjungan at this stage is recorded without moving the case.
        #expect(policy.verdict(.logVisit(.kunjungan), s, by: petugas, today: day(2022, 2, 2)) == .allowed(newStage: nil))
    }

    @Test func warning1NeedsAPersuasiveContact() {
        var h = History(opened: day(2022, 1, 3))
        h.stage(.notified, day(2022, 1, 3))
        h.stage(.visited, day(2022, 1, 4))
        #expect(policy.verdict(.escalate, h.state, by: petugas, today: day(2022, 1, 5)) == .refused(.needsPersuasiveContact))
        var withCall = h
        withCall.add(.call, day(2022, 1, 5))
        #expect(policy.verdict(.escalate, withCall.state, by: petugas, today: day(2022, 1, 5)) == .refused(.needsPersuasiveContact),
                "a phone call is not a persuasive contact")
        h.add(.letter, day(2022, 1, 5), EventDetail(letterKind: .socialisation))
        #expect(policy.verdict(.escalate, h.state, by: petugas, today: day(2022, 1, 5)) == .allowed(newStage: .warning1))
    }

    @Test func anOpenPromiseBlocksEscalationUntilItsDayHasPassed() {
        var h = History(opened: day(2022, 1, 3))
        h.letter(.notification, day(2022, 1, 3), policy: policy)
        h.stage(.notified, day(2022, 1, 3))
        h.add(.promise, day(2022, 1, 20), EventDetail(promiseUntil: day(2022, 2, 14)))
        let s = h.state
        #expect(s.openPromise?.until == day(2022, 2, 14))
        #expect(policy.verdict(.escalate, s, by: petugas, today: day(2022, 2, 14)) == .refused(.promisePending(until: day(2022, 2, 14))))
        #expect(policy.verdict(.logVisit(.kunjungan), s, by: petugas, today: day(2022, 2, 1)) == .refused(.promisePending(until: day(2022, 2, 14))))
        // Recording things that do not move the case is still allowed.
        #expect(policy.verdict(.logVisit(.pemeriksaan), s, by: petugas, today: day(2022, 2, 1)) == .allowed(newStage: nil))
        #expect(policy.verdict(.note, s, by: petugas, today: day(2022, 2, 1)).isAllowed)
        #expect(policy.verdict(.comply, s, by: petugas, today: day(2022, 2, 1)) == .allowed(newStage: .compliant))
        #expect(policy.verdict(.escalate, s, by: petugas, today: day(2022, 2, 15)) == .allowed(newStage: .visited))
        #expect(policy.nextDeadline(s) == day(2022, 2, 14))
        #expect(policy.escalationOpensOn(s, to: .visited) == day(2022, 2, 15))
        // A kept promise no longer blocks.
        h.add(.promiseKept, day(2022, 2, 1))
        #expect(h.state.openPromise == nil)
        #expect(policy.verdict(.escalate, h.state, by: petugas, today: day(2022, 2, 2)) == .allowed(newStage: .visited))
        // A promise must lie ahead.
        #expect(policy.verdict(.promise, s, by: petugas, today: day(2022, 2, 1), input: ActionInput(promiseUntil: day(2022, 2, 1)))
                == .refused(.promiseNotInFuture(today: day(2022, 2, 1))))
    }

    /// A case at the sanction stage with everything a referral needs except what a test removes.
    func readyForReferral(warnings: Int = 2, visits: Int = 1) -> History {
        var h = History(opened: day(2022, 1, 3))
        h.letter(.notification, day(2022, 1, 3), policy: policy)
        h.stage(.notified, day(2022, 1, 3))
        if visits > 0 { h.add(.visit, day(2022, 1, 10), EventDetail(visitKind: .kunjungan, outcome: .met)) }
        h.stage(.visited, day(2022, 1, 10))
        if warnings > 0 { h.letter(.warning1, day(2022, 1, 11), policy: policy) }
        h.stage(.warning1, day(2022, 1, 11))
        if warnings > 1 { h.letter(.warning2, day(2022, 2, 1), policy: policy) }
        h.stage(.warning2, day(2022, 2, 1))
        h.stage(.examined, day(2022, 2, 20))
        h.letter(.sanctionRecommendation, day(2022, 3, 1), policy: policy)
        h.stage(.sanctionRecommended, day(2022, 3, 1))
        return h
    }

    @Test func referralNeedsThirtyDaysWarningsVisitsJustificationAndAnotherSupervisor() {
        let h = readyForReferral()
        let s = h.state
        let justified = ActionInput(reason: "Tidak menanggapi dua teguran dan rekomendasi TMP2T")
        #expect(policy.verdict(.requestReferral, s, by: petugas, today: day(2022, 3, 30), input: justified)
                == .refused(.tooEarly(from: day(2022, 3, 31), wait: .sanctionPeriod(days: 30))))
        #expect(policy.verdict(.requestReferral, s, by: petugas, today: day(2022, 3, 31), input: ActionInput(reason: "  "))
                == .refused(.needsJustification))
        #expect(policy.verdict(.requestReferral, s, by: petugas, today: day(2022, 3, 31), input: justified) == .allowed(newStage: nil))
        #expect(policy.verdict(.escalate, s, by: petugas, today: day(2022, 3, 31)) == .refused(.needsApproval))
        #expect(policy.verdict(.logLetter(.referral), s, by: petugas, today: day(2022, 3, 31)) == .refused(.needsApproval))
        #expect(policy.verdict(.requestReferral, readyForReferral(warnings: 1).state, by: petugas, today: day(2022, 4, 1), input: justified)
                == .refused(.needsWarningLetters(have: 1, need: 2)))
        #expect(policy.verdict(.requestReferral, readyForReferral(visits: 0).state, by: petugas, today: day(2022, 4, 1), input: justified)
                == .refused(.needsVisits(have: 0, need: 1)))

        var asked = h
        asked.add(.approvalRequest, day(2022, 4, 1), by: "sri", EventDetail(toStage: .referred, reason: justified.reason))
        let a = asked.state
        #expect(a.referralRequest?.requestedBy == "sri")
        #expect(policy.verdict(.requestReferral, a, by: petugas, today: day(2022, 4, 2), input: justified)
                == .refused(.referralAlreadyRequested(by: "sri", on: day(2022, 4, 1))))
        // The supervisor who asked cannot approve; a petugas cannot approve; another supervisor can.
        #expect(policy.verdict(.approveReferral, a, by: supervisor, today: day(2022, 4, 2)) == .refused(.cannotApproveOwnRequest))
        #expect(policy.verdict(.approveReferral, a, by: petugas, today: day(2022, 4, 2)) == .refused(.roleNotAllowed(.petugas, needs: .supervisor)))
        #expect(policy.verdict(.approveReferral, a, by: admin, today: day(2022, 4, 2)) == .refused(.roleNotAllowed(.admin, needs: .supervisor)))
        let other = Identity.officer(Officer(login: "hendra", name: "Hendra Gunawan", role: .supervisor))
        #expect(policy.verdict(.approveReferral, a, by: other, today: day(2022, 4, 2)) == .allowed(newStage: .referred))
        // Stepping down withdraws the request.
        asked.stage(.examined, day(2022, 4, 3))
        #expect(asked.state.referralRequest == nil)
    }

    @Test func sanctionNeedsAnExaminationWithABAPNumber() {
        var h = History(opened: day(2022, 1, 3))
        h.stage(.examined, day(2022, 1, 3))
        h.add(.visit, day(2022, 1, 4), EventDetail(visitKind: .pemeriksaan, outcome: .met, bapNumber: ""))
        #expect(policy.verdict(.escalate, h.state, by: petugas, today: day(2022, 1, 5)) == .refused(.needsExaminationBAP))
        h.add(.visit, day(2022, 1, 5), EventDetail(visitKind: .pemeriksaan, outcome: .met, bapNumber: "BAP/1/PKL/2022"))
        #expect(h.state.bapNumber == "BAP/1/PKL/2022")
        #expect(policy.verdict(.logLetter(.sanctionRecommendation), h.state, by: petugas, today: day(2022, 1, 5))
                == .allowed(newStage: .sanctionRecommended))
    }

    @Test func steppingDownNeedsAReasonAndALowerRung() {
        let s = CaseState(openedOn: day(2022, 1, 3), events: [], startingStage: .warning2)
        let today = day(2022, 2, 1)
        #expect(policy.verdict(.stepDown, s, by: petugas, today: today, input: ActionInput(reason: "")) == .refused(.needsReason))
        #expect(policy.verdict(.stepDown, s, by: petugas, today: today, input: ActionInput(reason: "Salah kirim", stepDownTo: .visited))
                == .allowed(newStage: .visited))
        #expect(policy.verdict(.stepDown, s, by: petugas, today: today, input: ActionInput(reason: "x", stepDownTo: .examined))
                == .refused(.notLowerStage(.examined)))
        #expect(policy.verdict(.stepDown, s, by: petugas, today: today, input: ActionInput(reason: "x", stepDownTo: .closed))
                == .refused(.notLowerStage(.closed)))
    }

    @Test func anUnknownLoginMayOnlyBrowse() {
        let s = CaseState(openedOn: day(2022, 1, 3), events: [], startingStage: .notified)
        let stranger = Identity.unknown(login: "tamu")
        for v in policy.nextActions(s, by: stranger, today: day(2022, 1, 4)) {
            #expect(v.verdict == .refused(.unknownOfficer(login: "tamu")), "\(v.action)")
        }
        #expect(stranger.may(.browse))
        #expect(!stranger.may(.workCases))
    }

    @Test func rolesHaveTheirRights() {
        #expect(OfficerRole.petugas.may(.workCases) && !OfficerRole.petugas.may(.approveReferral))
        #expect(OfficerRole.supervisor.may(.approveReferral) && !OfficerRole.supervisor.may(.manageOfficers))
        #expect(OfficerRole.admin.may(.manageOfficers) && OfficerRole.admin.may(.manageSettings) && !OfficerRole.admin.may(.approveReferral))
        #expect(Officer.isValidLogin("ari.wibowo") && Officer.isValidLogin("nobody"))
        #expect(!Officer.isValidLogin("") && !Officer.isValidLogin("-x") && !Officer.isValidLogin("a b") && !Officer.isValidLogin("é"))
    }

    @Test func thingsAreLoggedOnOrBeforeToday() {
        let s = CaseState(openedOn: day(2022, 1, 3), events: [], startingStage: .notified)
        #expect(policy.verdict(.logVisit(.kunjungan), s, by: petugas, today: day(2022, 1, 4), input: ActionInput(occurredOn: day(2022, 1, 5)))
                == .refused(.dateInFuture(day(2022, 1, 5))))
    }

    @Test func aCorrectionVoidsTheEventItNames() {
        var h = History(opened: day(2022, 1, 3))
        h.stage(.notified, day(2022, 1, 3))
        h.stage(.visited, day(2022, 1, 4))
        let wrongVisit = h.add(.visit, day(2022, 1, 4), EventDetail(visitKind: .kunjungan, outcome: .met))
        #expect(h.state.persuasiveContacts == 1)
        h.add(.correction, day(2022, 1, 5), EventDetail(reason: "Kunjungan salah kasus", corrects: wrongVisit))
        #expect(h.state.persuasiveContacts == 0)
        #expect(h.state.voided == [wrongVisit])
        #expect(policy.verdict(.escalate, h.state, by: petugas, today: day(2022, 1, 6)) == .refused(.needsPersuasiveContact))
    }

    @Test func stateFollowsTheHistory() {
        var h = History(opened: day(2022, 1, 3))
        h.stage(.notified, day(2022, 1, 3))
        h.stage(.visited, day(2022, 1, 10))
        h.add(.assignment, day(2022, 1, 11), EventDetail(assignee: "dewi"))
        h.stage(.closed, day(2022, 2, 1))
        let s = h.state
        #expect(s.stage == .closed)
        #expect(s.reached[.visited] == day(2022, 1, 10))
        #expect(s.reached[.identified] == day(2022, 1, 3))
        #expect(s.assignee == "dewi")
        #expect(policy.nextDeadline(s) == nil)
    }
}

@Suite("Working days")
struct WorkingDayTests {
    @Test func weekendsDoNotCount() {
        let cal = HolidayCalendar.weekendsOnly
        #expect(cal.adding(workingDays: 1, to: day(2022, 1, 14)) == day(2022, 1, 17))  // Friday → Monday
        #expect(cal.adding(workingDays: 10, to: day(2022, 1, 17)) == day(2022, 1, 31))
        #expect(cal.adding(workingDays: 0, to: day(2022, 1, 15)) == day(2022, 1, 15))
        #expect(cal.nextWorkingDay(after: day(2022, 1, 29)) == day(2022, 1, 31))
        #expect(cal.workingDays(after: day(2022, 1, 14), through: day(2022, 1, 28)) == 10)
        #expect(cal.workingDays(after: day(2022, 1, 28), through: day(2022, 1, 14)) == 0)
    }

    @Test func holidaysDoNotCount() {
        // Monday 16 March 2026: Nyepi (Thursday 19) and Idul Fitri (Saturday 21, Sunday 22) are
        // holidays; cuti bersama (18, 20, 23, 24 March) are working days in the shipped table.
        let national = HolidayCalendar.national
        #expect(national.adding(workingDays: 10, to: day(2026, 3, 16)) == day(2026, 3, 31))
        #expect(HolidayCalendar.weekendsOnly.adding(workingDays: 10, to: day(2026, 3, 16)) == day(2026, 3, 30))
        #expect(!national.isWorkingDay(day(2026, 8, 17)))
        #expect(national.isWorkingDay(day(2026, 8, 18)))
        #expect(national.holiday(on: day(2026, 3, 19)) == "Hari Suci Nyepi Tahun Baru Saka 1948")
        // A warning sent on Wednesday 23 December 2026 runs past Christmas, New Year and Isra Mikraj.
        #expect(national.adding(workingDays: 10, to: day(2026, 12, 23)) == day(2027, 1, 11))
        let policy = EscalationPolicy(calendar: national)
        #expect(policy.deadline(of: .warning1, sentOn: day(2026, 3, 16)) == day(2026, 3, 31))
        // A branch's own holiday counts too.
        let branch = HolidayCalendar(Holiday.national + [Holiday(2026, 3, 18, "Cuti bersama Nyepi")])
        #expect(branch.adding(workingDays: 10, to: day(2026, 3, 16)) == day(2026, 4, 1))
    }

    @Test func theShippedHolidaysAreThoseOfTheSKB() {
        let y2026 = Holiday.national.filter { $0.day.year == 2026 }
        #expect(y2026.count == 17)  // SKB 1497/2/5 of 2025: 17 national holidays
        #expect(Set(Holiday.national.map(\.day)).count == Holiday.national.count)
        #expect(Holiday.national.allSatisfy { !$0.name.isEmpty })
        #expect(Holiday.national.contains(Holiday(2026, 3, 21, "Idul Fitri 1447 Hijriah")))
        #expect(Holiday.national.contains(Holiday(2026, 5, 27, "Idul Adha 1447 Hijriah")))
        #expect(Holiday.national.contains { $0.day == day(2027, 3, 26) })  // Good Friday 2027
        #expect(Holiday.national.filter { $0.day.year == 2027 }.count >= 16)
    }
}

@Suite("Letters")
struct LetterTests {
    @Test func numbersFollowThePattern() {
        let n = LetterNumberPattern.render(LetterNumberPattern.standard, sequence: 12, day: day(2026, 11, 3), kind: .warning1, branchCode: "KC-PKL")
        #expect(n == "B/0012/TGR1/KC-PKL/XI/2026")
        #expect(LetterNumberPattern.render("{seq}-{month}-{year}/{x}", sequence: 12345, day: day(2026, 2, 3), kind: .referral, branchCode: "")
                == "12345-02-2026/{x}")
        #expect(LetterNumberPattern.isValid(LetterNumberPattern.standard))
        #expect(!LetterNumberPattern.isValid("B/{year}"))  // no sequence: numbers would repeat
        #expect(!LetterNumberPattern.isValid("B/{seq}/{nope}"))
        #expect(!LetterNumberPattern.isValid("B/{seq"))
    }

    @Test func mergeFieldsSpeakIndonesian() throws {
        let company = Company(
            id: 1, name: "Batik Sekar Jaya", legalForm: .cv, npwp: try NPWP("012345674901234"), nib: nil, npp: nil,
            sector: Sector.known[0], address: "Jl. Hayam Wuruk No. 5", kelurahan: "Kauman", kecamatan: "Pekalongan Timur",
            phone: "", owner: "Siti Aminah", estimatedWorkers: 1250, registeredWorkers: 3, scale: .besar, status: .pdsTK)
        let f = LetterFields(kind: .warning1, company: company, branch: .pekalongan, letterNumber: "B/0001/TGR1/KC-PKL/I/2022",
                             date: day(2022, 1, 17), deadline: day(2022, 1, 31))
        let v = f.values
        #expect(v["date_long"] == "17 Januari 2022")
        #expect(v["deadline_weekday"] == "Senin, 31 Januari 2022")
        #expect(v["company_name"] == "CV Batik Sekar Jaya")
        #expect(v["npwp"] == "01.234.567.4-901.234")
        #expect(v["estimated_workers"] == "1.250")
        #expect(v["unprotected_workers"] == "1.247")
        #expect(v["legal_basis"]!.contains("Nomor 24 Tahun 2011") && v["legal_basis"]!.contains("Nomor 86 Tahun 2013"))
        #expect(v["letter_number"] == "B/0001/TGR1/KC-PKL/I/2022")
        #expect(v["branch_name"] == BranchProfile.pekalongan.name)
    }
}
