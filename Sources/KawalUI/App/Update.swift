import KawalDomain

/// Starts the app: asks for the first page, the count and the sector list, and today's
/// worklist when it is the first screen.
public func start(_ state: inout AppState) -> [Effect] {
    state.list.pending = .first
    var effects: [Effect] = [
        .loadPage(generation: state.list.generation, query: state.list.query, request: .first, limit: ListState.pageSize),
        .count(generation: state.list.generation, query: state.list.query),
        .loadSectors,
        .loadLatestImport,
    ]
    if state.root == .worklist { effects += reloadWorklist(&state) }
    return effects
}

/// Applies `action` to `state` and returns the effects to run. Pure: no I/O.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        state.message = nil
        // The answer to a question about the export ("cancel it?", "quit and drop it?"): y does
        // what it asks, any other key goes on as usual.
        if let question = state.exportQuestion {
            state.exportQuestion = nil
            if key == .char("y"), state.exporting {
                switch question {
                case .cancel:
                    state.message = Message(text: state.strings.text(IntakeText.exportCancelling), isError: false)
                    return [.cancelExport]
                case .quit:
                    state.quit = true
                    return []
                }
            }
        }
        let effects = handleKey(&state, key)
        // q while the export key's file is being written asks first: quitting drops it. (Ctrl-C,
        // a signal, still quits at once.)
        if state.quit, state.exporting, !state.isTooSmall {
            state.quit = false
            state.exportQuestion = .quit
            state.message = Message(text: state.strings.text(IntakeText.exportAskQuit), isError: false)
        }
        return effects
    case .resized(let size):
        state.size = size
        state.list.keepCursorVisible(height: state.tableHeight)
        keepWorklistCursorVisible(&state)
        if case .detail(var d)? = state.stack.last {
            d.scroll = min(d.scroll, maxTimelineScroll(state, d))
            state.stack[state.stack.count - 1] = .detail(d)
        }
        intakeResized(&state)
        return []
    case .pageLoaded(let generation, let request, let page):
        guard generation == state.list.generation, state.list.pending == request else { return [] }
        return state.list.receive(page, for: request, height: state.tableHeight)
    case .countLoaded(let generation, let count, let exact):
        guard generation == state.list.generation, !(state.list.totalIsExact && state.list.total != nil && !exact) else { return [] }
        state.list.total = count
        state.list.totalIsExact = exact
        state.list.resolveStart()
        return []
    case .detailLoaded(let id, let detail):
        var effects: [Effect] = []
        for i in state.stack.indices {
            if case .detail(var d) = state.stack[i], d.id == id {
                d.detail = detail
                d.loaded = true
                state.stack[i] = .detail(d)
            }
        }
        // What may happen next is the policy's answer, asked once the case is known.
        if let kase = detail?.complianceCase, state.stack.contains(where: { if case .detail(let d) = $0 { d.id == id } else { false } }) {
            effects.append(.loadOutlook(companyID: id, caseID: kase.id, officer: state.officer, today: state.today))
        }
        return effects
    case .sectorsLoaded(let codes):
        state.sectors = codes
        return []
    case .databaseChanged:
        return refreshAfterOutsideChange(&state)
    case .loadFailed(let message):
        state.list.pending = nil
        state.message = Message(text: state.strings.format(.errorLoad, message), isError: true)
        return []
    case .exportProgress, .exportFinished, .exportCancelled, .exportFailed, .importRunsLoaded, .latestImportLoaded, .duplicatesLoaded, .duplicateResolved, .duplicateResolveFailed:
        return intakeUpdate(&state, action)
    case .worklistLoaded, .stageCountsLoaded, .outlookLoaded, .caseSaved, .caseSaveFailed, .letterLoaded, .letterWritten, .letterWriteFailed:
        return updateCase(&state, action)
    }
}

