import Foundation
import Testing

/// Every screen's golden text in `screens/`, rendered by the real binary from a demo database.
///
/// To re-record after a deliberate change: `KAWAL_RECORD_SCREENS=1 swift test --filter GoldenScreenTests`,
/// then read the diff as a user would. Recording never happens under CI.
@Suite("Golden screens", .serialized)
struct GoldenScreenTests {
    struct Case: CustomStringConvertible, Sendable {
        var screen: String
        var size: String
        var lang: String
        var extra: [String] = []
        var suffix = ""
        /// Drawn from the demo after a month of imports (`IntakeFixture`) instead of the bare demo.
        var intake = false

        var file: String { "\(screen).\(size).\(lang)\(suffix).txt" }
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(screen: "companies", size: "80x24", lang: "id"),
        Case(screen: "search", size: "80x24", lang: "id"),
        Case(screen: "filter", size: "80x24", lang: "id"),
        Case(screen: "filter-menu", size: "80x24", lang: "id"),
        Case(screen: "sort-menu", size: "80x24", lang: "id"),
        Case(screen: "detail", size: "80x24", lang: "id"),
        Case(screen: "help", size: "80x24", lang: "id"),
        Case(screen: "too-small", size: "30x8", lang: "id"),
        Case(screen: "companies", size: "80x24", lang: "en"),
        Case(screen: "detail", size: "80x24", lang: "en"),
        Case(screen: "companies", size: "120x40", lang: "id"),
        Case(screen: "companies", size: "80x24", lang: "id", extra: ["--ascii"], suffix: ".ascii"),
        Case(screen: "worklist", size: "80x24", lang: "id"),
        Case(screen: "worklist", size: "80x24", lang: "en"),
        Case(screen: "worklist-all", size: "80x24", lang: "id"),
        Case(screen: "worklist", size: "40x10", lang: "id"),
        Case(screen: "case", size: "80x24", lang: "id"),
        Case(screen: "case", size: "80x24", lang: "en"),
        Case(screen: "form-letter", size: "80x24", lang: "id"),
        Case(screen: "form-visit", size: "80x24", lang: "id"),
        Case(screen: "form-contact", size: "80x24", lang: "id"),
        Case(screen: "form-promise", size: "80x24", lang: "id"),
        Case(screen: "form-escalation", size: "80x24", lang: "id"),
        Case(screen: "form-approval", size: "80x24", lang: "id"),
        Case(screen: "form-compliance", size: "80x24", lang: "id"),
        Case(screen: "form-closing", size: "80x24", lang: "id"),
        Case(screen: "form-invalid", size: "80x24", lang: "id"),
        Case(screen: "form-invalid", size: "80x24", lang: "en"),
        Case(screen: "form-discard", size: "80x24", lang: "id"),
        Case(screen: "form-visit", size: "80x24", lang: "id", extra: ["--ascii"], suffix: ".ascii"),
        Case(screen: "letter", size: "80x24", lang: "id"),
        Case(screen: "letter", size: "80x24", lang: "en"),
        Case(screen: "import-history", size: "80x24", lang: "id", intake: true),
        Case(screen: "import-history", size: "80x24", lang: "en", intake: true),
        Case(screen: "duplicates", size: "80x24", lang: "id", intake: true),
        Case(screen: "duplicates", size: "80x24", lang: "en", intake: true),
        Case(screen: "duplicate-merge", size: "80x24", lang: "id", intake: true),
        Case(screen: "conflicts", size: "80x24", lang: "id", intake: true),
        Case(screen: "sources", size: "80x24", lang: "id", intake: true),
        Case(screen: "sources", size: "80x24", lang: "en", intake: true),
    ]

    static var recording: Bool {
        let env = ProcessInfo.processInfo.environment
        return env["KAWAL_RECORD_SCREENS"] == "1" && env["CI"] == nil
    }

    @Test(arguments: cases)
    func screenMatchesGolden(_ c: Case) throws {
        let db = c.intake ? IntakeFixture.database : Harness.demoDatabase
        let r = try Harness.kawal(["render", c.screen, "--db", db, "--size", c.size, "--lang", c.lang, "--today", Harness.goldenToday] + c.extra)
        #expect(r.status == 0, "render failed: \(r.stderr)")
        let url = Harness.root.appendingPathComponent("screens").appendingPathComponent(c.file)
        if GoldenScreenTests.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try r.stdout.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(r.stdout == golden, "screen \(c.file) differs from its golden file:\n\(r.stdout)")
        // Every line fits the terminal it was drawn for.
        let width = Int(c.size.split(separator: "x")[0])!
        let height = Int(c.size.split(separator: "x")[1])!
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == height)
        for line in lines { #expect(line.count <= width, "line wider than \(width): \(line)") }
    }

    @Test func renderRefusesUnknownScreensAndSizes() throws {
        let db = Harness.demoDatabase
        let bad = try Harness.kawal(["render", "dashboard", "--db", db])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("dashboard"))
        let size = try Harness.kawal(["render", "companies", "--db", db, "--size", "80by24"])
        #expect(size.status == 2)
        #expect(size.stderr.contains("80by24"))
    }
}
