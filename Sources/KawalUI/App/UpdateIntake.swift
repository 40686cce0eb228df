import KawalDomain

// Data intake in the TUI: exporting the list as shown, the import history and the review of
// possible duplicates. Called from `update`; pure like it.

/// A command of the companies list that belongs to data intake.
func intakeListCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
    let s = state.strings
    switch command {
    case .exportList:
        guard !state.exporting else {
            state.exportQuestion = .cancel
            state.message = Message(text: s.text(IntakeText.exportAskCancel), isError: false)
            return []
        }
        state.exporting = true
        state.exportProgress = ExportProgress(rows: 0, total: state.list.totalIsExact ? state.list.total : nil)
        // The line above the status bar says how far it has come (CompaniesScreen).
        state.message = nil
        // Excel in an Indonesian locale splits on `;`, in an English one on `,`.
        let name = s.text(IntakeText.exportFileBaseCompanies) + "-" + state.today.iso
        return [.exportList(query: state.list.query, fileName: name, delimiter: state.language == .id ? .semicolon : .comma, language: state.language)]
    case .importHistory:
        return openImportHistory(&state)
    case .duplicateReview:
        return openDuplicateReview(&state)
    default:
        return []
    }
}

/// An answer to an intake effect.
func intakeUpdate(_ state: inout AppState, _ action: Action) -> [Effect] {
    let s = state.strings
    switch action {
    case .exportProgress(let rows):
        if state.exporting { state.exportProgress.rows = rows }
    case .exportFinished(let path, let rows):
        state.exporting = false
        // The path's end (the file name) matters most: a path too long for the line loses its start.
        let words = s.exportDone(rows: rows, path: "")
        let room = max(12, state.size.width - TextWidth.of(words))
        state.message = Message(text: s.exportDone(rows: rows, path: TextWidth.truncateStart(path, to: room)), isError: false)
    case .latestImportLoaded(let run):
        // The first answer is what was there when the session began; a later import is said.
        if case .known(let seen) = state.latestImport, let run, run.id != seen {
            let c = run.counts
            state.message = Message(text: s.text(IntakeText.importArrived, String(run.id), s.source(run.source.dataSource), run.actor,
                                                 s.number(c.new), s.number(c.merged), s.number(c.flagged)), isError: false)
        }
        state.latestImport = .known(run?.id)
    case .exportCancelled:
        state.exporting = false
        state.message = Message(text: s.text(IntakeText.exportCancelled), isError: false)
    case .exportFailed(let message):
        state.exporting = false
        state.message = Message(text: message, isError: true)
    default:
        return intakeReviewUpdate(&state, action)
    }
    return []
}

extension TextWidth {
    /// The longest suffix of `s` that fits in `width` cells, after `…` when cut: for paths, whose end says most.
    static func truncateStart(_ s: String, to width: Int) -> String {
        guard width > 1 else { return width == 1 ? "…" : "" }
        if of(s) <= width { return s }
        var out: [Character] = []
        var used = 0
        for ch in s.reversed() {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return "…" + String(out.reversed())
    }
}

// MARK: Opening the screens

/// Opens the import history and asks for it.
func openImportHistory(_ state: inout AppState) -> [Effect] {
    state.stack.append(.importHistory(ImportHistoryState()))
    return [.loadImportRuns(limit: ImportHistoryState.limit)]
}

/// Opens the duplicate review and asks for the pending pairs.
func openDuplicateReview(_ state: inout AppState) -> [Effect] {
    state.stack.append(.duplicates(DuplicateReviewState()))
    return [.loadDuplicates(page: .first, limit: DuplicateReviewState.limit)]
}

/// Rows of the import history table that fit.
func importHistoryHeight(_ size: Size) -> Int { max(1, size.height - ImportHistoryLayout.detailLines - 4) }

func intakeResized(_ state: inout AppState) {
    if case .importHistory(var h)? = state.stack.last {
        h.keepCursorVisible(height: importHistoryHeight(state.size))
        state.stack[state.stack.count - 1] = .importHistory(h)
    }
}

extension ImportHistoryState {
    mutating func keepCursorVisible(height: Int) {
        cursor = max(0, min(cursor, runs.count - 1))
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, top)
    }
}

// MARK: Import history

func importHistoryCommand(_ state: inout AppState, _ h: ImportHistoryState, _ command: Command?) -> [Effect] {
    var h = h
    let height = importHistoryHeight(state.size)
    func move(_ to: Int) -> [Effect] {
        h.cursor = to
        h.keepCursorVisible(height: height)
        state.stack[state.stack.count - 1] = .importHistory(h)
        return []
    }
    switch command {
    case .quit, .back, .importHistory: state.stack.removeLast(); return []
    case .down: return move(h.cursor + 1)
    case .up: return move(h.cursor - 1)
    case .pageDown, .halfPageDown: return move(h.cursor + (command == .pageDown ? height : max(1, height / 2)))
    case .pageUp, .halfPageUp: return move(h.cursor - (command == .pageUp ? height : max(1, height / 2)))
    case .top: return move(0)
    case .bottom: return move(h.runs.count - 1)
    case .duplicateReview:
        state.stack.removeLast()
        return openDuplicateReview(&state)
    case .help: state.stack.append(.help(scroll: 0)); return []
    default: return []
    }
}

