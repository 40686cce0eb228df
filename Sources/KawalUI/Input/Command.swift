/// Where a command applies: help groups commands by it and the status bar shows the
/// commands of the current screen.
public enum CommandContext: Sendable, CaseIterable {
    case global
    case list
    case detail
    /// The duplicate review screen.
    case review
    case worklist
    case caseAction
    case letter
}

/// Everything a user can ask for. Help and the status-bar hints are generated from this
/// table and the key map, so they cannot drift from the bindings.
public enum Command: String, CaseIterable, Sendable {
    case quit
    case back
    case help
    case redraw
    case down
    case up
    case pageDown
    case pageUp
    case halfPageDown
    case halfPageUp
    case top
    case bottom
    case open
    case search
    case nextMatch
    case previousMatch
    case filter
    case sort
    case clearSearch
    case exportList
    case importHistory
    case duplicateReview
    case mergeDuplicate
    case keepApart
    /// In the review: open the company the import added (Enter opens the one already there).
    case openIncoming
    case sources
    case today
    case scope
    case logLetter
    case logVisit
    case logContact
    case logPromise
    case escalate
    case approve
    case comply
    case closeCase
    case previewLetter
    case writeLetter

    public var context: CommandContext {
        switch self {
        case .quit, .back, .help, .redraw: return .global
        case .down, .up, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .top, .bottom: return .list
        case .open, .search, .filter, .sort, .clearSearch: return .list
        case .nextMatch, .previousMatch, .sources: return .detail
        case .exportList, .importHistory, .duplicateReview: return .list
        case .mergeDuplicate, .keepApart, .openIncoming: return .review
        case .today, .scope: return .worklist
        case .logLetter, .logVisit, .logContact, .logPromise, .escalate, .approve, .comply, .closeCase, .previewLetter:
            return .caseAction
        case .writeLetter: return .letter
        }
    }

    /// The line in the help screen.
    public var helpKey: StringKey {
        switch self {
        case .quit: return .cmdQuit
        case .back: return .cmdBack
        case .help: return .cmdHelp
        case .redraw: return .cmdRedraw
        case .down: return .cmdDown
        case .up: return .cmdUp
        case .pageDown: return .cmdPageDown
        case .pageUp: return .cmdPageUp
        case .halfPageDown: return .cmdHalfDown
        case .halfPageUp: return .cmdHalfUp
        case .top: return .cmdTop
        case .bottom: return .cmdBottom
        case .open: return .cmdOpen
        case .search: return .cmdSearch
        case .nextMatch: return .cmdNextMatch
        case .previousMatch: return .cmdPrevMatch
        case .filter: return .cmdFilter
        case .sort: return .cmdSort
        case .clearSearch: return .cmdClearSearch
        // Feature commands have their words in their own catalogue (`helpText`).
        default: return .cmdQuit
        }
    }

    /// The short word in the status bar, for the commands worth a hint.
    public var hintKey: StringKey? {
        switch self {
        case .open: return .hintOpen
        case .search: return .hintSearch
        case .filter: return .hintFilter
        case .sort: return .hintSort
        case .help: return .hintHelp
        case .quit: return .hintQuit
        case .back: return .hintBack
        case .nextMatch: return .hintNext
        case .clearSearch: return .hintClear
        default: return nil
        }
    }
}

/// Default bindings as data: command → keys, first key shown in hints.
public struct KeyMap: Sendable {
    public var bindings: [(command: Command, keys: [Key])]

    public static let standard = KeyMap(bindings: [
        (.down, [.char("j"), .down]),
        (.up, [.char("k"), .up]),
        (.pageDown, [.pageDown, .char(" ")]),
        (.pageUp, [.pageUp, .char("b")]),
        (.halfPageDown, [.ctrl("d")]),
        (.halfPageUp, [.ctrl("u")]),
        (.top, [.char("g"), .home]),
        (.bottom, [.char("G"), .end]),
        (.open, [.enter, .char("l"), .right]),
        (.search, [.char("/")]),
        (.nextMatch, [.char("n")]),
        (.previousMatch, [.char("N")]),
        (.filter, [.char("f")]),
        (.sort, [.char("s")]),
        (.clearSearch, [.char("x")]),
        (.exportList, [.char("e")]),
        (.importHistory, [.char("i")]),
        (.duplicateReview, [.char("D")]),
        (.mergeDuplicate, [.char("M")]),
        (.keepApart, [.char("B")]),
        (.openIncoming, [.char("o")]),
        (.sources, [.char("v")]),
        (.today, [.char("t")]),
        (.scope, [.char("m")]),
        (.logLetter, [.char("L")]),
        (.logVisit, [.char("V")]),
        (.logContact, [.char("C")]),
        (.logPromise, [.char("P")]),
        (.escalate, [.char("E")]),
        (.approve, [.char("A")]),
        (.comply, [.char("K")]),
        (.closeCase, [.char("T")]),
        (.previewLetter, [.char("S")]),
        (.writeLetter, [.char("w")]),
        (.help, [.char("?"), .function(1)]),
        (.redraw, [.ctrl("l")]),
        (.back, [.escape, .char("h"), .left]),
        (.quit, [.char("q")]),
    ])

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The keys bound to `command`.
    public func keys(for command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }
}
