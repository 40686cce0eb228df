import Foundation
import KawalDomain
import KawalStore
import Testing

/// Figures for a large demo database; runs only when KAWAL_BENCH_DB names a file, e.g.
/// `KAWAL_BENCH_DB=/tmp/bench.sqlite KAWAL_BENCH_N=1000000 swift test -c release -Xswiftc -enable-testing
///  --scratch-path .build-store --filter Benchmark`. Prints timings; asserts nothing about speed.
@Suite struct Benchmark {
    static let path = ProcessInfo.processInfo.environment["KAWAL_BENCH_DB"]

    static func ms(_ body: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
    }

    /// Best of a few runs, in milliseconds.
    static func best(_ n: Int = 3, _ body: () throws -> Void) rethrows -> Double {
        var b = Double.infinity
        for _ in 0..<n { b = min(b, try ms(body)) }
        return b
    }

    @Test(.enabled(if: path != nil)) func figures() throws {
        let path = Self.path!
        let env = ProcessInfo.processInfo.environment
        let n = Int(env["KAWAL_BENCH_N"] ?? "") ?? 1_000_000
        let today = Day(year: 2026, month: 11, day: 27)!
        if !FileManager.default.fileExists(atPath: path) {
            let db = try AppDatabase.open(path: path)
            let marks = Marks()
            let t = try Self.ms { try db.writeDemo(DemoOptions(companies: n, seed: 1, today: today), progress: { marks.add($0) }) }
            print(String(format: "BENCH demo %d companies: %.1f s", n, t / 1000))
            print("BENCH demo phases (progress at seconds): " + marks.summary())
        }
        let db = try AppDatabase.open(path: path)
        print(String(format: "BENCH companyCount(): %.1f ms", try Self.best { _ = try db.companyCount() }))
        for sort in CompanySort.allCases {
            for reversed in [false, true] {
                let q = CompanyQuery(sort: sort, reversed: reversed)
                var page = try db.companies(q, after: nil, limit: 50)
                let first = try Self.best { page = try db.companies(q, after: nil, limit: 50) }
                let next = try Self.best { _ = try db.companies(q, after: page.keys.last, limit: 50) }
                let end = try Self.best { _ = try db.companies(q, before: nil, limit: 50) }
                print(String(format: "BENCH page %@%@: top %.2f ms, next %.2f ms, end %.2f ms",
                             sort.rawValue, reversed ? " reversed" : "", first, next, end))
            }
        }
        let searches = ["batik", "sekar jagad", "Ñoman", "léstari", "pesindon", "sutrisno", "hayam wuruk", "ba", "zq", "511000",
                        "xyzzy", "kauman"]
        for s in searches {
            for sort in [CompanySort.name, .deadline, .unprotected] {
                let q = CompanyQuery(search: s, sort: sort)
                var page = try db.companies(q, after: nil, limit: 50)
                let t = try Self.best { page = try db.companies(q, after: nil, limit: 50) }
                let t2 = try Self.best { _ = try db.companies(q, after: page.keys.last, limit: 50) }
                print(String(format: "BENCH search %@ by %@: page %.2f ms, next %.2f ms (%d rows)", s, sort.rawValue, t, t2,
                             page.rows.count))
            }
            var c = 0
            let t = try Self.best(1) { c = try db.companyCount(CompanyQuery(search: s)) }
            print(String(format: "BENCH count search %@: %.1f ms (%d)", s, t, c))
        }
        let filtered: [CompanyQuery] = [
            CompanyQuery(statuses: [.pwbd], sort: .name),
            CompanyQuery(stages: [.referred], sort: .name),
            CompanyQuery(stages: [.referred], kecamatan: ["Pekalongan Utara"], sectors: ["55110"], sort: .name),
            CompanyQuery(statuses: [.pdsTK], stages: [.warning2], search: "batik", sort: .deadline),
            CompanyQuery(sectors: ["55110"], search: "batik", sort: .name),
        ]
        for q in filtered {
            var c = 0
            let p = try Self.best { _ = try db.companies(q, after: nil, limit: 50) }
            let t = try Self.best(1) { c = try db.companyCount(q) }
            print(String(format: "BENCH filter %@ %@ %@ %@ '%@': page %.2f ms, count %.1f ms (%d)",
                         "\(q.statuses.map(\.rawValue))", "\(q.stages.map(\.rawValue))", "\(q.kecamatan.sorted())",
                         "\(q.sectors.sorted())", q.search, p, t, c))
        }
        print(String(format: "BENCH detail: %.2f ms", try Self.best { _ = try db.companyDetail(id: 123_456) }))
        print(String(format: "BENCH distinctSectors: %.2f ms", try Self.best { _ = try db.distinctSectors() }))
    }
}

