import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

/// A database file in a fresh folder with a branch: an admin, two officers and two supervisors.
struct Desk {
    let db: AppDatabase
    let folder: URL

    init() throws {
        folder = Fixture.temporaryFolder("kawal-case")
        db = try AppDatabase.open(path: folder.appendingPathComponent("kawal.sqlite").path)
        try db.registerFirstAdmin(login: "kepala", name: "Kepala Cabang")
        try db.addOfficer(Officer(login: "ari", name: "Ari Wibowo", role: .petugas), by: "kepala")
        try db.addOfficer(Officer(login: "dewi", name: "Dewi Lestari", role: .petugas), by: "kepala")
        try db.addOfficer(Officer(login: "sri", name: "Sri Rahayu", role: .supervisor), by: "kepala")
        try db.addOfficer(Officer(login: "teguh", name: "Teguh Santoso", role: .supervisor), by: "kepala")
    }

    /// A new case at `identified`, assigned to ari.
    func newCase(_ name: String = "Batik Sekar Jaya", opened: Day = day(2022, 1, 3)) throws -> Int64 {
        let company = try db.insertCompany(Fixture.company(name: name, npwp: NPWP.make(prefix8: "01234567", tail6: "511000"),
                                                           estimated: 12, registered: 2, status: .pdsTK), sources: [])
        let id = try db.openCase(companyID: company, stage: .identified, openedOn: opened, nextDeadline: nil, assignee: nil)
        try db.assign(caseID: id, to: "ari", by: "ari", today: opened)
        return id
    }

    /// Every row of every table Kawal writes, to prove a refusal wrote nothing.
    func snapshot() throws -> [String] {
        try db.read { d in
            var out: [String] = []
            for t in ["company", "compliance_case", "case_event", "letter_sequence", "officer", "holiday", "branch"] {
                out += try Row.fetchAll(d, sql: "SELECT * FROM \(t) ORDER BY 1").map { "\(t): \($0)" }
            }
            return out
        }
    }

    func column(_ sql: String, _ args: StatementArguments = []) throws -> String? {
        try db.read { try String.fetchOne($0, sql: sql, arguments: args) }
    }
}

private func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

@Suite("Case work in the store")
struct CaseworkTests {
    /// Expects `body` to be refused with `refusal` and to leave every table as it was.
    func expectRefused(_ desk: Desk, _ refusal: Refusal, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) throws {
        let before = try desk.snapshot()
        #expect(throws: refusal, sourceLocation: sourceLocation) { try body() }
        #expect(try desk.snapshot() == before, "a refusal wrote something", sourceLocation: sourceLocation)
    }