// MARK: Keys

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.isTooSmall {
        if key == .char("q") || key == .ctrl("c") { state.quit = true }
        return []
    }
    // An open form takes every key (typing "q" in a field is text, not quit).
    if case .form(let f)? = state.stack.last { return formKey(&state, f, key) }
    if state.sortMenu != nil { return sortMenuKey(&state, key) }
    if state.filterMenu != nil { return filterMenuKey(&state, key) }
    if state.search != nil { return searchKey(&state, key) }
    let command = state.keyMap.map.command(for: key)
    if command == .redraw { return [.redraw] }
    switch state.stack.last {
    case nil: return state.root == .worklist ? worklistCommand(&state, command) : listCommand(&state, command)
    case .detail(let d)? where d.showSources: return sourcesPanelCommand(&state, d, command)
    case .detail(let d)?: return detailCommand(&state, d, command)
    case .help(let scroll)?: return helpCommand(&state, scroll, command)
    case .importHistory(let h)?: return importHistoryCommand(&state, h, command)
    case .duplicates(let r)?: return duplicateReviewKey(&state, r, key, command)
    case .letter(let l)?: return letterCommand(&state, l, command)
    case .form(let f)?: return formKey(&state, f, key)
    }
}

func listCommand(_ state: inout AppState, _ command: Command?) -> [Effect] {
    let h = state.tableHeight
    switch command {
    case .quit: state.quit = true; return []
    case .back, .clearSearch:
        guard !state.list.query.trimmedSearch.isEmpty || (command == .clearSearch && state.list.query.hasFilters) else { return [] }
        var q = state.list.query
        q.search = ""
        if command == .clearSearch { q.clearFilters() }
        return requery(&state, q)
    case .down, .nextMatch: return state.list.move(by: 1, height: h)
    case .up, .previousMatch: return state.list.move(by: -1, height: h)
    case .pageDown: return state.list.move(by: h, height: h, scroll: true)
    case .pageUp: return state.list.move(by: -h, height: h, scroll: true)
    case .halfPageDown: return state.list.move(by: max(1, h / 2), height: h, scroll: true)
    case .halfPageUp: return state.list.move(by: -max(1, h / 2), height: h, scroll: true)
    case .top: return state.list.jumpToStart(height: h)
    case .bottom: return state.list.jumpToEnd(height: h)
    case .open:
        guard let row = state.list.selected else { return [] }
        state.stack.append(.detail(DetailState(id: row.id)))
        return [.loadDetail(id: row.id)]
    case .search:
        state.search = SearchEdit(text: state.list.query.search, previous: state.list.query.search)
        return []
    case .filter:
        state.filterMenu = FilterMenu(query: state.list.query, sectors: state.sectors)
        return []
    case .sort:
        state.sortMenu = CompanySort.allCases.firstIndex(of: state.list.query.sort) ?? 0
        return []
    case .help:
        state.stack.append(.help(scroll: 0))
        return []
    case .exportList?, .importHistory?, .duplicateReview?, .mergeDuplicate?, .keepApart?, .sources?:
        return intakeListCommand(&state, command!)
    case .today?: return showWorklist(&state)
    default: return []
    }
}

private func detailCommand(_ state: inout AppState, _ d: DetailState, _ command: Command?) -> [Effect] {
    var d = d
    let page = state.timelineHeight
    func set(_ scroll: Int) -> [Effect] {
        d.scroll = max(0, min(scroll, maxTimelineScroll(state, d)))
        state.stack[state.stack.count - 1] = .detail(d)
        return []
    }
    switch command {
    case .quit, .back: state.stack.removeLast(); return []
    case .down: return set(d.scroll + 1)
    case .up: return set(d.scroll - 1)
    case .pageDown, .halfPageDown: return set(d.scroll + (command == .pageDown ? page : max(1, page / 2)))
    case .pageUp, .halfPageUp: return set(d.scroll - (command == .pageUp ? page : max(1, page / 2)))
    case .top: return set(0)
    case .bottom: return set(Int.max / 2)
    case .nextMatch, .previousMatch:
        // Only a company opened from the companies list has a next one: opened from Hari ini or
        // the duplicate review, the list's next row is an unrelated company.
        guard state.detailFollowsList else { return [] }
        var effects = state.list.move(by: command == .nextMatch ? 1 : -1, height: state.tableHeight)
        if let row = state.list.selected, row.id != d.id {
            state.stack[state.stack.count - 1] = .detail(DetailState(id: row.id))
            effects.append(.loadDetail(id: row.id))
        }
        return effects
    case .help: state.stack.append(.help(scroll: 0)); return []
    case .sources: return toggleSources(&state, d)
    case let c? where c.context == .caseAction: return caseActionCommand(&state, d, c)
    default: return []
    }
}

