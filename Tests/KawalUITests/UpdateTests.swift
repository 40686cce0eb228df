import KawalDomain
import Testing
@testable import KawalUI

/// A pretend store: `total` rows named `Company 0000…`, sorted by id, paged by key.
struct FakeList {
    var total: Int

    func row(_ i: Int) -> CompanyRow {
        CompanyRow(id: Int64(i + 1), name: "Company \(i)", legalForm: .cv, kecamatan: "Pekalongan Barat", sectorCode: "13134",
                   estimatedWorkers: 10, registeredWorkers: 0, status: .pwbd, stage: .identified, nextDeadline: nil)
    }

    func key(_ i: Int) -> RowKey { RowKey(id: Int64(i + 1), sortValue: .integer(Int64(i))) }

    func page(_ request: PageRequest, limit: Int) -> CompanyPage {
        let range: Range<Int>
        let more: Bool
        switch request {
        case .first, .refresh(from: nil):
            range = 0..<min(limit, total)
            more = range.upperBound < total
        case .refresh(let k?):
            let start = Int(k.id) - 1
            range = start..<min(total, start + limit)
            more = range.upperBound < total
        case .after(let k):
            let start = Int(k.id)
            range = start..<min(total, start + limit)
            more = range.upperBound < total
        case .before(let k):
            let end = k.map { Int($0.id) - 1 } ?? total
            range = max(0, end - limit)..<end
            more = range.lowerBound > 0
        }
        return CompanyPage(rows: range.map(row), keys: range.map(key), hasMore: more)
    }

    /// Performs effects until none are left, like the app's runner.
    func settle(_ state: inout AppState, _ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            switch queue.removeFirst() {
            case .loadPage(let g, _, let request, let limit):
                queue += update(&state, .pageLoaded(generation: g, request: request, page: page(request, limit: limit)))
            case .count(let g, _):
                queue += update(&state, .countLoaded(generation: g, count: total, exact: true))
            default:
                break
            }
        }
    }
}

func makeState(_ size: Size = Size(width: 80, height: 24)) -> AppState {
    AppState(size: size, language: .id, today: Day(year: 2022, month: 1, day: 17)!, readOnly: false)
}