// MARK: Duplicate review

func duplicateReviewKey(_ state: inout AppState, _ r: DuplicateReviewState, _ key: Key, _ command: Command?) -> [Effect] {
    var r = r
    let s = state.strings
    func store() { state.stack[state.stack.count - 1] = .duplicates(r) }
    if let asked = r.confirming {
        // The confirmation takes the next key: y (or Enter) decides, anything else cancels.
        r.confirming = nil
        let decision = asked.decision
        guard key == .char("y") || key == .char("Y") || key == .enter, let pair = r.selected, pair.id == asked.pairID else {
            store()
            return []
        }
        r.saving = pair.id
        store()
        state.message = Message(text: s.text(IntakeText.reviewBusy), isError: false)
        return [.resolveDuplicate(pair: pair, decision: decision, today: state.today)]
    }
    /// Reads another page; the cursor moves when it comes. One page at a time.
    func turn(to page: DuplicatePage) -> [Effect] {
        guard r.paging == nil else { return [] }
        r.paging = page
        store()
        return [.loadDuplicates(page: page, limit: DuplicateReviewState.limit)]
    }
    switch command {
    case .quit, .back, .duplicateReview: state.stack.removeLast(); return []
    case .down, .nextMatch, .pageDown, .halfPageDown:
        // From the end of the page, the next page of the queue; else a row, a screenful of the
        // list below the pair, or half of one.
        if r.cursor + 1 >= r.pairs.count, r.hasMoreAfter, let last = r.pairs.last { return turn(to: .after(last.id)) }
        r.cursor = min(max(0, r.pairs.count - 1), r.cursor + reviewStep(command, state.size))
    case .up, .previousMatch, .pageUp, .halfPageUp:
        if r.cursor == 0, r.first > 0, let first = r.pairs.first { return turn(to: .before(first.id)) }
        r.cursor = max(0, r.cursor - reviewStep(command, state.size))
    case .top:
        if r.first > 0 { return turn(to: .first) }
        r.cursor = 0
    case .bottom:
        if r.hasMoreAfter { return turn(to: .last) }
        r.cursor = max(0, r.pairs.count - 1)
    case .mergeDuplicate, .keepApart:
        guard let pair = r.selected, r.saving == nil else { return [] }
        guard !state.readOnly else {
            state.message = Message(text: s.text(IntakeText.reviewReadOnly), isError: true)
            return []
        }
        r.confirming = .init(decision: command == .mergeDuplicate ? .merge : .keepApart, pairID: pair.id)
    case .open, .openIncoming:
        guard let pair = r.selected else { return [] }
        let id = command == .open ? pair.existing.id : pair.incoming.id
        state.stack.append(.detail(DetailState(id: id)))
        return [.loadDetail(id: id)]
    case .importHistory:
        state.stack.removeLast()
        return openImportHistory(&state)
    case .help: state.stack.append(.help(scroll: 0)); return []
    default: return []
    }
    store()
    return []
}

// MARK: Sources panel

func toggleSources(_ state: inout AppState, _ d: DetailState) -> [Effect] {
    var d = d
    d.showSources.toggle()
    state.stack[state.stack.count - 1] = .detail(d)
    return []
}

/// Keys while the sources panel is open over the detail: it closes on Esc, q or v.
func sourcesPanelCommand(_ state: inout AppState, _ d: DetailState, _ command: Command?) -> [Effect] {
    switch command {
    case .quit, .back, .sources: return toggleSources(&state, d)
    case .help: state.stack.append(.help(scroll: 0)); return []
    default: return []
    }
}

// MARK: Answers

/// Replaces the top screen when it is the import history / duplicate review.
private func withImportHistory(_ state: inout AppState, _ body: (inout ImportHistoryState) -> Void) {
    for i in state.stack.indices.reversed() {
        if case .importHistory(var h) = state.stack[i] {
            body(&h)
            state.stack[i] = .importHistory(h)
            return
        }
    }
}

private func withReview(_ state: inout AppState, _ body: (inout DuplicateReviewState) -> Void) {
    for i in state.stack.indices.reversed() {
        if case .duplicates(var r) = state.stack[i] {
            body(&r)
            state.stack[i] = .duplicates(r)
            return
        }
    }
}