extension Benchmark {
    /// Per typed character, as the TUI issues it: the first page (100 rows) and the count on
    /// two threads at once; the character costs the slower of the two. Prints a p50/p95 line
    /// per filter set and sort, and the slowest characters.
    @Test(.enabled(if: path != nil && ProcessInfo.processInfo.environment["KAWAL_BENCH_TYPING"] != nil))
    func typing() throws {
        let db = try AppDatabase.open(path: Self.path!)
        let words = ["batik", "sekar", "kauman", "pesindon", "hayam wuruk", "sutrisno", "511000"]
        let bases: [(String, CompanyQuery)] = [
            ("no filter", CompanyQuery()),
            ("PDS-TK+warning2", CompanyQuery(statuses: [.pdsTK], stages: [.warning2])),
        ]
        var all: [Double] = []
        for (label, base) in bases {
            for (sort, reversed) in [(CompanySort.name, false), (.deadline, false), (.unprotected, false), (.name, true)] {
                var times: [(String, Double, Double, Double)] = []
                for word in words {
                    for n in 1...word.count {
                        var q = base
                        q.search = String(word.prefix(n))
                        q.sort = sort
                        q.reversed = reversed
                        let query = q
                        nonisolated(unsafe) var pageMs = 0.0, countMs = 0.0
                        let t = Self.ms {
                            DispatchQueue.concurrentPerform(iterations: 2) { i in
                                if i == 0 { pageMs = (try? Self.ms { _ = try db.companies(query, after: nil, limit: 100) }) ?? -1 }
                                else { countMs = (try? Self.ms { _ = try db.companyCount(query) }) ?? -1 }
                            }
                        }
                        times.append((q.search, t, pageMs, countMs))
                    }
                }
                let sorted = times.map(\.1).sorted()
                all += sorted
                func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)] }
                let slow = times.sorted { $0.1 > $1.1 }.prefix(4).map { String(format: "%@ %.0f (page %.0f, count %.0f)", $0.0, $0.1, $0.2, $0.3) }
                print(String(format: "TYPING %@ sort %@%@: p50 %.1f p95 %.1f max %.1f ms; slowest: %@", label, sort.rawValue,
                             reversed ? " reversed" : "", pct(50), pct(95), sorted.last!, slow.joined(separator: ", ")))
            }
        }
        all.sort()
        print(String(format: "TYPING all: n=%d p50 %.1f p95 %.1f max %.1f ms", all.count, all[all.count / 2],
                     all[min(all.count - 1, Int((0.95 * Double(all.count)).rounded(.up)) - 1)], all.last!))
    }
}

/// Progress values with the time they arrived.
final class Marks: @unchecked Sendable {
    private let lock = NSLock()
    private let start = DispatchTime.now().uptimeNanoseconds
    private var values: [(Double, Double)] = []
    func add(_ v: Double) {
        lock.lock()
        values.append((v, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        lock.unlock()
    }
    func summary() -> String {
        lock.lock()
        defer { lock.unlock() }
        return values.filter { v in [0.07, 0.35, 0.7, 0.85, 0.97, 1].contains { abs($0 - v.0) < 0.001 } }
            .map { String(format: "%.2f@%.1fs", $0.0, $0.1) }.joined(separator: " ")
    }
}