@Suite("Update")
struct UpdateTests {
    /// Another program changed the data: the window is read again from its first row, the
    /// selection stays on its company at the same height, and nothing else moves.
    @Test func anOutsideChangeReadsTheWindowAgainAndKeepsTheSelectedCompany() throws {
        var state = makeState()
        let fake = FakeList(total: 1_000)
        fake.settle(&state, start(&state))
        for _ in 0..<30 { fake.settle(&state, update(&state, .key(.pageDown))) }
        #expect(!state.list.atStart)
        let selected = try #require(state.list.selected).id
        let first = try #require(state.list.keys.first)
        let height = state.list.cursor - state.list.top
        let window = state.list.rows.count
        let effects = update(&state, .databaseChanged)
        let generation = state.list.generation
        #expect(effects == [.loadPage(generation: generation, query: state.list.query, request: .refresh(from: first), limit: window),
                            .count(generation: generation, query: state.list.query), .loadLatestImport])
        // An answer to a request made before the change is ignored.
        #expect(update(&state, .pageLoaded(generation: generation - 1, request: .after(first), page: fake.page(.after(first), limit: 100))).isEmpty)
        // Meanwhile the window's first company was merged away and two were added before the selection.
        var rows = state.list.rows, keys = state.list.keys
        rows.removeFirst()
        keys.removeFirst()
        for id in [5_001, 5_002] as [Int64] {
            var row = fake.row(0)
            row.id = id
            rows.insert(row, at: 3)
            keys.insert(RowKey(id: id, sortValue: .integer(id)), at: 3)
        }
        _ = update(&state, .pageLoaded(generation: generation, request: .refresh(from: first), page: CompanyPage(rows: rows, keys: keys, hasMore: true)))
        #expect(state.list.selected?.id == selected)
        #expect(state.list.cursor - state.list.top == height)
        #expect(state.list.rows.map(\.id) == rows.map(\.id))
        #expect(state.list.pending == nil && !state.list.atEnd)
        _ = update(&state, .countLoaded(generation: generation, count: 1_001, exact: true))
        #expect(state.list.total == 1_001)

        // Every row of the window gone: the list from its top.
        _ = update(&state, .databaseChanged)
        let again = state.list.generation
        let next = update(&state, .pageLoaded(generation: again, request: .refresh(from: state.list.keys.first),
                                              page: CompanyPage(rows: [], keys: [], hasMore: false)))
        #expect(next == [.loadPage(generation: again, query: state.list.query, request: .first, limit: ListState.pageSize)])

        // At the top of the list, the top is read again.
        var top = makeState()
        fake.settle(&top, start(&top))
        fake.settle(&top, update(&top, .key(.char("j"))))
        #expect(update(&top, .databaseChanged).first == .loadPage(generation: top.list.generation, query: top.list.query,
                                                                  request: .refresh(from: nil), limit: ListState.pageSize))
        fake.settle(&top, [.loadPage(generation: top.list.generation, query: top.list.query, request: .refresh(from: nil), limit: 100)])
        #expect(top.list.cursor == 1 && top.list.atStart && top.list.windowStart == 0)
    }

    /// What else is on screen is read again too: an open company, Hari ini when it is the screen
    /// under the stack (it is read again on the way back to it anyway).
    @Test func anOutsideChangeReloadsTheOpenCompanyAndTheWorklist() {
        var state = makeState()
        let fake = FakeList(total: 40)
        fake.settle(&state, start(&state))
        #expect(update(&state, .key(.enter)) == [.loadDetail(id: 1)])
        _ = update(&state, .detailLoaded(id: 1, detail: nil))
        var effects = update(&state, .databaseChanged)
        #expect(effects.contains(.loadDetail(id: 1)))
        #expect(!effects.contains { if case .loadWorklist = $0 { true } else { false } })
        state.worklist.worklist = TodayList()
        effects = update(&state, .databaseChanged)
        #expect(!effects.contains { if case .loadWorklist = $0 { true } else { false } })
        state.root = .worklist
        effects = update(&state, .databaseChanged)
        #expect(effects.contains { if case .loadWorklist = $0 { true } else { false } })
    }

    @Test func startAsksForFirstPageCountAndSectors() {
        var state = makeState()
        let effects = start(&state)
        #expect(effects.contains(.loadPage(generation: 0, query: CompanyQuery(), request: .first, limit: ListState.pageSize)))
        #expect(effects.contains(.count(generation: 0, query: CompanyQuery())))
        #expect(effects.contains(.loadSectors))
        #expect(state.list.pending == .first)
    }

    @Test func movingDownWalksTheWholeListWithKeysetPages() {
        let fake = FakeList(total: 1_234)
        var state = makeState()
        fake.settle(&state, start(&state))
        #expect(state.list.total == 1_234)
        #expect(state.list.rows.count <= ListState.maxWindow + ListState.pageSize)
        for i in 1..<1_234 {
            fake.settle(&state, update(&state, .key(.char("j"))))
            #expect(state.list.selected?.id == Int64(i + 1))
            #expect(state.list.absoluteCursor == i)
        }
        // At the end, down stays put.
        fake.settle(&state, update(&state, .key(.down)))
        #expect(state.list.selected?.id == 1_234)
        #expect(state.list.rows.count <= ListState.maxWindow + ListState.pageSize)
    }

    @Test func endAndHomeJumpWithoutLoadingEverything() {
        let fake = FakeList(total: 1_000_000)
        var state = makeState()
        fake.settle(&state, start(&state))
        let effects = update(&state, .key(.char("G")))
        #expect(effects == [.loadPage(generation: 0, query: CompanyQuery(), request: .before(nil), limit: ListState.pageSize)])
        fake.settle(&state, effects)
        #expect(state.list.selected?.id == 1_000_000)
        #expect(state.list.absoluteCursor == 999_999)
        #expect(state.list.rows.count <= ListState.maxWindow)
        fake.settle(&state, update(&state, .key(.char("k"))))
        #expect(state.list.selected?.id == 999_999)
        fake.settle(&state, update(&state, .key(.home)))
        #expect(state.list.selected?.id == 1)
        #expect(state.list.absoluteCursor == 0)
    }

    @Test func pageDownMovesAPageAndKeepsTheCursorVisible() {
        let fake = FakeList(total: 500)
        var state = makeState()
        fake.settle(&state, start(&state))
        let h = state.tableHeight
        fake.settle(&state, update(&state, .key(.pageDown)))
        #expect(state.list.absoluteCursor == h)
        #expect(state.list.cursor >= state.list.top && state.list.cursor < state.list.top + h)
        fake.settle(&state, update(&state, .key(.ctrl("d"))))
        #expect(state.list.absoluteCursor == h + h / 2)
        fake.settle(&state, update(&state, .key(.pageUp)))
        #expect(state.list.absoluteCursor == h / 2)
        for _ in 0..<40 { fake.settle(&state, update(&state, .key(.pageDown))) }
        #expect(state.list.absoluteCursor == 499)
    }

    @Test func movementBeyondLoadedRowsIsAppliedWhenThePageArrives() {
        let fake = FakeList(total: 1_000)
        var state = makeState()
        fake.settle(&state, start(&state))
        // Press page-down many times before any page answer arrives.
        var effects: [Effect] = []
        for _ in 0..<10 { effects += update(&state, .key(.pageDown)) }
        fake.settle(&state, effects)
        #expect(state.list.absoluteCursor == min(999, 10 * state.tableHeight))
    }

    @Test func staleAnswersAreIgnored() {
        var state = makeState()
        _ = start(&state)
        _ = update(&state, .key(.char("/")))
        _ = update(&state, .key(.char("b")))
        #expect(state.list.generation == 1)
        let old = FakeList(total: 5).page(.first, limit: 100)
        _ = update(&state, .pageLoaded(generation: 0, request: .first, page: old))
        #expect(state.list.rows.isEmpty)
        _ = update(&state, .countLoaded(generation: 0, count: 5, exact: true))
        #expect(state.list.total == nil)
    }

    @Test func searchTypingRequeriesAndEscRestores() {
        var state = makeState()
        _ = start(&state)
        #expect(update(&state, .key(.char("/"))).isEmpty)
        var effects = update(&state, .key(.char("s")))
        #expect(effects.contains { if case .loadPage(1, let q, .first, _) = $0 { return q.search == "s" } else { return false } })
        effects = update(&state, .key(.char("e")))
        #expect(state.list.query.search == "se")
        #expect(state.search?.text == "se")
        _ = update(&state, .key(.backspace))
        #expect(state.list.query.search == "s")
        effects = update(&state, .key(.escape))
        #expect(state.search == nil)
        #expect(state.list.query.search == "")
        #expect(effects.contains { if case .count(_, let q) = $0 { return q.search.isEmpty } else { return false } })
    }

    @Test func enterKeepsTheSearchAndEscClearsItFromTheList() {
        var state = makeState()
        _ = start(&state)
        for k in "/batik" { _ = update(&state, .key(.char(k))) }
        _ = update(&state, .key(.enter))
        #expect(state.search == nil)
        #expect(state.list.query.search == "batik")
        _ = update(&state, .key(.escape))
        #expect(state.list.query.search == "")
    }

    @Test func filterMenuTogglesAndApplies() {
        var state = makeState()
        _ = start(&state)
        _ = update(&state, .key(.char("f")))
        #expect(state.filterMenu != nil)
        #expect(state.filterMenu?.items[state.filterMenu!.cursor] == .status(.pwbd))
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.char(" ")))
        let effects = update(&state, .key(.enter))
        #expect(state.filterMenu == nil)
        #expect(state.list.query.statuses == [.pwbd, .pdsTK])
        #expect(effects.contains { if case .count(_, let q) = $0 { return q.statuses == [.pwbd, .pdsTK] } else { return false } })
        // Esc leaves the filters as they were.
        _ = update(&state, .key(.char("f")))
        _ = update(&state, .key(.char("c")))
        _ = update(&state, .key(.escape))
        #expect(state.list.query.statuses == [.pwbd, .pdsTK])
    }

    @Test func sortMenuChoosesAndSecondChoiceReverses() {
        var state = makeState()
        _ = start(&state)
        _ = update(&state, .key(.char("s")))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.enter))
        #expect(state.list.query.sort == .kecamatan)
        #expect(!state.list.query.reversed)
        _ = update(&state, .key(.char("s")))
        _ = update(&state, .key(.enter))
        #expect(state.list.query.sort == .kecamatan)
        #expect(state.list.query.reversed)
    }

    @Test func enterOpensDetailAndQGoesBackThenQuits() {
        let fake = FakeList(total: 50)
        var state = makeState()
        fake.settle(&state, start(&state))
        fake.settle(&state, update(&state, .key(.down)))
        let effects = update(&state, .key(.enter))
        #expect(effects == [.loadDetail(id: 2)])
        guard case .detail(let d)? = state.stack.last else { Issue.record("no detail"); return }
        #expect(d.id == 2)
        _ = update(&state, .key(.char("n")))
        guard case .detail(let next)? = state.stack.last else { Issue.record("no detail"); return }
        #expect(next.id == 3)
        _ = update(&state, .key(.char("q")))
        #expect(state.stack.isEmpty)
        #expect(!state.quit)
        _ = update(&state, .key(.char("q")))
        #expect(state.quit)
    }

    @Test func helpOpensAndClosesWithEsc() {
        var state = makeState()
        _ = start(&state)
        _ = update(&state, .key(.char("?")))
        #expect(state.stack.last == .help(scroll: 0))
        _ = update(&state, .key(.escape))
        #expect(state.stack.isEmpty)
    }

    @Test func resizeKeepsTheCursorVisible() {
        let fake = FakeList(total: 200)
        var state = makeState()
        fake.settle(&state, start(&state))
        for _ in 0..<30 { fake.settle(&state, update(&state, .key(.down))) }
        _ = update(&state, .resized(Size(width: 80, height: 12)))
        #expect(state.list.cursor >= state.list.top)
        #expect(state.list.cursor < state.list.top + state.tableHeight)
        _ = update(&state, .resized(Size(width: 20, height: 5)))
        #expect(state.isTooSmall)
        _ = update(&state, .key(.char("j")))
        #expect(state.list.absoluteCursor == 30)
    }
}

