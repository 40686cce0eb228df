import KawalDomain

// The case desk's part of `update`: the worklist, case actions, forms and letter previews.
// Pure like the rest: effects go out, their answers come back as actions.

/// The worklist query for the state's officer, scope and day.
func worklistQuery(_ state: AppState) -> TodayQuery {
    TodayQuery(scope: state.worklist.scope, officer: state.officer.login, today: state.today)
}

/// Asks for the worklist again (a new generation: an older answer is ignored).
func reloadWorklist(_ state: inout AppState) -> [Effect] {
    state.worklist.generation += 1
    let query = worklistQuery(state)
    return [.loadWorklist(generation: state.worklist.generation, query: query),
            .loadStageCounts(generation: state.worklist.generation, query: query)]
}

/// Lines of the worklist's entry list that fit on screen.
func worklistHeight(_ state: AppState) -> Int { max(1, state.size.height - WorklistLayout.listTop(state.size) - 2) }

/// Applies the answers of the case effects.
func updateCase(_ state: inout AppState, _ action: Action) -> [Effect] {
    let s = state.strings
    switch action {
    case .worklistLoaded(let generation, let worklist):
        guard generation == state.worklist.generation else { return [] }
        let keep = state.worklist.selected
        state.worklist.worklist = worklist
        let entries = state.worklist.entries
        // Keep the selection on the same case when it is still there.
        if let keep, let i = entries.firstIndex(where: { $0.caseID == keep.caseID }) {
            state.worklist.cursor = i
        } else {
            state.worklist.cursor = min(state.worklist.cursor, max(0, entries.count - 1))
        }
        keepWorklistCursorVisible(&state)
        return []
    case .stageCountsLoaded(let generation, let counts):
        guard generation == state.worklist.generation else { return [] }
        state.worklist.stageCounts = counts
        return []
    case .outlookLoaded(let companyID, let outlook):
        for i in state.stack.indices {
            if case .detail(var d) = state.stack[i], d.id == companyID {
                d.outlook = outlook
                state.stack[i] = .detail(d)
            }
        }
        return []
    case .caseSaved(let companyID, let request):
        // Close the form, reload the case and the worklist: the timeline shows the new event.
        if case .form(let f)? = state.stack.last, f.companyID == companyID { state.stack.removeLast() }
        state.message = Message(text: s.text(CaseScreenText.savedMessage, savedWhat(request, s)), isError: false)
        var effects: [Effect] = [.loadDetail(id: companyID)]
        effects += reloadWorklist(&state)
        return effects
    case .caseSaveFailed(let companyID, let failure):
        // The form stays open with everything typed; the reason shows in it.
        if case .form(var f)? = state.stack.last, f.companyID == companyID {
            f.form.saving = false
            f.form.saveError = describe(failure, s)
            state.stack[state.stack.count - 1] = .form(f)
        } else {
            state.message = Message(text: describe(failure, s), isError: true)
        }
        return []
    case .letterLoaded(let caseID, let kind, let letter):
        for i in state.stack.indices {
            if case .letter(var l) = state.stack[i], l.caseID == caseID, l.kind == kind {
                switch letter {
                case .success(let text): l.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                case .failure(let f): l.failure = f
                }
                state.stack[i] = .letter(l)
            }
        }
        return []
    case .letterWritten(let path):
        if case .letter(var l)? = state.stack.last {
            l.writtenTo = path
            state.stack[state.stack.count - 1] = .letter(l)
        }
        state.message = Message(text: s.text(CaseScreenText.letterWritten, path), isError: false)
        return []
    case .letterWriteFailed(let path, let message):
        state.message = Message(text: s.text(CaseScreenText.letterWriteFailed, path, message), isError: true)
        return []
    default:
        return []
    }
}

/// A save failure in plain words, with what to do next.
func describe(_ failure: SaveFailure, _ s: Strings) -> String {
    switch failure {
    case .refused(let refusal): return s.refusal(refusal)
    case .readOnly: return s.text(CaseScreenText.failReadOnly)
    case .busy: return s.text(CaseScreenText.failBusy)
    case .diskFull: return s.text(CaseScreenText.failDiskFull)
    case .notAnOfficer: return s.text(CaseScreenText.failNotOfficer)
    case .other(let message): return s.text(CaseScreenText.failOther, message)
    }
}

