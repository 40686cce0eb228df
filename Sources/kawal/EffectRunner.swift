import Foundation
import KawalDomain
import KawalStore
import KawalUI
import Synchronization

/// Performs the TUI's effects against the store: the only place where effects meet I/O.
struct EffectRunner: Sendable {
    let db: AppDatabase

    /// Performs one effect and returns the action that answers it.
    func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadPage(let generation, let query, let request, let limit):
                let page: CompanyPage
                switch request {
                case .first: page = try db.companies(query, after: nil, limit: limit)
                case .after(let key): page = try db.companies(query, after: key, limit: limit)
                case .before(let key): page = try db.companies(query, before: key, limit: limit)
                }
                return .pageLoaded(generation: generation, request: request, page: page)
            case .count(let generation, let query):
                return .countLoaded(generation: generation, count: try db.companyCount(query))
            case .loadDetail(let id):
                return .detailLoaded(id: id, detail: try db.companyDetail(id: id))
            case .loadSectors:
                return .sectorsLoaded(try db.distinctSectors())
            case .redraw:
                return nil
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
            if let action = perform(e) { queue += update(&state, action) }
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
    private let latest = Atomic<Int>(0)

    init(runner: EffectRunner, mailbox: Mailbox, wake: @escaping @Sendable () -> Void) {
        self.runner = runner
        self.mailbox = mailbox
        self.wake = wake
    }

    func run(_ effects: [Effect]) {
        for effect in effects {
            let generation: Int?
            switch effect {
            case .loadPage(let g, _, _, _), .count(let g, _): generation = g
            default: generation = nil
            }
            if let g = generation, g > latest.load(ordering: .relaxed) { latest.store(g, ordering: .relaxed) }
            let queue: DispatchQueue
            if case .count = effect { queue = counts } else { queue = pages }
            queue.async { [self] in
                if let g = generation, g < self.latest.load(ordering: .relaxed) { return }
                if let action = self.runner.perform(effect) {
                    self.mailbox.post(action)
                    self.wake()
                }
            }
        }
    }
}