@Suite("Counting")
struct CountingTests {
    @Test func aLowerBoundShowsAsAtLeastUntilTheExactCountArrives() {
        var state = makeState()
        _ = start(&state)
        _ = update(&state, .countLoaded(generation: 0, count: 1_000, exact: false))
        #expect(view(state).text.contains("1.000+ perusahaan"))
        _ = update(&state, .countLoaded(generation: 0, count: 468_406, exact: true))
        #expect(view(state).text.contains("468.406 perusahaan"))
        // A late lower bound never replaces the exact count.
        _ = update(&state, .countLoaded(generation: 0, count: 1_000, exact: false))
        #expect(state.list.total == 468_406)
        #expect(state.list.totalIsExact)
    }

    @Test func theEndIsOnlyPlacedByAnExactCount() {
        let fake = FakeList(total: 5_000)
        var state = makeState()
        var effects = start(&state)
        effects.removeAll { if case .count = $0 { return true } else { return false } }
        fake.settle(&state, effects)
        _ = update(&state, .countLoaded(generation: 0, count: 1_000, exact: false))
        fake.settle(&state, update(&state, .key(.end)))
        #expect(state.list.absoluteCursor == nil)
        _ = update(&state, .countLoaded(generation: 0, count: 5_000, exact: true))
        #expect(state.list.absoluteCursor == 4_999)
    }
}