    @Test func aCaseWalksTheLadderThroughTheStore() throws {
        let desk = try Desk()
        let db = desk.db
        let id = try desk.newCase()

        // Identified → notified by a notification letter, numbered and rendered.
        let n = try db.logLetter(caseID: id, kind: .notification, on: day(2022, 1, 3), delivery: "Pos tercatat", by: "ari", today: day(2022, 1, 3))
        #expect(n.stage == .notified && n.stageChanged)
        #expect(n.letterNumber == "B/0001/PBT/KC-PKL/I/2022")
        let text = try #require(n.letterText)
        #expect(text.contains("CV Batik Sekar Jaya") && text.contains("3 Januari 2022") && text.contains("B/0001/PBT/KC-PKL/I/2022"))
        #expect(text.contains("17 Januari 2022"))  // 10 working days later
        #expect(try db.letterText(eventID: n.eventIDs[0]) == text)

        // A warning cannot skip the visit.
        try expectRefused(desk, .skipsStage(from: .notified, to: .warning1, next: .visited)) {
            try db.logLetter(caseID: id, kind: .warning1, by: "ari", today: day(2022, 1, 4))
        }
        try db.logVisit(caseID: id, AppDatabase.VisitReport(kind: .kunjungan, day: day(2022, 1, 6), outcome: .met, personMet: "Siti",
                                                             personRole: "Pemilik", workersCounted: 12, findings: "Bersedia"),
                        by: "ari", today: day(2022, 1, 7))
        try db.logContact(caseID: id, kind: .call, text: "Menanyakan perkembangan", by: "ari", today: day(2022, 1, 10))
        let w1 = try db.logLetter(caseID: id, kind: .warning1, by: "ari", today: day(2022, 1, 14))
        #expect(w1.stage == .warning1 && w1.letterNumber == "B/0002/TGR1/KC-PKL/I/2022")
        #expect(try desk.column("SELECT next_deadline FROM compliance_case WHERE id = ?", [id]) == "2022-01-28")
        #expect(try desk.column("SELECT escalation_opens FROM compliance_case WHERE id = ?", [id]) == "2022-01-31")
        #expect(try desk.column("SELECT next_deadline FROM company") == "2022-01-28")  // the list follows

        // Too early for Teguran II: refused, nothing written, no number used.
        try expectRefused(desk, .tooEarly(from: day(2022, 1, 31), wait: .warning1Deadline(workingDays: 10))) {
            try db.logLetter(caseID: id, kind: .warning2, by: "ari", today: day(2022, 1, 28))
        }
        // A promise blocks escalation until its day has passed.
        try db.logPromise(caseID: id, until: day(2022, 2, 14), text: "Akan mendaftar", by: "ari", today: day(2022, 1, 20))
        #expect(try desk.column("SELECT promise_until FROM compliance_case WHERE id = ?", [id]) == "2022-02-14")
        try expectRefused(desk, .promisePending(until: day(2022, 2, 14))) {
            try db.moveCase(caseID: id, to: .warning2, reason: "Tidak ditanggapi", by: "ari", today: day(2022, 2, 1))
        }
        try db.resolvePromise(caseID: id, kept: false, by: "ari", today: day(2022, 2, 15))
        #expect(try desk.column("SELECT promise_until FROM compliance_case WHERE id = ?", [id]) == nil)
        let w2 = try db.logLetter(caseID: id, kind: .warning2, by: "ari", today: day(2022, 2, 15))
        #expect(w2.stage == .warning2 && w2.letterNumber == "B/0003/TGR2/KC-PKL/II/2022")

        // The examination: after Teguran II's deadline, with a BAP.
        try expectRefused(desk, .tooEarly(from: day(2022, 3, 2), wait: .warning2Deadline(workingDays: 10))) {
            try db.logVisit(caseID: id, AppDatabase.VisitReport(kind: .pemeriksaan, outcome: .met, bapNumber: "BAP/1/PKL/2022"),
                            by: "ari", today: day(2022, 3, 1))
        }
        let ex = try db.logVisit(caseID: id, AppDatabase.VisitReport(kind: .pemeriksaan, outcome: .met, bapNumber: "BAP/1/PKL/2022"),
                                 by: "ari", today: day(2022, 3, 2))
        #expect(ex.stage == .examined)
        let s = try db.logLetter(caseID: id, kind: .sanctionRecommendation, by: "ari", today: day(2022, 3, 3))
        #expect(s.stage == .sanctionRecommended)
        #expect(s.letterText?.contains("BAP/1/PKL/2022") == true && s.letterText?.contains("DPMPTSP") == true)

        // The referral: 30 days, a justification, another supervisor.
        try expectRefused(desk, .tooEarly(from: day(2022, 4, 2), wait: .sanctionPeriod(days: 30))) {
            try db.moveCase(caseID: id, to: .referred, reason: "Tidak ada itikad baik", by: "sri", today: day(2022, 4, 1))
        }
        try expectRefused(desk, .needsJustification) {
            try db.requestReferral(caseID: id, justification: " ", by: "sri", today: day(2022, 4, 2))
        }
        try expectRefused(desk, .noReferralRequest) { try db.approveReferral(caseID: id, by: "sri", today: day(2022, 4, 2)) }
        let asked = try db.moveCase(caseID: id, to: .referred, reason: "Tidak ada itikad baik", by: "sri", today: day(2022, 4, 2))
        #expect(asked.stage == .sanctionRecommended && !asked.stageChanged)
        #expect(try desk.column("SELECT referral_requested_by FROM compliance_case WHERE id = ?", [id]) == "sri")
        try expectRefused(desk, .cannotApproveOwnRequest) { try db.approveReferral(caseID: id, by: "sri", today: day(2022, 4, 3)) }
        try expectRefused(desk, .roleNotAllowed(.petugas, needs: .supervisor)) {
            try db.approveReferral(caseID: id, by: "ari", today: day(2022, 4, 3))
        }
        let ok = try db.approveReferral(caseID: id, by: "teguh", today: day(2022, 4, 3))
        #expect(ok.stage == .referred && ok.stageChanged)
        let skk = try db.logLetter(caseID: id, kind: .referral, by: "ari", today: day(2022, 4, 4))
        #expect(skk.stage == .referred && !skk.stageChanged && skk.letterText?.contains("Kejaksaan Negeri") == true)

        // The history derives the same state the row holds.
        let file = try #require(try db.caseFile(id: id, login: "ari", today: day(2022, 4, 5)))
        #expect(file.state.stage == .referred)
        #expect(file.state.reached[.warning1] == day(2022, 1, 14))
        #expect(file.detail.complianceCase?.stage == .referred)
        #expect(file.name(of: "teguh") == "Teguh Santoso")
        let kinds = file.detail.events.reversed().map(\.kind)
        #expect(kinds.filter { $0 == .stageChange }.count == 7)
        #expect(kinds.contains(.approvalRequest) && kinds.contains(.approval) && kinds.contains(.promiseLapsed))
        let approval = try #require(file.detail.events.first { $0.kind == .stageChange && $0.detail.toStage == .referred })
        #expect(approval.actor == "teguh" && approval.detail.reason == "Tidak ada itikad baik")
        #expect(file.actions.first { $0.action == .escalate }?.verdict == .refused(.noHigherStage))
        // Stepping down needs a reason; then back up is possible.
        try expectRefused(desk, .needsReason) { try db.moveCase(caseID: id, to: .sanctionRecommended, reason: "", by: "ari", today: day(2022, 4, 6)) }
        #expect(try db.moveCase(caseID: id, to: .sanctionRecommended, reason: "Salah limpah", by: "ari", today: day(2022, 4, 6)).stage == .sanctionRecommended)
    }

