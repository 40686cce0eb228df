import KawalDomain
import Testing
@testable import KawalUI

let caseToday = Day(year: 2022, month: 1, day: 17)!
let officer = ActingOfficer(login: "ari.wibowo", name: "Ari Wibowo", role: .petugas, hasOpenCases: true)
let tooEarly = Refusal.tooEarly(from: Day(year: 2022, month: 1, day: 31)!, wait: .warning1Deadline(workingDays: 10))

func officerState(_ size: Size = Size(width: 80, height: 24), supervisor: Bool = false, readOnly: Bool = false) -> AppState {
    AppState(size: size, language: .id, today: caseToday, readOnly: readOnly,
             officer: ActingOfficer(login: "ari.wibowo", name: "Ari Wibowo", role: supervisor ? .supervisor : .petugas, hasOpenCases: true))
}

func entry(_ id: Int64, _ reason: TodayReason, stage: Stage = .warning1) -> TodayEntry {
    TodayEntry(companyID: id, caseID: id * 10, companyName: "CV Batik \(id)", stage: stage, assignee: "ari.wibowo", reason: reason)
}

/// A company with an open case on Teguran I, as the store would answer.
func caseDetail(_ id: Int64 = 7, stage: Stage = .warning1) -> CompanyDetail {
    let company = Company(id: id, name: "Batik Sekar", legalForm: .cv, npwp: nil, nib: nil, npp: nil, sector: Sector.forCode("13134"),
                          address: "Jl. Hayam Wuruk 1", kelurahan: "Kauman", kecamatan: "Pekalongan Timur", phone: "", owner: "Bu Sri",
                          estimatedWorkers: 12, registeredWorkers: 0, scale: .kecil, status: .pwbd)
    let kase = ComplianceCase(id: id * 10, companyID: id, stage: stage, openedOn: Day(year: 2021, month: 11, day: 1)!,
                              nextDeadline: Day(year: 2022, month: 1, day: 31)!, assignee: "ari.wibowo")
    return CompanyDetail(company: company, sources: [], complianceCase: kase, events: [])
}

/// Types `text` key by key.
func type(_ state: inout AppState, _ text: String) {
    for c in text { _ = update(&state, .key(.char(c))) }
}

@Suite("Text field")
struct TextFieldTests {
    @Test func editsByGraphemeAndKeepsControlCharactersOut() {
        var f = TextField()
        for c in "Cafe\u{301} 🎨" { f.insert(c) }
        #expect(f.text == "Cafe\u{301} 🎨")
        #expect(f.cursor == 6)
        f.handle(.left)
        f.handle(.left)
        f.handle(.backspace)  // removes "é" (e + combining accent) as one grapheme
        #expect(f.text == "Caf 🎨")
        f.insert("\u{1B}")
        f.insert("\n")
        f.insert("\u{202E}")
        #expect(f.text == "Caf 🎨")
        f.handle(.end)
        f.handle(.ctrl("w"))
        #expect(f.text == "Caf ")
        f.handle(.home)
        f.handle(.delete)
        #expect(f.text == "af ")
    }

    @Test func windowKeepsTheCursorVisibleByDisplayWidth() {
        var f = TextField()
        for c in "蝴蝶蝴蝶蝴蝶" { f.insert(c) }  // 12 cells
        let (visible, x) = f.window(width: 7)
        #expect(TextWidth.of(visible) <= 7)
        #expect(x <= 6)
        #expect(visible.hasSuffix("蝶"))
        f.handle(.home)
        let (start, x0) = f.window(width: 7)
        #expect(start.hasPrefix("蝴"))
        #expect(x0 == 0)
    }

    @Test func maxLengthIsRespected() {
        var f = TextField(maxLength: 3)
        for c in "12345" { f.insert(c) }
        #expect(f.text == "123")
    }
}