/// A block reason in plain words.
func describe(_ reason: BlockReason, _ s: Strings) -> String {
    switch reason {
    case .readOnly: return s.text(CaseScreenText.blockedReadOnly)
    case .notAnOfficer: return s.text(CaseScreenText.blockedNotOfficer)
    case .policy(let refusal): return s.refusal(refusal)
    }
}

/// What was saved, for the message after saving.
func savedWhat(_ request: CaseRequest, _ s: Strings) -> String {
    switch request {
    case .letter(let kind, _, _): return s.letterKind(kind)
    case .visit(let v): return v.kind == .kunjungan ? s[.visitKunjungan] : s[.visitPemeriksaan]
    case .contact(let kind, _, _): return s.eventKind(kind)
    case .promise: return s.eventKind(.promise)
    case .escalate(let to, _): return s.stage(to)
    case .approve: return s.eventKind(.approval)
    case .comply: return s.stage(.compliant)
    case .close: return s.stage(.closed)
    }
}

// MARK: Keys

/// Keys on the worklist.
func worklistCommand(_ state: inout AppState, _ command: Command?) -> [Effect] {
    let h = worklistHeight(state)
    let count = state.worklist.entries.count
    func move(_ to: Int) -> [Effect] {
        state.worklist.cursor = max(0, min(to, count - 1))
        keepWorklistCursorVisible(&state)
        return []
    }
    switch command {
    case .quit: state.quit = true; return []
    case .down: return move(state.worklist.cursor + 1)
    case .up: return move(state.worklist.cursor - 1)
    case .pageDown: return move(state.worklist.cursor + h)
    case .pageUp: return move(state.worklist.cursor - h)
    case .halfPageDown: return move(state.worklist.cursor + max(1, h / 2))
    case .halfPageUp: return move(state.worklist.cursor - max(1, h / 2))
    case .top: return move(0)
    case .bottom: return move(count - 1)
    case .open:
        guard let e = state.worklist.selected else { return [] }
        state.stack.append(.detail(DetailState(id: e.companyID)))
        return [.loadDetail(id: e.companyID)]
    case .scope:
        state.worklist.scope = state.worklist.scope == .mine ? .all : .mine
        state.worklist.worklist = nil
        state.worklist.stageCounts = nil
        state.worklist.cursor = 0
        state.worklist.top = 0
        return reloadWorklist(&state)
    case .today:
        state.root = .companies
        return []
    case .search, .filter, .sort:
        // The list's own keys take the user there.
        state.root = .companies
        return listCommand(&state, command)
    case .importHistory, .duplicateReview:
        // The import history and the duplicate review open from today's work too.
        return intakeListCommand(&state, command!)
    case .exportList:
        // Today's work is a to-do list, not a list to take to a meeting: say where export is.
        state.message = Message(text: state.strings.text(IntakeText.exportFromWorklist), isError: true)
        return []
    case .help:
        state.stack.append(.help(scroll: 0))
        return []
    default:
        return []
    }
}

/// Switches to the worklist from the companies list, loading it the first time.
func showWorklist(_ state: inout AppState) -> [Effect] {
    state.root = .worklist
    return reloadWorklist(&state)
}

func keepWorklistCursorVisible(_ state: inout AppState) {
    let h = worklistHeight(state)
    // Count section headings above the cursor: the list scrolls by lines, not entries.
    let line = WorklistLayout.line(ofEntry: state.worklist.cursor, in: state.worklist)
    if line < state.worklist.top { state.worklist.top = max(0, line - 1) }
    if line >= state.worklist.top + h { state.worklist.top = line - h + 1 }
    state.worklist.top = max(0, state.worklist.top)
}