    @Test func complyCloseAndNotes() throws {
        let desk = try Desk()
        let db = desk.db
        let a = try desk.newCase("Batik Kawung")
        let b = try desk.newCase("Batik Truntum")
        try db.logLetter(caseID: a, kind: .notification, by: "ari", today: day(2022, 1, 3))
        let c = try db.comply(caseID: a, registeredWorkers: 12, by: "dewi", today: day(2022, 1, 10))
        #expect(c.stage == .compliant)
        #expect(try desk.column("SELECT status || '/' || registered_workers || '/' || unprotected_workers FROM company WHERE name = 'Batik Kawung'") == "Patuh/12/0")
        try expectRefused(desk, .caseEnded(.compliant)) { try db.logLetter(caseID: a, kind: .warning1, by: "ari", today: day(2022, 1, 11)) }
        try db.addNote(caseID: a, text: "Kartu peserta sudah diterima", by: "ari", today: day(2022, 1, 12))
        #expect(throws: CaseworkError.emptyText) { try db.addNote(caseID: a, text: "  ", by: "ari", today: day(2022, 1, 12)) }
        let closed = try db.close(caseID: b, reason: .ceasedTrading, note: "Tempat usaha kosong", by: "ari", today: day(2022, 1, 10))
        #expect(closed.stage == .closed)
        #expect(try db.caseFile(id: b, login: "ari", today: day(2022, 1, 10))?.state.closingReason == "ceasedTrading")
        #expect(throws: StoreWriteError.unknownCase(id: 999)) { try db.addNote(caseID: 999, text: "x", by: "ari", today: day(2022, 1, 12)) }
        try expectRefused(desk, .dateInFuture(day(2022, 2, 1))) {
            try db.logLetter(caseID: b, kind: .notification, on: day(2022, 2, 1), by: "ari", today: day(2022, 1, 12))
        }
    }