@Suite("Forms")
struct FormTests {
    func openVisitForm() -> AppState {
        var state = officerState()
        state.stack.append(.detail(DetailState(id: 7)))
        _ = update(&state, .detailLoaded(id: 7, detail: caseDetail()))
        _ = update(&state, .outlookLoaded(companyID: 7, outlook: CaseOutlook(caseID: 70, stage: .warning1, options: [ActionOption(kind: .visit)])))
        _ = update(&state, .key(.char("V")))
        return state
    }

    func form(_ state: AppState) -> CaseFormState? {
        if case .form(let f)? = state.stack.last { return f } else { return nil }
    }

    @Test func tabAndShiftTabMoveBetweenFields() {
        var state = openVisitForm()
        #expect(form(state)?.form.focus == 0)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        #expect(form(state)?.form.focus == 2)
        _ = update(&state, .key(.backTab))
        #expect(form(state)?.form.focus == 1)
        _ = update(&state, .key(.backTab))
        _ = update(&state, .key(.backTab))
        #expect(form(state)?.form.focus == (form(state)?.form.fields.count ?? 0) - 1)
    }

    @Test func typingQInAFieldIsTextNotQuit() {
        var state = openVisitForm()
        for _ in 0..<3 { _ = update(&state, .key(.tab)) }  // Ditemui
        type(&state, "qj")
        #expect(!state.quit)
        #expect(form(state)?.form[.personMet]?.input.text == "qj")
    }

    @Test func enterSavesAValidFormAsOneRequest() {
        var state = openVisitForm()
        for _ in 0..<3 { _ = update(&state, .key(.tab)) }
        type(&state, "Bu Sri")
        let effects = update(&state, .key(.enter))
        let expected = CaseRequest.visit(VisitReport(kind: .kunjungan, date: caseToday, outcome: .met, personMet: "Bu Sri"))
        #expect(effects == [.saveCase(companyID: 7, caseID: 70, request: expected, officer: officer, today: caseToday)])
        #expect(form(state)?.form.saving == true)
    }