/// A case action from the detail screen: opens its form, or says why it is blocked.
func caseActionCommand(_ state: inout AppState, _ d: DetailState, _ command: Command) -> [Effect] {
    let s = state.strings
    guard let detail = d.detail, let kase = detail.complianceCase else {
        state.message = Message(text: s[.detailNoCase], isError: true)
        return []
    }
    if command == .previewLetter {
        let kind = CaseFormKind.suggestedLetter(kase.stage)
        state.stack.append(.letter(LetterPreviewState(caseID: kase.id, companyName: detail.company.displayName, kind: kind)))
        return [.loadLetter(caseID: kase.id, kind: kind, date: state.today, draftNumber: s.text(CaseScreenText.draftNumber))]
    }
    guard let kind = command.form else { return [] }
    if let blocked = blockReason(state, d, kind) {
        state.message = Message(text: describe(blocked, s), isError: true)
        return []
    }
    let fields = kind.fields(s, today: state.today, stage: kase.stage, targets: d.outlook?.targets ?? [])
    var notice: String?
    if kind == .escalation, let up = d.outlook?.upBlocked { notice = s.text(CaseScreenText.escalationNotice, describe(up, s)) }
    if kind == .approval, let r = d.outlook?.referral {
        notice = s.text(CaseScreenText.approvalNotice, r.requestedBy, s.mediumDate(r.day), r.justification)
    }
    state.stack.append(.form(CaseFormState(kind: kind, companyID: detail.company.id, caseID: kase.id,
                                           companyName: detail.company.displayName, form: FormState(fields: fields), notice: notice)))
    return []
}

/// Why `kind` cannot be done now on the case shown, or nil when it can.
func blockReason(_ state: AppState, _ d: DetailState, _ kind: CaseFormKind) -> BlockReason? {
    if state.readOnly { return .readOnly }
    if !state.officer.isKnown { return .notAnOfficer }
    return d.outlook?.option(kind)?.blocked
}

/// Keys on an open form: everything goes to the form first.
func formKey(_ state: inout AppState, _ f: CaseFormState, _ key: Key) -> [Effect] {
    var f = f
    if key == .ctrl("l") { return [.redraw] }
    let outcome = f.form.handle(key, canPreview: f.kind == .letter)
    switch outcome {
    case .none:
        state.stack[state.stack.count - 1] = .form(f)
        return []
    case .cancelled:
        state.stack.removeLast()
        return []
    case .submit(let values):
        switch f.kind.request(values, today: state.today) {
        case .failure(let problem):
            f.form.fail(problem.field, problem.error)
            state.stack[state.stack.count - 1] = .form(f)
            return []
        case .success(let request):
            f.form.saving = true
            state.stack[state.stack.count - 1] = .form(f)
            return [.saveCase(companyID: f.companyID, caseID: f.caseID, request: request, officer: state.officer, today: state.today)]
        }
    case .preview(let values):
        state.stack[state.stack.count - 1] = .form(f)
        guard case .success(.letter(let kind, let date, _)) = f.kind.request(values, today: state.today) else { return [] }
        state.stack.append(.letter(LetterPreviewState(caseID: f.caseID, companyName: f.companyName, kind: kind)))
        return [.loadLetter(caseID: f.caseID, kind: kind, date: date, draftNumber: state.strings.text(CaseScreenText.draftNumber))]
    }
}

/// Keys on the letter preview.
func letterCommand(_ state: inout AppState, _ l: LetterPreviewState, _ command: Command?) -> [Effect] {
    var l = l
    let page = max(1, state.size.height - LetterLayout.top - 2)
    let limit = max(0, LetterLayout.wrapped(l.lines ?? [], width: state.size.width - 2).count - page)
    func set(_ scroll: Int) -> [Effect] {
        l.scroll = max(0, min(scroll, limit))
        state.stack[state.stack.count - 1] = .letter(l)
        return []
    }
    switch command {
    case .quit, .back: state.stack.removeLast(); return []
    case .down: return set(l.scroll + 1)
    case .up: return set(l.scroll - 1)
    case .pageDown: return set(l.scroll + page)
    case .pageUp: return set(l.scroll - page)
    case .halfPageDown: return set(l.scroll + max(1, page / 2))
    case .halfPageUp: return set(l.scroll - max(1, page / 2))
    case .top: return set(0)
    case .bottom: return set(limit)
    case .writeLetter:
        guard let lines = l.lines else { return [] }
        return [.writeLetter(text: lines.joined(separator: "\n"), path: letterFileName(l, state.today))]
    case .help: state.stack.append(.help(scroll: 0)); return []
    default: return []
    }
}

/// `surat-teguran1-kasus-42-2026-11-27.txt`: a name that says what the file holds.
func letterFileName(_ l: LetterPreviewState, _ today: Day) -> String {
    "surat-\(l.kind.rawValue.lowercased())-kasus-\(l.caseID)-\(today.iso).txt"
}