private func helpCommand(_ state: inout AppState, _ scroll: Int, _ command: Command?) -> [Effect] {
    let limit = max(0, helpLineCount(state) - (state.size.height - 3))
    func set(_ s: Int) -> [Effect] {
        state.stack[state.stack.count - 1] = .help(scroll: max(0, min(s, limit)))
        return []
    }
    switch command {
    case .quit, .back, .help: state.stack.removeLast(); return []
    case .down: return set(scroll + 1)
    case .up: return set(scroll - 1)
    case .pageDown, .halfPageDown: return set(scroll + state.size.height - 4)
    case .pageUp, .halfPageUp: return set(scroll - state.size.height + 4)
    case .top: return set(0)
    case .bottom: return set(limit)
    default: return []
    }
}

private func searchKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var edit = state.search else { return [] }
    switch key {
    case .enter:
        state.search = nil
        return []
    case .escape:
        state.search = nil
        if state.list.query.search != edit.previous {
            var q = state.list.query
            q.search = edit.previous
            return requery(&state, q)
        }
        return []
    case .down: return state.list.move(by: 1, height: state.tableHeight)
    case .up: return state.list.move(by: -1, height: state.tableHeight)
    case .pageDown: return state.list.move(by: state.tableHeight, height: state.tableHeight, scroll: true)
    case .pageUp: return state.list.move(by: -state.tableHeight, height: state.tableHeight, scroll: true)
    case .backspace:
        guard !edit.text.isEmpty else { return [] }
        edit.text.removeLast()
    case .ctrl("u"):
        edit.text = ""
    case .ctrl("w"):
        while edit.text.last == " " { edit.text.removeLast() }
        while let l = edit.text.last, l != " " { edit.text.removeLast() }
    case .char(let c):
        guard edit.text.count < 100 else { return [] }
        edit.text.append(c)
    default:
        return []
    }
    state.search = edit
    var q = state.list.query
    q.search = edit.text
    return requery(&state, q)
}

private func filterMenuKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var menu = state.filterMenu else { return [] }
    let visible = max(1, FilterMenuLayout.listHeight(state.size))
    switch key {
    case .escape, .char("q"):
        state.filterMenu = nil
        return []
    case .enter:
        state.filterMenu = nil
        // The draft started as the list's query; only its filters can have changed.
        return menu.draft == state.list.query ? [] : requery(&state, menu.draft)
    case .char(" "), .char("x"): menu.toggle()
    case .char("c"): menu.draft.clearFilters()
    case .char("j"), .down, .tab: menu.move(1)
    case .char("k"), .up, .backTab: menu.move(-1)
    case .pageDown: for _ in 0..<visible { menu.move(1) }
    case .pageUp: for _ in 0..<visible { menu.move(-1) }
    case .char("g"), .home: menu.cursor = 0; menu.move(1)
    case .char("G"), .end: menu.cursor = menu.items.count - 1
    default: break
    }
    if menu.cursor < menu.top + 1 { menu.top = max(0, menu.cursor - 1) }
    if menu.cursor >= menu.top + visible { menu.top = menu.cursor - visible + 1 }
    state.filterMenu = menu
    return []
}

