import KawalDomain

/// The company detail screen's state.
public struct DetailState: Hashable, Sendable {
    public var id: Int64
    public var detail: CompanyDetail?
    public var loaded = false
    /// First timeline entry shown.
    public var scroll = 0
    /// The panel of values that differ between sources is open.
    public var showSources = false
    /// What may be done next to the company's case, and why not; nil until loaded.
    public var outlook: CaseOutlook?

    public init(id: Int64) {
        self.id = id
    }
}

/// A screen pushed over the companies list.
public enum Screen: Hashable, Sendable {
    case detail(DetailState)
    case help(scroll: Int)
    case importHistory(ImportHistoryState)
    case duplicates(DuplicateReviewState)
    case form(CaseFormState)
    case letter(LetterPreviewState)
}

/// The search line while the user types.
public struct SearchEdit: Hashable, Sendable {
    public var text: String
    /// The search before editing began, restored by Esc.
    public var previous: String
}

/// One line of the filter menu.
public enum FilterItem: Hashable, Sendable {
    case group(StringKey)
    case status(ComplianceStatus)
    case stage(Stage)
    case kecamatan(String)
    case sector(String)

    public var isGroup: Bool { if case .group = self { return true } else { return false } }
}

/// The filter menu: a draft of the query's filters, applied with Enter.
public struct FilterMenu: Hashable, Sendable {
    public var items: [FilterItem]
    public var cursor: Int
    public var draft: CompanyQuery
    public var top = 0

    public init(query: CompanyQuery, sectors: [String]) {
        var items: [FilterItem] = [.group(.filterGroupStatus)]
        items += ComplianceStatus.allCases.map(FilterItem.status)
        items.append(.group(.filterGroupStage))
        items += Stage.allCases.map(FilterItem.stage)
        items.append(.group(.filterGroupKecamatan))
        items += Kecamatan.pekalongan.map { FilterItem.kecamatan($0.name) }
        items.append(.group(.filterGroupSector))
        let codes = sectors.isEmpty ? Sector.known.map(\.code) : sectors
        items += codes.map(FilterItem.sector)
        self.items = items
        self.cursor = 1
        self.draft = query
    }

    public func isOn(_ item: FilterItem) -> Bool {
        switch item {
        case .group: return false
        case .status(let s): return draft.statuses.contains(s)
        case .stage(let s): return draft.stages.contains(s)
        case .kecamatan(let k): return draft.kecamatan.contains(k)
        case .sector(let c): return draft.sectors.contains(c)
        }
    }

    mutating func toggle() {
        func flip<T: Hashable>(_ set: inout Set<T>, _ v: T) { if set.contains(v) { set.remove(v) } else { set.insert(v) } }
        switch items[cursor] {
        case .group: break
        case .status(let s): flip(&draft.statuses, s)
        case .stage(let s): flip(&draft.stages, s)
        case .kecamatan(let k): flip(&draft.kecamatan, k)
        case .sector(let c): flip(&draft.sectors, c)
        }
    }

    mutating func move(_ delta: Int) {
        var i = cursor
        repeat {
            i += delta > 0 ? 1 : -1
            if i < 0 || i >= items.count { return }
        } while items[i].isGroup
        cursor = i
    }
}

/// A message on the line above the status bar.
public struct Message: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the TUI knows. Changed only by `update`; drawn by `view`.
public struct AppState: Hashable, Sendable {
    public var size: Size
    public var language: Language
    public var today: Day
    public var readOnly: Bool
    public var list: ListState
    public var stack: [Screen] = []
    public var search: SearchEdit?
    public var filterMenu: FilterMenu?
    public var sortMenu: Int?
    public var sectors: [String] = []
    public var message: Message?
    public var quit = false
    public var keyMap: KeyMapID = .standard
    /// An export of the list is being written.
    public var exporting = false
    /// The rows the export has written so far, and how many the list had when it started
    /// (nil when that count was not exact).
    public var exportProgress = ExportProgress(rows: 0, total: nil)
    /// The latest import this session knows of (nil: none, or not read yet): a later one, made
    /// by another program, is announced.
    public var latestImport: LatestImport = .unknown
    /// A question about the running export the next key answers (y: yes), if one is asked.
    public var exportQuestion: ExportQuestion?
    /// Whether the company on top was opened from the companies list (directly over it), so
    /// that n and N go to the list's next and previous company.
    public var detailFollowsList: Bool {
        guard root == .companies, case .detail? = stack.last else { return false }
        return stack.count == 1
    }
    /// Who is using Kawal (the OS login, and the officer it maps to, if any).
    public var officer: ActingOfficer
    /// The screen under the stack: today's worklist or the companies list.
    public var root: RootScreen
    public var worklist: WorklistState

    public init(size: Size, language: Language, today: Day, readOnly: Bool, query: CompanyQuery = CompanyQuery(),
                officer: ActingOfficer = ActingOfficer(login: "")) {
        self.size = size
        self.language = language
        self.today = today
        self.readOnly = readOnly
        self.list = ListState(query: query)
        self.officer = officer
        // An officer with work starts on today's; anyone else, or a read-only database, on the companies.
        self.root = officer.startsOnWorklist && !readOnly ? .worklist : .companies
        self.worklist = WorklistState(showsApprovals: officer.isSupervisor)
    }

    /// Whether the user may record anything: a known officer on a writable database.
    public var canAct: Bool { officer.isKnown && !readOnly }

    public var strings: Strings { Strings(language) }

    /// The smallest terminal Kawal draws in.
    public static let minimumSize = Size(width: 40, height: 10)

    public var isTooSmall: Bool { size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height }

    /// Rows of the companies table that fit on screen.
    public var tableHeight: Int { max(1, size.height - 5) }

    /// Lines of the detail timeline that fit on screen.
    public var timelineHeight: Int { max(1, size.height - DetailLayout.timelineTop(size, canAct: canAct) - 2) }
}

/// Key maps by name (only the standard one for now), so the state stays a plain value.
public enum KeyMapID: Hashable, Sendable {
    case standard

    public var map: KeyMap { .standard }
}

/// How far an export of the list has come.
public struct ExportProgress: Hashable, Sendable {
    public var rows: Int
    public var total: Int?

    public init(rows: Int, total: Int?) {
        self.rows = rows
        self.total = total
    }
}

/// What the session knows of the imports, to tell the user when another program imports.
public enum LatestImport: Hashable, Sendable {
    /// Not read yet.
    case unknown
    /// Read: the id of the latest import, nil when there is none.
    case known(Int64?)
}

/// What the user is asked about the running export.
public enum ExportQuestion: Hashable, Sendable {
    /// The export key, pressed again: cancel the export?
    case cancel
    /// q: quit, which drops the export?
    case quit
}
