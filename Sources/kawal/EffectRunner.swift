import Foundation
import KawalDomain
import KawalStore
import KawalUI
import Synchronization

/// Performs the TUI's effects against the store: the only place where effects meet I/O.
struct EffectRunner: Sendable {
    let db: AppDatabase

    /// A broad search is first counted only this far, so its header appears at once.
    static let quickCountCap = 1_000

    /// Performs one effect, handing each answer to `emit` (a count may answer twice: a quick
    /// lower bound, then the exact number). `stillWanted` lets a slow second step be skipped.
    func perform(_ effect: Effect, stillWanted: @escaping @Sendable () -> Bool = { true }, emit: (Action) -> Void) {
        if case .count(let generation, let query) = effect, !query.trimmedSearch.isEmpty {
            do {
                let quick = try db.companyCount(query, upTo: EffectRunner.quickCountCap)
                if quick < EffectRunner.quickCountCap {
                    emit(.countLoaded(generation: generation, count: quick, exact: true))
                    return
                }
                emit(.countLoaded(generation: generation, count: quick, exact: false))
                // The exact count stops as soon as the user types on, so the next search's
                // quick count never waits behind it on the counts queue.
                guard let exact = try db.companyCount(query, abandoned: { !stillWanted() }) else { return }
                emit(.countLoaded(generation: generation, count: exact, exact: true))
                return
            } catch {
                emit(.loadFailed(message: String(describing: error)))
                return
            }
        }
        if case .exportList(let query, let fileName, let delimiter, let language) = effect {
            emit(IntakeEffects.export(db: db, query: query, fileName: fileName, delimiter: delimiter, language: language,
                                      stop: { !stillWanted() }) { rows in
                emit(.exportProgress(rows: rows))
            })
            return
        }
        if let action = perform(effect) { emit(action) }
    }

    /// Performs one effect and returns the action that answers it.
    func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadPage(let generation, let query, let request, let limit):
                let page: CompanyPage
                switch request {
                case .first, .refresh(from: nil): page = try db.companies(query, after: nil, limit: limit)
                case .refresh(let from?): page = try db.companies(query, from: from, limit: limit)
                case .after(let key): page = try db.companies(query, after: key, limit: limit)
                case .before(let key): page = try db.companies(query, before: key, limit: limit)
                }
                return .pageLoaded(generation: generation, request: request, page: page)
            case .count(let generation, let query):
                return .countLoaded(generation: generation, count: try db.companyCount(query), exact: true)
            case .loadDetail(let id):
                return .detailLoaded(id: id, detail: try db.companyDetail(id: id))
            case .loadSectors:
                return .sectorsLoaded(try db.distinctSectors())
            case .redraw, .cancelExport:
                return nil
            case .exportList(let query, let fileName, let delimiter, let language):
                return IntakeEffects.export(db: db, query: query, fileName: fileName, delimiter: delimiter, language: language)
            case .loadLatestImport:
                return .latestImportLoaded(try db.importRuns(limit: 1).first)
            case .loadImportRuns(let limit):
                return .importRunsLoaded(runs: try db.importRuns(limit: limit), total: try db.importRunCount())
            case .loadDuplicates(let page, let limit):
                let found = try db.pendingDuplicates(page, limit: limit)
                return .duplicatesLoaded(pairs: found.pairs, pending: found.pending, first: found.firstIndex)
            case .resolveDuplicate(let pair, let decision, let today):
                return IntakeEffects.resolve(db: db, pair: pair, decision: decision, today: today)
            case .loadWorklist(let generation, let query):
                return .worklistLoaded(generation: generation, worklist: try db.todayList(query, counting: false,
                                                                                          mayEscalate: CaseEffects.mayEscalate(query.today)))
            case .loadStageCounts(let generation, let query):
                return .stageCountsLoaded(generation: generation, counts: try db.stageCounts(query))
            case .loadOutlook, .saveCase, .loadLetter, .writeLetter:
                return CaseEffects(db: db).perform(effect)
            }
        } catch {
            return .loadFailed(message: String(describing: error))
        }
    }

    /// Runs `effects` and everything they lead to, synchronously (headless rendering).
    func settle(_ state: inout AppState, _ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let e = queue.removeFirst()
            perform(e) { action in queue += update(&state, action) }
        }
    }
}

/// Actions produced off the UI thread, waiting to be applied.
final class Mailbox: Sendable {
    private let actions = Mutex<[Action]>([])

    func post(_ action: Action) { actions.withLock { $0.append(action) } }

    func drain() -> [Action] { actions.withLock { a in defer { a = [] }; return a } }
}

/// Runs effects in the background so the UI never waits: pages and details on one queue,
/// counts (which can be slow for a broad search) on another. Work for a query the user
/// has already left is skipped.
final class BackgroundRunner: Sendable {
    private let runner: EffectRunner
    private let mailbox: Mailbox
    private let wake: @Sendable () -> Void
    private let pages = DispatchQueue(label: "kawal.pages")
    private let counts = DispatchQueue(label: "kawal.counts")
    /// Exports and review decisions, which may take seconds, never hold up a page.
    private let writes = DispatchQueue(label: "kawal.writes")
    /// The worklist (its per-stage counts read a whole index), a case's outlook and letters.
    private let cases = DispatchQueue(label: "kawal.cases")
    /// Case saves: they wait for the write lock, never on the UI thread, a read or an export.
    private let saves = DispatchQueue(label: "kawal.saves")
    private let latest = Atomic<Int>(0)
    /// Set by `.cancelExport`: the export in progress stops at its next row.
    private let exportStop = Atomic<Bool>(false)

    init(runner: EffectRunner, mailbox: Mailbox, wake: @escaping @Sendable () -> Void) {
        self.runner = runner
        self.mailbox = mailbox
        self.wake = wake
    }

    func run(_ effects: [Effect]) {
        for effect in effects {
            // Not queued: the export it stops holds the queue.
            if effect == .cancelExport {
                exportStop.store(true, ordering: .relaxed)
                continue
            }
            if case .exportList = effect { exportStop.store(false, ordering: .relaxed) }
            let generation: Int?
            switch effect {
            case .loadPage(let g, _, _, _), .count(let g, _): generation = g
            default: generation = nil
            }
            if let g = generation, g > latest.load(ordering: .relaxed) { latest.store(g, ordering: .relaxed) }
            let queue: DispatchQueue
            switch effect {
            case .count, .loadStageCounts: queue = counts
            case .exportList, .resolveDuplicate: queue = writes
            case .loadWorklist, .loadOutlook, .loadLetter: queue = cases
            case .saveCase, .writeLetter: queue = saves
            default: queue = pages
            }
            queue.async { [self] in
                let current: @Sendable () -> Bool = { generation.map { $0 >= self.latest.load(ordering: .relaxed) } ?? true }
                guard current() else { return }
                // An export asks whether it was cancelled (and answers so, even before its first row).
                let wanted: @Sendable () -> Bool = if case .exportList = effect {
                    { !self.exportStop.load(ordering: .relaxed) }
                } else {
                    current
                }
                self.runner.perform(effect, stillWanted: wanted) { action in
                    self.mailbox.post(action)
                    self.wake()
                }
            }
        }
    }
}