    @Test func badDateAndNumberShowErrorsInPlaceAndNothingIsSaved() {
        var state = openVisitForm()
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.ctrl("u")))
        type(&state, "2022-01-17")  // ISO is not the form users type
        for _ in 0..<4 { _ = update(&state, .key(.tab)) }
        type(&state, "12a")
        let effects = update(&state, .key(.enter))
        #expect(effects.isEmpty)
        let f = form(state)
        #expect(f?.form[.date]?.error == .badDate)
        #expect(f?.form[.workers]?.error == .badNumber)
        #expect(f?.form.focus == 1, "focus moves to the first field in error")
        // The error shows under its field.
        let text = view(state).text
        #expect(text.contains("Tanggal tidak valid: tulis dd/mm/yyyy"))
        #expect(text.contains("Isi angka bulat"))
        // What was typed is kept.
        #expect(f?.form[.workers]?.input.text == "12a")
    }

    @Test func aMissingReasonIsRefusedAndTheStageFormOffersOnlyAllowedTargets() {
        var state = officerState()
        state.stack.append(.detail(DetailState(id: 7)))
        _ = update(&state, .detailLoaded(id: 7, detail: caseDetail()))
        _ = update(&state, .outlookLoaded(companyID: 7, outlook: CaseOutlook(caseID: 70, stage: .warning1, options: [ActionOption(kind: .escalation)],
                                                                              targets: [.warning2, .visited])))
        _ = update(&state, .key(.char("E")))
        #expect(form(state)?.form[.targetStage]?.options.map(\.value) == ["warning2", "visited"])
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(form(state)?.form[.reason]?.error == .required)
        #expect(view(state).text.contains("Alasan wajib diisi."))
        type(&state, "Tidak ada tanggapan")
        let effects = update(&state, .key(.enter))
        #expect(effects == [.saveCase(companyID: 7, caseID: 70, request: .escalate(to: .warning2, reason: "Tidak ada tanggapan"),
                                      officer: officer, today: caseToday)])
    }

    @Test func somethingThatHappenedCannotHappenAfterToday() {
        var state = officerState()
        state.stack.append(.detail(DetailState(id: 7)))
        _ = update(&state, .detailLoaded(id: 7, detail: caseDetail()))
        _ = update(&state, .outlookLoaded(companyID: 7, outlook: CaseOutlook(caseID: 70, stage: .warning1, options: [ActionOption(kind: .contact)])))
        _ = update(&state, .key(.char("C")))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.ctrl("u")))
        type(&state, "18/01/2022")
        _ = update(&state, .key(.tab))
        type(&state, "Telepon ke pemilik")
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(form(state)?.form[.date]?.error == .inFuture)
        #expect(form(state)?.form.focus == 1)
        _ = update(&state, .key(.ctrl("u")))
        type(&state, "17/01/2022")
        #expect(update(&state, .key(.enter)) == [.saveCase(companyID: 7, caseID: 70, request: .contact(kind: .call, date: caseToday, text: "Telepon ke pemilik"),
                                                            officer: officer, today: caseToday)])
    }

    @Test func escOnACleanFormLeavesAtOnce() {
        var state = openVisitForm()
        _ = update(&state, .key(.escape))
        #expect(form(state) == nil)
        if case .detail? = state.stack.last {} else { Issue.record("back to the detail") }
    }

    @Test func escOnADirtyFormAsksFirst() {
        var state = openVisitForm()
        for _ in 0..<3 { _ = update(&state, .key(.tab)) }
        type(&state, "Pak Karyo")
        _ = update(&state, .key(.escape))
        #expect(form(state)?.form.confirmingDiscard == true)
        #expect(view(state).text.contains("Buang isian formulir ini?"))
        // "n" keeps editing, with the text intact.
        _ = update(&state, .key(.char("n")))
        #expect(form(state)?.form.confirmingDiscard == false)
        #expect(form(state)?.form[.personMet]?.input.text == "Pak Karyo")
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.char("y")))
        #expect(form(state) == nil)
    }

    @Test func aFailedSaveKeepsTheFormAndWhatWasTyped() {
        var state = openVisitForm()
        for _ in 0..<3 { _ = update(&state, .key(.tab)) }
        type(&state, "Bu Sri")
        _ = update(&state, .key(.enter))
        _ = update(&state, .caseSaveFailed(companyID: 7, failure: .refused(tooEarly)))
        let f = form(state)
        #expect(f?.form.saving == false)
        #expect(f?.form[.personMet]?.input.text == "Bu Sri")
        #expect(view(state).text.contains("Teguran II bisa dikirim mulai Senin, 31 Januari 2022"))
        // Saving again works from what is there.
        #expect(!update(&state, .key(.enter)).isEmpty)
        // Locked out by a long import: said in words, the form still kept.
        _ = update(&state, .caseSaveFailed(companyID: 7, failure: .busy))
        #expect(form(state)?.form[.personMet]?.input.text == "Bu Sri")
        #expect(view(state).text.contains("sedang ditulis proses lain"))
        _ = update(&state, .caseSaveFailed(companyID: 7, failure: .diskFull))
        #expect(form(state)?.form[.personMet]?.input.text == "Bu Sri")
        #expect(view(state).text.contains("disk server penuh"))
    }

    @Test func aSavedFormClosesAndTheCaseReloads() {
        var state = openVisitForm()
        _ = update(&state, .key(.enter))
        let effects = update(&state, .caseSaved(companyID: 7, request: .visit(VisitReport(kind: .kunjungan, date: caseToday, outcome: .met))))
        #expect(form(state) == nil)
        #expect(effects.contains(.loadDetail(id: 7)))
        #expect(effects.contains { if case .loadWorklist = $0 { true } else { false } })
        #expect(state.message?.isError == false)
    }

    @Test func blockedActionsSayWhyAndOpenNoForm() {
        var state = officerState()
        state.stack.append(.detail(DetailState(id: 7)))
        _ = update(&state, .detailLoaded(id: 7, detail: caseDetail()))
        let reason = "Teguran II bisa dikirim mulai Senin, 31 Januari 2022 (10 hari kerja setelah Teguran I)"
        _ = update(&state, .outlookLoaded(companyID: 7, outlook: CaseOutlook(caseID: 70, stage: .warning1, options: [
            ActionOption(kind: .letter), ActionOption(kind: .escalation, blocked: .policy(tooEarly)),
            ActionOption(kind: .approval, blocked: .policy(.roleNotAllowed(.petugas, needs: .supervisor))),
        ])))
        let text = view(state).text
        #expect(text.contains("E Naik tahap: Teguran II bisa dikirim mulai Senin"))
        #expect(text.contains("L Surat"))
        _ = update(&state, .key(.char("E")))
        #expect(form(state) == nil)
        #expect(state.message?.text == reason)
    }

    @Test func anUnknownLoginOrReadOnlyDatabaseCannotOpenForms() {
        for state0 in [makeState(), officerState(readOnly: true)] {
            var state = state0
            state.stack.append(.detail(DetailState(id: 7)))
            _ = update(&state, .detailLoaded(id: 7, detail: caseDetail()))
            _ = update(&state, .key(.char("V")))
            #expect(form(state) == nil)
            #expect(state.message?.isError == true)
        }
    }

    @Test func theDetailAsksThePolicyOnceTheCaseIsKnown() {
        var state = officerState()
        state.stack.append(.detail(DetailState(id: 7)))
        let effects = update(&state, .detailLoaded(id: 7, detail: caseDetail()))
        #expect(effects == [.loadOutlook(companyID: 7, caseID: 70, officer: officer, today: caseToday)])
    }
}