private func sortMenuKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let cursor = state.sortMenu else { return [] }
    let count = CompanySort.allCases.count
    switch key {
    case .escape, .char("q"):
        state.sortMenu = nil
        return []
    case .enter, .char(" "):
        state.sortMenu = nil
        var q = state.list.query
        let chosen = CompanySort.allCases[cursor]
        if q.sort == chosen { q.reversed.toggle() } else { q.sort = chosen; q.reversed = false }
        return requery(&state, q)
    case .char("j"), .down, .tab: state.sortMenu = min(count - 1, cursor + 1)
    case .char("k"), .up, .backTab: state.sortMenu = max(0, cursor - 1)
    case .char("g"), .home: state.sortMenu = 0
    case .char("G"), .end: state.sortMenu = count - 1
    default: break
    }
    return []
}

/// Starts the list over for `query`: new generation, first page and count.
func requery(_ state: inout AppState, _ query: CompanyQuery) -> [Effect] {
    let generation = state.list.generation + 1
    state.list = ListState(query: query)
    state.list.generation = generation
    state.list.pending = .first
    return [
        .loadPage(generation: generation, query: query, request: .first, limit: ListState.pageSize),
        .count(generation: generation, query: query),
    ]
}

/// Another program changed the data: what is on screen is read again where it stands. The
/// list keeps its window and its selected company, the worklist and an open company reload,
/// the import history and the review keep their selection. Nothing the user typed is touched.
func refreshAfterOutsideChange(_ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if state.list.loaded {
        state.list.generation += 1
        let request: PageRequest = state.list.atStart ? .refresh(from: nil) : .refresh(from: state.list.keys.first)
        state.list.pending = request
        state.list.pendingDelta = 0
        let limit = min(ListState.maxWindow, max(ListState.pageSize, state.list.rows.count))
        effects += [.loadPage(generation: state.list.generation, query: state.list.query, request: request, limit: limit),
                    .count(generation: state.list.generation, query: state.list.query)]
    }
    // Hari ini only when it is the screen under the stack: its per-stage counts read a whole
    // index, and it is read again anyway when the user comes back to it (`showWorklist`).
    if state.root == .worklist, state.worklist.worklist != nil { effects += reloadWorklist(&state) }
    var detailIDs: [Int64] = []
    for screen in state.stack {
        if case .detail(let d) = screen, d.loaded, !detailIDs.contains(d.id) { detailIDs.append(d.id) }
    }
    effects += detailIDs.map { .loadDetail(id: $0) }
    effects += intakeRefresh(state)
    effects.append(.loadLatestImport)
    return effects
}

func maxTimelineScroll(_ state: AppState, _ d: DetailState) -> Int {
    max(0, (d.detail?.events.count ?? 0) - state.timelineHeight)
}

// MARK: The list window

extension ListState {
    /// Moves the selection by `delta` rows; with `scroll` the view moves along (a page).
    mutating func move(by delta: Int, height: Int, scroll: Bool = false) -> [Effect] {
        guard !rows.isEmpty else {
            if !loaded { pendingDelta += delta }
            return []
        }
        let target = cursor + delta
        let oldCursor = cursor
        if target < 0 {
            cursor = 0
            if !atStart { pendingDelta += target }
        } else if target >= rows.count {
            cursor = rows.count - 1
            if !atEnd { pendingDelta += target - (rows.count - 1) }
        } else {
            cursor = target
        }
        if scroll {
            top += cursor - oldCursor
            top = max(0, min(top, max(0, rows.count - height)))
        }
        keepCursorVisible(height: height)
        return prefetch()
    }

    mutating func jumpToStart(height: Int) -> [Effect] {
        pendingDelta = 0
        if atStart {
            cursor = 0
            top = 0
            return []
        }
        pending = .first
        return [.loadPage(generation: generation, query: query, request: .first, limit: ListState.pageSize)]
    }

    mutating func jumpToEnd(height: Int) -> [Effect] {
        pendingDelta = 0
        if atEnd {
            cursor = max(0, rows.count - 1)
            keepCursorVisible(height: height)
            return []
        }
        pending = .before(nil)
        return [.loadPage(generation: generation, query: query, request: .before(nil), limit: ListState.pageSize)]
    }

