import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal render SCREEN`: prints a screen as plain text, exactly as the terminal would show it.
struct Render: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "render", abstract: UsageError.strings.text(HelpText.renderAbstract))
    }

    /// The screens `render` knows, each reached by the keys a user would press.
    enum ScreenName: String, CaseIterable {
        case companies, search, filter, filterMenu = "filter-menu", sortMenu = "sort-menu", detail, help
        case tooSmall = "too-small"
        case importHistory = "import-history", duplicates, duplicateMerge = "duplicate-merge", conflicts, sources
        case worklist, worklistAll = "worklist-all", caseDetail = "case"
        case formLetter = "form-letter", formVisit = "form-visit", formContact = "form-contact", formPromise = "form-promise"
        case formEscalation = "form-escalation", formApproval = "form-approval", formCompliance = "form-compliance"
        case formClosing = "form-closing", formInvalid = "form-invalid", formDiscard = "form-discard"
        case letter

        /// The form a screen shows, if it is one.
        var form: CaseFormKind? {
            switch self {
            case .formLetter: return .letter
            case .formVisit, .formInvalid, .formDiscard: return .visit
            case .formContact: return .contact
            case .formPromise: return .promise
            case .formEscalation: return .escalation
            case .formApproval: return .approval
            case .formCompliance: return .compliance
            case .formClosing: return .closing
            default: return nil
            }
        }
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(HelpText.renderScreen, ScreenName.allCases.map(\.rawValue).joined(separator: ", "))))
    var screen: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.renderSize)))
    var size: String = "80x24"

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.renderSearch)))
    var search: String = "sekar"

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.renderCompany)))
    var company: Int64?

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.renderASCII)))
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
        // The case screens show the demo officer with the most open cases, whoever runs this:
        // rendering only draws, it never records anything.
        var officer = screen.isCaseScreen ? try demoOfficer(db) : ActingOfficer(login: "")
        var company = company
        if screen == .formApproval {
            // A supervisor approving a waiting referral request.
            if let supervisor = try db.officers().first(where: { $0.role == .supervisor }) { officer = ActingOfficer(.officer(supervisor)) }
            company = try company ?? db.firstPendingReferral()
        }
        var state = AppState(size: size, language: language, today: today, readOnly: db.isReadOnly, officer: officer)
        runner.settle(&state, start(&state))
        func press(_ keys: [Key]) { for k in keys { runner.settle(&state, update(&state, .key(k))) } }
        switch screen {
        case .companies, .tooSmall, .worklist:
            break
        case .worklistAll:
            press([.char("m")])
        case .caseDetail:
            try openCase(&state, runner, db: db, company: company, today: today)
        case .formLetter, .formVisit, .formContact, .formPromise, .formEscalation, .formApproval, .formCompliance, .formClosing,
             .formInvalid, .formDiscard:
            try openCase(&state, runner, db: db, company: company, today: today)
            guard case .detail(let d)? = state.stack.last, let detail = d.detail, let kase = detail.complianceCase,
                  let kind = screen.form else { break }
            // Open the form as its key would, even where the policy would block it, to show every form.
            press(Array(KeyMap.standard.keys(for: Command.opening(kind)).prefix(1)))
            if case .form? = state.stack.last {} else {
                state.message = nil
                state.stack.append(.form(CaseFormState(
                    kind: kind, companyID: detail.company.id, caseID: kase.id, companyName: detail.company.displayName,
                    form: FormState(fields: kind.fields(state.strings, today: today, stage: kase.stage, targets: d.outlook?.targets ?? [])))))
            }
            if screen == .formInvalid {
                // A date typed the wrong way and a count with a letter in it, then Enter.
                press([.tab, .ctrl("u")] + "31/02/2026".map { Key.char($0) })
                press([.tab, .tab, .tab, .tab] + "12a".map { Key.char($0) } + [.enter])
            }
            if screen == .formDiscard {
                press([.tab, .tab, .tab] + "Bapak Karyo".map { Key.char($0) } + [.escape])
            }
        case .letter:
            try openCase(&state, runner, db: db, company: company, today: today)
            press([.char("S")])
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

    /// The demo officer with the most open cases, as a known officer.
    static func demoOfficer(_ db: AppDatabase) throws -> ActingOfficer {
        let login = try db.busiestAssignee() ?? "petugas"
        return ActingOfficer(try db.identity(login: login), hasOpenCases: try db.hasOpenCases(assignee: login))
    }

    /// Opens the detail of `company`, or of the demo officer's first company (by name) on
    /// Teguran I whose deadline has not passed: its escalation is blocked, with a reason.
    static func openCase(_ state: inout AppState, _ runner: EffectRunner, db: AppDatabase, company: Int64?, today: Day) throws {
        let target: Int64
        if let company {
            target = company
        } else if let found = try db.firstCase(stage: .warning1, assignee: state.officer.login, deadlineAfter: today) {
            target = found
        } else {
            let page = try db.companies(CompanyQuery(stages: [.warning1]), after: nil, limit: 1)
            target = page.rows.first?.id ?? 1
        }
        state.stack.append(.detail(DetailState(id: target)))
        runner.settle(&state, [.loadDetail(id: target)])
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

extension Render.ScreenName {
    /// Screens drawn for an officer (the rest are drawn as an unknown login sees them).
    var isCaseScreen: Bool {
        switch self {
        case .worklist, .worklistAll, .caseDetail, .letter: return true
        default: return form != nil
        }
    }
}
