import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

/// Figures for the worklist on a large demo database; runs only when KAWAL_BENCH_DB names an
/// existing demo file, e.g. `kawal demo --companies 1000000 --db /tmp/bench.sqlite` then
/// `KAWAL_BENCH_DB=/tmp/bench.sqlite swift test --filter WorklistBenchmark`. Prints timings;
/// asserts nothing about speed.
@Suite struct WorklistBenchmark {
    static let path = ProcessInfo.processInfo.environment["KAWAL_BENCH_DB"]

    @Test(.enabled(if: path.map { FileManager.default.fileExists(atPath: $0) } ?? false)) func figures() throws {
        let db = try AppDatabase.open(path: Self.path!)
        let today = Day(year: 2026, month: 11, day: 27)!
        let officer = try db.busiestAssignee() ?? ""
        print("BENCH worklist officer \(officer): \(try db.openCaseCount(assignee: officer)) open cases")
        for scope in TodayScope.allCases {
            let query = TodayQuery(scope: scope, officer: officer, today: today)
            var times: [Double] = []
            var list = TodayList()
            for _ in 0..<5 {
                times.append(try Benchmark.ms {
                    list = try db.todayList(query, counting: false) { c in
                        // What the TUI asks: may the case move up today?
                        let up: CaseAction = c.state.stage == .sanctionRecommended ? .requestReferral : .escalate
                        let worker = Identity.officer(Officer(login: c.assignee ?? "", name: "", role: .petugas))
                        return c.policy.verdict(up, c.state, by: worker, today: today).isAllowed ? c.state.stage.next : nil
                    }
                })
            }
            times.sort()
            let rows = TodaySection.allCases.map { "\($0.rawValue) \(list.rows($0).count)" }.joined(separator: ", ")
            print(String(format: "BENCH worklist %@ sections (as the TUI reads them, counts apart): median %.1f ms, best %.1f ms, worst %.1f ms (%@)",
                         scope.rawValue, times[2], times[0], times[4], rows))
        }
        print(String(format: "BENCH openCaseCount: %.2f ms", try Benchmark.best { _ = try db.openCaseCount(assignee: officer) }))
        // The parts, to see where the time goes.
        for scope in TodayScope.allCases {
            let q = TodayQuery(scope: scope, officer: officer, today: today)
            let parts: [(String, (Database) throws -> Void)] = [
                ("deadlines", { _ = try AppDatabase.deadlines($0, q) }),
                ("promises", { _ = try AppDatabase.promises($0, q) }),
                ("escalation candidates", { _ = try AppDatabase.escalationCandidates($0, q) }),
                ("candidate states", { d in
                    for (e, _) in try AppDatabase.escalationCandidates(d, q).0 { _ = try AppDatabase.loadState(d, caseID: e.caseID) }
                }),
                ("approvals", { _ = try AppDatabase.approvals($0, q) }),
                ("stage counts", { _ = try AppDatabase.stageCounts($0, q) }),
            ]
            for (name, body) in parts {
                let t = try Benchmark.best { try db.read { try body($0) } }
                print(String(format: "BENCH worklist %@ %@: %.1f ms", scope.rawValue, name, t))
            }
        }
    }
}