@Suite("TodayList")
struct WorklistUpdateTests {
    func loaded(supervisor: Bool = false) -> AppState {
        var state = officerState(supervisor: supervisor)
        let effects = start(&state)
        #expect(effects.contains(.loadWorklist(generation: 1, query: TodayQuery(scope: .mine, officer: "ari.wibowo", today: caseToday))))
        var w = TodayList()
        w.entries[.deadlines] = [entry(1, .deadline(Day(year: 2022, month: 1, day: 14)!)), entry(2, .deadline(caseToday))]
        w.entries[.promises] = [entry(3, .promise(Day(year: 2022, month: 1, day: 20)!))]
        w.entries[.escalations] = [entry(1, .mayEscalate(to: .warning2))]
        w.entries[.approvals] = [entry(4, .approval(requestedBy: "dewi.lestari", on: caseToday), stage: .sanctionRecommended)]
        _ = update(&state, .worklistLoaded(generation: 1, worklist: w))
        _ = update(&state, .stageCountsLoaded(generation: 1, counts: [.warning1: 3, .sanctionRecommended: 1]))
        return state
    }

    @Test func anOfficerStartsOnTodaysWorklist() {
        let state = loaded()
        #expect(state.root == .worklist)
        let text = view(state).text
        #expect(text.contains("Hari ini"))
        #expect(text.contains("tenggat lewat 3 hari · 14/01/22"))
        #expect(text.contains("tenggat hari ini"))
        #expect(text.contains("janji s/d 20/01/22, 3 hari lagi"))
        #expect(text.contains("boleh naik ke Teguran II"))
        #expect(text.contains("Teguran I 3"))
    }

