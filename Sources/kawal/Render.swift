import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal render SCREEN`: prints a screen as plain text, exactly as the terminal would show it.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Print a screen as plain text (the golden files in screens/ are made this way).")

    /// The screens `render` knows, each reached by the keys a user would press.
    enum ScreenName: String, CaseIterable {
        case companies, search, filter, filterMenu = "filter-menu", sortMenu = "sort-menu", detail, help
        case tooSmall = "too-small"
        case importHistory = "import-history", duplicates, duplicateMerge = "duplicate-merge", conflicts, sources
    }

    @Argument(help: "Screen: \(ScreenName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var screen: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Terminal size, e.g. 80x24.")
    var size: String = "80x24"

    @Option(name: .long, help: "Search text for the search screen.")
    var search: String = "sekar"

    @Option(name: .long, help: "Company id for the detail screen (default: the first company on a warning or later).")
    var company: Int64?

    @Flag(name: .long, help: "Draw with ASCII glyphs, as on TERM=vt100.")
    var ascii = false

    func run() throws {
        try reportingErrors {
            let s = common.strings()
            guard let name = ScreenName(rawValue: screen) else {
                throw CLIError(s.format(.errorBadScreen, screen, ScreenName.allCases.map(\.rawValue).joined(separator: ", ")), code: 2)
            }
            guard var terminalSize = Size(parsing: size) else { throw CLIError(s.format(.errorBadSize, size), code: 2) }
            if name == .tooSmall, size == "80x24" { terminalSize = Size(width: 30, height: 8) }
            let db = try common.open()
            let text = try Render.render(name, db: db, size: terminalSize, language: try common.language(), today: try common.day(),
                                         search: search, company: company, ascii: ascii)
            print(text, terminator: "")
        }
    }

    /// Drives a headless app to `screen` with the keys a user would press, and returns its text.
    static func render(_ screen: ScreenName, db: AppDatabase, size: Size, language: Language, today: Day,
                       search: String, company: Int64?, ascii: Bool) throws -> String {
        let runner = EffectRunner(db: db)
        var state = AppState(size: size, language: language, today: today, readOnly: db.isReadOnly)
        runner.settle(&state, start(&state))
        func press(_ keys: [Key]) { for k in keys { runner.settle(&state, update(&state, .key(k))) } }
        switch screen {
        case .companies, .tooSmall:
            break
        case .search:
            press([.char("/")] + search.map { Key.char($0) })
        case .filter:
            // PWBD in Pekalongan Utara: toggle the items in the filter menu as a user would.
            press([.char("f")])
            press(keysToToggle(state, [.status(.pwbd), .kecamatan("Pekalongan Utara")]))
            press([.enter])
        case .filterMenu:
            press([.char("f")])
            press(keysToToggle(state, [.status(.pwbd)]))
        case .sortMenu:
            press([.char("s"), .char("j"), .char("j"), .char("j")])
        case .detail:
            let target = try company ?? firstEscalatedCompany(db)
            state.stack.append(.detail(DetailState(id: target)))
            runner.settle(&state, [.loadDetail(id: target)])
        case .help:
            press([.char("?")])
        case .importHistory:
            press([.char("i")])
        case .duplicates:
            press([.char("D")])
        case .duplicateMerge:
            press([.char("D"), .char("M")])
        case .conflicts, .sources:
            let target = try company ?? db.firstCompanyWithConflictingSources() ?? 1
            state.stack.append(.detail(DetailState(id: target)))
            runner.settle(&state, [.loadDetail(id: target)])
            if screen == .sources { press([.char("v")]) }
        }
        let ctx = RenderContext(glyphs: ascii ? .ascii : .unicode, asciiOnly: false)
        return view(state, ctx).text
    }

    static func keysToToggle(_ state: AppState, _ items: [FilterItem]) -> [Key] {
        guard let menu = state.filterMenu else { return [] }
        var keys: [Key] = []
        var cursor = menu.cursor
        for item in items {
            guard let target = menu.items.firstIndex(of: item) else { continue }
            // Moving skips group headings, so count the selectable lines between.
            let step = target > cursor ? 1 : -1
            var i = cursor
            while i != target {
                i += step
                if !menu.items[i].isGroup { keys.append(step > 0 ? .down : .up) }
            }
            keys.append(.char(" "))
            cursor = target
        }
        return keys
    }

    /// The first company (by name) whose case has reached a written warning or later.
    static func firstEscalatedCompany(_ db: AppDatabase) throws -> Int64 {
        let q = CompanyQuery(stages: [.warning2, .examined, .sanctionRecommended])
        let page = try db.companies(q, after: nil, limit: 1)
        guard let row = page.rows.first else { return 1 }
        return row.id
    }
}