    mutating func keepCursorVisible(height: Int) {
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, top)
    }

    /// Asks for the next rows when the selection nears an edge of the window.
    mutating func prefetch() -> [Effect] {
        guard pending == nil, loaded else { return [] }
        let margin = ListState.pageSize / 2
        if !atEnd, rows.count - 1 - cursor < margin || pendingDelta > 0, let last = keys.last {
            pending = .after(last)
            return [.loadPage(generation: generation, query: query, request: .after(last), limit: ListState.pageSize)]
        }
        if !atStart, cursor < margin || pendingDelta < 0, let first = keys.first {
            pending = .before(first)
            return [.loadPage(generation: generation, query: query, request: .before(first), limit: ListState.pageSize)]
        }
        return []
    }

    /// Takes in a page answering `request`.
    mutating func receive(_ page: CompanyPage, for request: PageRequest, height: Int) -> [Effect] {
        pending = nil
        switch request {
        case .refresh(let from):
            let selectedID = selected?.id
            let offset = cursor - top
            rows = page.rows
            keys = page.keys
            atEnd = !page.hasMore
            if from == nil {
                atStart = true
                windowStart = 0
            }
            // Rows the other program added or removed before the window move the rest: the
            // window's start stays as it was known, off by that much at most.
            cursor = rows.firstIndex { $0.id == selectedID } ?? min(cursor, max(0, rows.count - 1))
            top = max(0, cursor - offset)
            keepCursorVisible(height: height)
            loaded = true
            // Every row of the window is gone: the list from its top.
            if rows.isEmpty, from != nil {
                pending = .first
                return [.loadPage(generation: generation, query: query, request: .first, limit: ListState.pageSize)]
            }
        case .first:
            rows = page.rows
            keys = page.keys
            windowStart = 0
            atStart = true
            atEnd = !page.hasMore
            cursor = 0
            top = 0
            anchoredAtEnd = false
            loaded = true
        case .before(nil):
            rows = page.rows
            keys = page.keys
            atEnd = true
            atStart = !page.hasMore
            windowStart = atStart ? 0 : nil
            cursor = max(0, rows.count - 1)
            top = max(0, rows.count - height)
            anchoredAtEnd = true
            loaded = true
        case .after:
            rows += page.rows
            keys += page.keys
            atEnd = !page.hasMore
            let excess = rows.count - ListState.maxWindow
            if excess > 0 {
                let drop = min(excess, top)
                rows.removeFirst(drop)
                keys.removeFirst(drop)
                cursor -= drop
                top -= drop
                windowStart = windowStart.map { $0 + drop }
                if drop > 0 { atStart = false }
            }
        case .before(.some):
            let n = page.rows.count
            rows = page.rows + rows
            keys = page.keys + keys
            cursor += n
            top += n
            windowStart = windowStart.map { $0 - n }
            atStart = !page.hasMore
            if atStart { windowStart = 0 }
            let excess = rows.count - ListState.maxWindow
            if excess > 0 {
                let keep = max(top + height, rows.count - excess)
                let drop = rows.count - keep
                if drop > 0 {
                    rows.removeLast(drop)
                    keys.removeLast(drop)
                    atEnd = false
                }
            }
        }
        resolveStart()
        var effects: [Effect] = []
        if pendingDelta != 0 {
            let delta = pendingDelta
            pendingDelta = 0
            // An empty page leaves nothing more to move into.
            if !page.rows.isEmpty { effects += move(by: delta, height: height, scroll: abs(delta) >= height) }
        }
        keepCursorVisible(height: height)
        effects += prefetch()
        return effects
    }

    /// Works out the window's absolute position once the count is known.
    mutating func resolveStart() {
        if windowStart == nil, atEnd, totalIsExact, let total { windowStart = max(0, total - rows.count) }
    }
}