    @Test func theExportKeyOnTodaysWorklistSaysWhereExportIs() {
        var state = loaded()
        #expect(update(&state, .key(.char("e"))).isEmpty)
        #expect(state.root == .worklist && !state.exporting)
        #expect(state.message == Message(text: "Ekspor ada di daftar perusahaan: t, saring (misalnya per tahap), lalu e.", isError: true))
        let lines = view(state).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 23 && lines[22].hasPrefix("Ekspor ada di daftar perusahaan: t, saring"), "\(lines)")
        // As it says: t, then e exports the companies list.
        _ = update(&state, .key(.char("t")))
        #expect(update(&state, .key(.char("e"))).contains { if case .exportList = $0 { true } else { false } })
    }

    @Test func unknownLoginsAndReadOnlyDatabasesStartOnTheCompaniesList() {
        #expect(makeState().root == .companies)
        // An admin with no cases of their own, too.
        #expect(AppState(size: Size(width: 80, height: 24), language: .id, today: caseToday, readOnly: false,
                         officer: ActingOfficer(login: "admin", role: .admin)).root == .companies)
        #expect(AppState(size: Size(width: 80, height: 24), language: .id, today: caseToday, readOnly: false,
                         officer: ActingOfficer(login: "sri", role: .supervisor)).root == .worklist)
        #expect(officerState(readOnly: true).root == .companies)
        var state = makeState()
        #expect(!start(&state).contains { if case .loadWorklist = $0 { true } else { false } })
    }

    @Test func approvalsShowOnlyToSupervisors() {
        #expect(!view(loaded()).text.contains("Menunggu persetujuan"))
        #expect(loaded().worklist.entries.count == 4)
        let sup = loaded(supervisor: true)
        #expect(view(sup).text.contains("Menunggu persetujuan"))
        #expect(view(sup).text.contains("diminta dewi.lestari"))
        #expect(sup.worklist.entries.count == 5)
    }

    @Test func enterOpensTheSelectedCase() {
        var state = loaded()
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))
        let effects = update(&state, .key(.enter))
        #expect(effects == [.loadDetail(id: 3)])
        if case .detail(let d)? = state.stack.last { #expect(d.id == 3) } else { Issue.record("no detail") }
    }

    @Test func mineAndAllToggleAndOldAnswersAreIgnored() {
        var state = loaded()
        let effects = update(&state, .key(.char("m")))
        let all = TodayQuery(scope: .all, officer: "ari.wibowo", today: caseToday)
        #expect(effects == [.loadWorklist(generation: 2, query: all), .loadStageCounts(generation: 2, query: all)])
        #expect(state.worklist.worklist == nil)
        #expect(state.worklist.stageCounts == nil)
        // Counts for the old scope are ignored too.
        _ = update(&state, .stageCountsLoaded(generation: 1, counts: [.warning1: 99]))
        #expect(state.worklist.stageCounts == nil)
        // A late answer for "mine" does not replace the coming "all".
        _ = update(&state, .worklistLoaded(generation: 1, worklist: TodayList()))
        #expect(state.worklist.worklist == nil)
        _ = update(&state, .worklistLoaded(generation: 2, worklist: TodayList()))
        #expect(state.worklist.worklist != nil)
        #expect(view(state).text.contains("Semua kasus"))
    }

    @Test func aKeySwitchesToTheCompaniesListAndBack() {
        var state = loaded()
        _ = update(&state, .key(.char("t")))
        #expect(state.root == .companies)
        let effects = update(&state, .key(.char("t")))
        #expect(state.root == .worklist)
        #expect(effects.contains { if case .loadWorklist = $0 { true } else { false } })
    }

    @Test func theCursorScrollsWithTheList() {
        var state = officerState(Size(width: 80, height: 12))
        _ = start(&state)
        var w = TodayList()
        w.entries[.deadlines] = (1...30).map { entry(Int64($0), .deadline(caseToday)) }
        _ = update(&state, .worklistLoaded(generation: 1, worklist: w))
        for _ in 0..<29 { _ = update(&state, .key(.down)) }
        #expect(state.worklist.selected?.companyID == 30)
        #expect(view(state).text.contains("CV Batik 30"))
        _ = update(&state, .key(.char("g")))
        #expect(view(state).text.contains("CV Batik 1 "))
    }
}