func intakeReviewUpdate(_ state: inout AppState, _ action: Action) -> [Effect] {
    let s = state.strings
    switch action {
    case .importRunsLoaded(let runs, let total):
        let height = importHistoryHeight(state.size)
        withImportHistory(&state) { h in
            // Read again (a new import elsewhere comes first): the same import stays selected.
            if let current = h.selected?.id, let i = runs.firstIndex(where: { $0.id == current }) { h.cursor = i }
            h.runs = runs
            h.total = total
            h.loaded = true
            h.keepCursorVisible(height: height)
        }
        return []
    case .duplicatesLoaded(let pairs, let pending, let first):
        var withdrawn = false
        withReview(&state) { r in
            let current = r.selected?.id
            // The pair being confirmed was decided elsewhere: the question goes with it.
            if let asked = r.confirming, !pairs.contains(where: { $0.id == asked.pairID }) {
                r.confirming = nil
                withdrawn = true
            }
            let last = max(0, pairs.count - 1)
            switch r.paging {
            case .first?, .after?: r.cursor = 0
            case .before?, .last?: r.cursor = last
            case .from?, nil:
                // The same page read again: stay on the same pair when it is still there, else
                // at the same place in the page.
                r.cursor = pairs.firstIndex { $0.id == current } ?? min(r.cursor, last)
            }
            r.pairs = pairs
            r.pending = pending
            r.first = first
            r.loaded = true
            r.paging = nil
        }
        if withdrawn { state.message = Message(text: s.text(IntakeText.reviewDecidedMeanwhile), isError: true) }
        // Every pair of the page was decided, and pairs wait before it: show the last of them.
        if pairs.isEmpty, pending > 0 {
            withReview(&state) { r in r.paging = .last }
            return [.loadDuplicates(page: .last, limit: DuplicateReviewState.limit)]
        }
        return []
    case .duplicateResolved(let pair, let decision):
        withReview(&state) { r in r.saving = nil }
        switch decision {
        case .merge:
            state.message = Message(text: s.text(IntakeText.mergedDone, String(pair.incoming.id), String(pair.existing.id), pair.existing.displayName), isError: false)
        case .keepApart:
            state.message = Message(text: s.text(IntakeText.keptApartDone, String(pair.existing.id), String(pair.incoming.id)), isError: false)
        }
        var effects: [Effect] = [reloadReview(state)]
        // A merge removes a company: the list behind shows it no more.
        if decision == .merge { effects += requery(&state, state.list.query) }
        return effects
    case .duplicateResolveFailed(_, let failure):
        withReview(&state) { r in r.saving = nil }
        switch failure {
        case .alreadyDecided(let status):
            let word = status == .merged ? s.text(IntakeText.statusMergedWord) : s.text(IntakeText.statusKeptApartWord)
            state.message = Message(text: s.text(IntakeText.reviewAlreadyDecided, word), isError: true)
        case .readOnly:
            state.message = Message(text: s.text(IntakeText.reviewReadOnly), isError: true)
        case .busy:
            state.message = Message(text: s.text(IntakeText.reviewLocked), isError: true)
        case .diskFull:
            state.message = Message(text: s.text(IntakeText.reviewDiskFull), isError: true)
        case .other(let text):
            state.message = Message(text: s.text(IntakeText.reviewFailed, text), isError: true)
        }
        return [reloadReview(state)]
    default:
        return []
    }
}

/// How far a movement key moves the review's cursor: a row, or a screenful of the list of
/// other pairs (or half of one) for the page keys.
private func reviewStep(_ command: Command?, _ size: Size) -> Int {
    switch command {
    case .pageDown?, .pageUp?: return DuplicateReviewScreen.listRows(size)
    case .halfPageDown?, .halfPageUp?: return max(1, DuplicateReviewScreen.listRows(size) / 2)
    default: return 1
    }
}

/// The import history and the duplicate review, read again after another program changed
/// the data (`refreshAfterOutsideChange`).
func intakeRefresh(_ state: AppState) -> [Effect] {
    var effects: [Effect] = []
    for screen in state.stack {
        switch screen {
        case .importHistory(let h) where h.loaded: effects.append(.loadImportRuns(limit: ImportHistoryState.limit))
        case .duplicates(let r) where r.loaded && r.paging == nil && r.saving == nil: effects.append(reloadReview(state))
        default: break
        }
    }
    return effects
}

/// Reads the review's page again from its first pair (decided pairs drop out of it).
private func reloadReview(_ state: AppState) -> Effect {
    for screen in state.stack.reversed() {
        if case .duplicates(let r) = screen, let first = r.pairs.first {
            return .loadDuplicates(page: .from(first.id), limit: DuplicateReviewState.limit)
        }
    }
    return .loadDuplicates(page: .first, limit: DuplicateReviewState.limit)
}