    @Test func onlyRegisteredOfficersActAndOnlyAdminsManage() throws {
        let desk = try Desk()
        let db = desk.db
        let id = try desk.newCase()
        try expectRefused(desk, .unknownOfficer(login: "tamu")) { try db.addNote(caseID: id, text: "x", by: "tamu", today: day(2022, 1, 3)) }
        #expect(try db.identity(login: "tamu") == .unknown(login: "tamu"))
        #expect(try db.identity(login: "kepala") == .officer(Officer(login: "kepala", name: "Kepala Cabang", role: .admin)))
        #expect(throws: CaseworkError.notPermitted(login: "ari", needs: .manageOfficers)) {
            try db.addOfficer(Officer(login: "x", name: "X", role: .admin), by: "ari")
        }
        #expect(throws: CaseworkError.officerExists(login: "ari")) {
            try db.addOfficer(Officer(login: "ari", name: "Ari", role: .petugas), by: "kepala")
        }
        #expect(throws: CaseworkError.invalidLogin("a b")) { try db.addOfficer(Officer(login: "a b", name: "A", role: .petugas), by: "kepala") }
        // The first admin is only the first: a later login is not made admin.
        try db.registerFirstAdmin(login: "other")
        #expect(try db.identity(login: "other") == .unknown(login: "other"))
        #expect(try db.officers().map(\.login) == ["ari", "dewi", "kepala", "sri", "teguh"])
        #expect(throws: CaseworkError.unknownOfficer(login: "nobody")) { try db.assign(caseID: id, to: "nobody", by: "ari", today: day(2022, 1, 3)) }
        try db.assign(caseID: id, to: "dewi", by: "ari", today: day(2022, 1, 3))
        #expect(try desk.column("SELECT assignee FROM compliance_case WHERE id = ?", [id]) == "dewi")
    }

    @Test func theHolidayTableIsTheBranchsAndCountsInDeadlines() throws {
        let desk = try Desk()
        let db = desk.db
        #expect(try db.holidays() == Holiday.national)
        let id = try desk.newCase(opened: day(2026, 3, 2))
        try db.logLetter(caseID: id, kind: .notification, by: "ari", today: day(2026, 3, 2))
        try db.logVisit(caseID: id, AppDatabase.VisitReport(kind: .kunjungan, outcome: .met), by: "ari", today: day(2026, 3, 9))
        // Cuti bersama is not in the shipped table; the branch adds one day of it.
        try db.addHoliday(Holiday(2026, 3, 18, "Cuti bersama Nyepi"), by: "kepala")
        #expect(throws: CaseworkError.notPermitted(login: "ari", needs: .manageSettings)) {
            try db.addHoliday(Holiday(2026, 3, 20, "Cuti bersama"), by: "ari")
        }
        let w1 = try db.logLetter(caseID: id, kind: .warning1, by: "ari", today: day(2026, 3, 16))
        _ = w1
        #expect(try desk.column("SELECT next_deadline FROM compliance_case WHERE id = ?", [id]) == "2026-04-01")
        try db.removeHoliday(day(2026, 3, 18), by: "kepala")
        #expect(throws: CaseworkError.holidayMissing(day(2026, 3, 18))) { try db.removeHoliday(day(2026, 3, 18), by: "kepala") }
        // Settings are the branch's too.
        try db.setSettings(PolicySettings(warningWorkingDays: 5), by: "kepala")
        #expect(try db.policy().settings.warningWorkingDays == 5)
        #expect(throws: CaseworkError.invalidLetterNumberPattern("B/{year}")) {
            var b = try db.branch()
            b.letterNumberPattern = "B/{year}"
            try db.setBranch(b, by: "kepala")
        }
    }

    @Test func aBranchTemplateOverridesTheDefaultAndABrokenOneWritesNothing() throws {
        let desk = try Desk()
        let db = desk.db
        let id = try desk.newCase()
        let folder = try #require(db.templatesFolder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = LetterTemplates.overridePath(.notification, folder: folder)
        try "{{#company_name}}unclosed".write(toFile: path, atomically: true, encoding: .utf8)
        let before = try desk.snapshot()
        #expect(performing: { try db.logLetter(caseID: id, kind: .notification, by: "ari", today: day(2022, 1, 3)) }, throws: { e in
            guard case LetterError.brokenTemplate(let p, _) = e else { return false }
            return p == path
        })
        #expect(try desk.snapshot() == before)
        try "Nomor {{letter_number}} untuk {{company_name}} <{{owner}}> & {{date_long}}".write(toFile: path, atomically: true, encoding: .utf8)
        let n = try db.logLetter(caseID: id, kind: .notification, by: "ari", today: day(2022, 1, 3))
        // The number the failed attempt took was given back; text is not HTML-escaped.
        #expect(n.letterText == "Nomor B/0001/PBT/KC-PKL/I/2022 untuk CV Batik Sekar Jaya <Siti Aminah> & 3 Januari 2022")
        // History keeps what was sent, whatever the template says later.
        try "changed".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try db.letterPreview(caseID: id, kind: .notification, today: day(2022, 1, 5), draftNumber: "DRAF").text == n.letterText)
        #expect(try db.letterPreview(caseID: id, kind: .warning1, today: day(2022, 1, 5), draftNumber: "DRAF").text.contains("TEGURAN TERTULIS PERTAMA"))
    }

    @Test func everyDefaultTemplateRendersEveryField() throws {
        let company = Fixture.company(name: "Batik Sekar Jaya", npwp: NPWP.make(prefix8: "01234567", tail6: "511000"))
        for kind in LetterKind.allCases {
            let fields = LetterFields(kind: kind, company: company, branch: .pekalongan, letterNumber: "N/1", date: day(2022, 1, 17),
                                      deadline: day(2022, 1, 31), bapNumber: "BAP/9")
            let text = try LetterTemplates.render(fields, folder: nil)
            #expect(!text.contains("{{") && !text.contains("&lt;"), "\(kind)")
            for expected in ["N/1", "17 Januari 2022", "CV Batik Sekar Jaya", BranchProfile.pekalongan.signatoryName, LetterFields.subject(kind)] {
                #expect(text.contains(expected), "\(kind) lacks \(expected)")
            }
            #expect(text.contains("Nomor 24 Tahun 2011") || text.contains("Nomor 86 Tahun 2013"), "\(kind)")
        }
    }

    @Test func theHistoryOnAFileRefusesUpdateAndDelete() throws {
        let desk = try Desk()
        let id = try desk.newCase()
        let n = try desk.db.logLetter(caseID: id, kind: .notification, by: "ari", today: day(2022, 1, 3))
        for sql in ["UPDATE case_event SET letter_body = 'forged'", "UPDATE case_event SET actor = 'mallory'", "DELETE FROM case_event",
                    "DELETE FROM case_event WHERE id = \(n.eventIDs[0])"] {
            #expect(performing: { try desk.db.writer.write { try $0.execute(sql: sql) } }, throws: { e in
                (e as? DatabaseError)?.message?.contains("append-only") == true
            })
        }
        #expect(try desk.db.letterText(eventID: n.eventIDs[0]) == n.letterText)
        // A second letter can never reuse a number, even written past the store.
        #expect(throws: DatabaseError.self) {
            try desk.db.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO case_event(case_id, occurred_on, recorded_at, actor, kind, detail, letter_body)
                    VALUES (?, '2022-01-04', 0, 'ari', 'letter', ?, 'x')
                    """, arguments: [id, EventJSON.encode(EventDetail(letterKind: .notification, letterNumber: n.letterNumber))])
            }
        }
    }

    @Test func aCorrectionVoidsAnEventButNotTheLadder() throws {
        let desk = try Desk()
        let db = desk.db
        let id = try desk.newCase()
        try db.logLetter(caseID: id, kind: .notification, by: "ari", today: day(2022, 1, 3))
        let moved = try db.moveCase(caseID: id, to: .visited, reason: "Dikunjungi", by: "ari", today: day(2022, 1, 4))
        let visit = try db.logVisit(caseID: id, AppDatabase.VisitReport(kind: .kunjungan, outcome: .met), by: "ari", today: day(2022, 1, 4))
        let letter = try #require(try db.caseFile(id: id, login: "ari", today: day(2022, 1, 4))?.state.letters.first?.eventID)
        try expectRefused(desk, .needsReason) { try db.correctEvent(caseID: id, eventID: visit.eventIDs[0], reason: " ", by: "ari", today: day(2022, 1, 5)) }
        try expectRefused(desk, .unknownOfficer(login: "tamu")) {
            try db.correctEvent(caseID: id, eventID: visit.eventIDs[0], reason: "x", by: "tamu", today: day(2022, 1, 5))
        }
        #expect(throws: CaseworkError.notCorrectable(.stageChange)) {
            try db.correctEvent(caseID: id, eventID: moved.eventIDs[0], reason: "Salah", by: "ari", today: day(2022, 1, 5))
        }
        try db.correctEvent(caseID: id, eventID: visit.eventIDs[0], reason: "Kunjungan ke perusahaan lain", by: "ari", today: day(2022, 1, 5))
        try db.correctEvent(caseID: id, eventID: letter, reason: "Surat tidak jadi dikirim", by: "ari", today: day(2022, 1, 5))
        #expect(throws: CaseworkError.unknownEvent(id: letter)) {
            try db.correctEvent(caseID: id, eventID: letter, reason: "Lagi", by: "ari", today: day(2022, 1, 5))
        }
        let file = try #require(try db.caseFile(id: id, login: "ari", today: day(2022, 1, 6)))
        #expect(file.state.stage == .visited)  // the ladder stays
        #expect(file.state.persuasiveContacts == 0)
        #expect(file.actions.first { $0.action == .escalate }?.verdict == .refused(.needsPersuasiveContact))
        #expect(file.detail.events.filter { $0.kind == .correction }.compactMap(\.detail.corrects).sorted() == [letter, visit.eventIDs[0]].sorted())
        #expect(try desk.column("SELECT next_deadline FROM compliance_case WHERE id = ?", [id]) == nil)
    }

    @Test func theCaseColumnsSayWhatIsDueAndWhatMayMoveUp() throws {
        let desk = try Desk()
        let db = desk.db
        let due = try desk.newCase("Batik Due")
        try db.logLetter(caseID: due, kind: .notification, by: "ari", today: day(2022, 1, 3))  // deadline 17 Jan
        let promised = try desk.newCase("Batik Janji")
        try db.logPromise(caseID: promised, until: day(2022, 1, 20), by: "ari", today: day(2022, 1, 4))
        let ready = try desk.newCase("Batik Siap")
        try db.logLetter(caseID: ready, kind: .notification, by: "ari", today: day(2022, 1, 3))
        try db.logVisit(caseID: ready, AppDatabase.VisitReport(kind: .kunjungan, outcome: .met), by: "ari", today: day(2022, 1, 4))
        try db.logLetter(caseID: ready, kind: .warning1, by: "ari", today: day(2022, 1, 5))  // may move up from 20 Jan
        var listed: [CaseSummary] = []
        try db.forEachCase(assignee: "ari") { listed.append($0); return true }
        #expect(listed.map(\.caseID) == [due, promised, ready])
        #expect(listed.map(\.nextDeadline) == [day(2022, 1, 17), day(2022, 1, 20), day(2022, 1, 19)])
        #expect(listed.map(\.promiseUntil) == [nil, day(2022, 1, 20), nil])
        #expect(listed.map(\.escalationOpens) == [nil, day(2022, 1, 21), day(2022, 1, 20)])
        #expect(listed.allSatisfy { $0.assigneeName == "Ari Wibowo" })
        var warned: [Int64] = []
        try db.forEachCase(stage: .warning1) { warned.append($0.caseID); return true }
        #expect(warned == [ready])
        var none = 0
        try db.forEachCase(assignee: "dewi") { _ in none += 1; return true }
        #expect(none == 0)
    }

    /// Replays every demo case through the policy: each stage change was allowed on its day.
    @Test func demoHistoriesFollowTheRules() throws {
        let db = try AppDatabase.inMemory()
        try db.writeDemo(DemoOptions(companies: 3_000, seed: 7, today: Fixture.today, creator: "kepala"), progress: nil)
        let policy = try db.policy()
        #expect(policy == DemoLoader.policy)
        var roles: [String: OfficerRole] = [:]
        for o in try db.officers() { roles[o.login] = o.role }
        #expect(roles["kepala"] == .admin && roles["sri.rahayu"] == .supervisor)
        let rows = try db.read { d in
            try Row.fetchAll(d, sql: "SELECT id, opened_on, stage, next_deadline, escalation_opens, promise_until, referral_requested_by, assignee FROM compliance_case")
        }
        var checked = 0
        var byStage: [Stage: Int] = [:]
        for r in rows {
            let id: Int64 = r[0]
            let events = try db.read { try AppDatabase.events($0, caseID: id) }
            let opened = Day(parsing: r[1])!
            for (i, e) in events.enumerated() where e.kind == .stageChange {
                let to = e.detail.toStage!
                // An approval is judged before its approval event, which the store writes with the change.
                let cut = to == .referred ? (events[..<i].lastIndex { $0.kind == .approval } ?? i) : i
                let before = CaseState(openedOn: opened, events: Array(events[..<cut]))
                let action: CaseAction = to == .compliant ? .comply : to == .closed ? .close
                    : to == .referred ? .approveReferral : to == before.stage.next ? .escalate : .stepDown
                let who = Identity.officer(Officer(login: e.actor, name: e.actor, role: roles[e.actor] ?? .petugas))
                let v = policy.verdict(action, before, by: who, today: e.occurredOn)
                #expect(v == .allowed(newStage: to) || (action == .escalate && v.isAllowed), "case \(id) to \(to) on \(e.occurredOn): \(v)")
                #expect(before.stage == e.detail.fromStage, "case \(id)")
                checked += 1
            }
            #expect(events.allSatisfy { $0.occurredOn < Fixture.today && policy.calendar.isWorkingDay($0.occurredOn) }, "case \(id)")
            for e in events where e.kind == .letter {
                // Numbered in the standard pattern, as the store numbers letters.
                let n = try #require(e.detail.letterNumber)
                let seq = try #require(Int(n.split(separator: "/")[1]))
                #expect(n == LetterNumberPattern.render(LetterNumberPattern.standard, sequence: seq, day: e.occurredOn,
                                                        kind: e.detail.letterKind!, branchCode: "KC-PKL"))
            }
            let state = CaseState(openedOn: opened, events: events)
            #expect(state.stage.rawValue == r[2] as String, "case \(id)")
            #expect(policy.nextDeadline(state)?.iso == r[3] as String?, "case \(id)")
            #expect(policy.escalationOpens(state)?.iso == r[4] as String?, "case \(id)")
            #expect(state.openPromise?.until.iso == r[5] as String?, "case \(id)")
            #expect(state.referralRequest?.requestedBy == r[6] as String?, "case \(id)")
            byStage[state.stage, default: 0] += 1
        }
        #expect(checked > 3_000)
        #expect(byStage.count == Stage.allCases.count)
        // The writer of the demo has a share of the cases, some due, some ready to move up; some
        // referrals wait for a supervisor.
        func count(_ sql: String) throws -> Int {
            try db.read { try Int.fetchOne($0, sql: sql, arguments: [Fixture.today.iso]) ?? 0 }
        }
        #expect(try count("SELECT count(*) FROM compliance_case WHERE assignee = 'kepala' OR ? IS NULL") > 200)
        #expect(try count("SELECT count(*) FROM compliance_case WHERE assignee = 'kepala' AND next_deadline <= ?") > 0)
        #expect(try count("SELECT count(*) FROM compliance_case WHERE assignee = 'kepala' AND escalation_opens <= ?") > 0)
        #expect(try count("SELECT count(*) FROM compliance_case WHERE referral_requested_by IS NOT NULL AND ? IS NOT NULL") > 0)
        // Letter numbers go on after the demo's.
        let last = try db.read { try Int.fetchOne($0, sql: "SELECT last FROM letter_sequence WHERE year = 2026") } ?? 0
        let letters2026 = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM case_event WHERE kind = 'letter' AND occurred_on LIKE '2026-%'") }
        #expect(last == letters2026 && last > 0)
    }
}
