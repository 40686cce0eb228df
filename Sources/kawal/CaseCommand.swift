import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case …`: the case workflow from the command line, for scripts and batch work.
///
/// Exit codes: 0 done, 3 refused by the escalation policy or the officer's rights (the reason
/// on stderr, nothing written), 2 a usage error, 1 anything else. The actor is always the OS
/// login running the command.
struct CaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "case",
            abstract: UsageError.strings.text(CaseHelpText.caseAbstract),
            discussion: UsageError.strings.text(CaseHelpText.caseDiscussion),
            subcommands: [CaseList.self, CaseShow.self, CaseLogLetter.self, CaseLogVisit.self, CaseNote.self, CasePromise.self,
                          CaseEscalate.self, CaseApprove.self, CaseComply.self, CaseClose.self])
    }
}

/// Parsing of the workflow's words on the command line; an unknown word is a usage error (exit 2).
enum CaseArguments {
    static func stage(_ text: String, _ s: Strings) throws -> Stage {
        if let st = Stage.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return st }
        throw CLIError(s.text(CaseText.cliBadStage, text, Stage.allCases.map(\.rawValue).joined(separator: ", ")), code: 2)
    }

    static func letterKind(_ text: String, _ s: Strings) throws -> LetterKind {
        if let k = LetterKind.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return k }
        throw CLIError(s.text(CaseText.cliBadLetterKind, text, LetterKind.allCases.map(\.rawValue).joined(separator: ", ")), code: 2)
    }

    static func visitKind(_ text: String, _ s: Strings) throws -> VisitKind {
        if let k = VisitKind(rawValue: text.lowercased()) { return k }
        throw CLIError(s.text(CaseText.cliBadVisitKind, text), code: 2)
    }

    /// `met`, `not-met` (or `notMet`), `closed-premises`, `refused`.
    static func outcome(_ text: String, _ s: Strings) throws -> VisitOutcome {
        let folded = text.lowercased().replacingOccurrences(of: "-", with: "")
        if let o = VisitOutcome.allCases.first(where: { $0.rawValue.lowercased() == folded }) { return o }
        throw CLIError(s.text(CaseText.cliBadOutcome, text, VisitOutcome.allCases.map(kebab).joined(separator: ", ")), code: 2)
    }

    /// `ceased-trading` (or `ceasedTrading`), `duplicate`, `outside-area`, `not-obliged`.
    static func closingReason(_ text: String, _ s: Strings) throws -> ClosingReason {
        let folded = text.lowercased().replacingOccurrences(of: "-", with: "")
        if let r = ClosingReason.allCases.first(where: { $0.rawValue.lowercased() == folded }) { return r }
        throw CLIError(s.text(CaseText.cliBadClosingReason, text, ClosingReason.allCases.map(kebab).joined(separator: ", ")), code: 2)
    }

    static func role(_ text: String, _ s: Strings) throws -> OfficerRole {
        if let r = OfficerRole(rawValue: text.lowercased()) { return r }
        throw CLIError(s.text(CaseText.cliBadRole, text), code: 2)
    }

    static func day(_ text: String, _ s: Strings) throws -> Day {
        guard let d = Day(parsing: text) else { throw CLIError(s.format(.errorBadDate, text), code: 2) }
        return d
    }

    static func text(_ text: String, _ s: Strings) throws -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw CLIError(s.text(CaseText.cliEmptyText), code: 2) }
        return t
    }

    /// `closedPremises` → `closed-premises`.
    static func kebab<T: RawRepresentable<String>>(_ value: T) -> String {
        var out = ""
        for c in value.rawValue {
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

/// Runs a command that changes cases or settings as the OS login: prints what was done, or
/// turns a refusal into its reason on stderr and exit code 3.
func acting(_ common: CommonOptions, _ body: (AppDatabase, String, Day, Strings) throws -> [String]) throws {
    try reportingErrors {
        let s = common.strings()
        let today = try common.day()
        let db = try common.open()
        if db.isReadOnly { throw CLIError(s.text(CaseText.cliReadOnly, db.path)) }
        let login = OSLogin.current()
        let lines: [String]
        do {
            lines = try body(db, login, today, s)
        } catch let e as CLIError {
            throw e
        } catch {
            throw cliError(error, s)
        }
        for l in lines { print(l) }
    }
}

/// Reads through the database as the OS login.
func browsing(_ common: CommonOptions, _ body: (AppDatabase, String, Day, Strings) throws -> Void) throws {
    try reportingErrors {
        let s = common.strings()
        let today = try common.day()
        let db = try common.open()
        do {
            try body(db, OSLogin.current(), today, s)
        } catch let e as CLIError {
            throw e
        } catch {
            throw cliError(error, s)
        }
    }
}

/// A store or policy error as one line with its exit code: 3 refused, 2 a wrong argument, 1 else.
func cliError(_ error: any Error, _ s: Strings) -> CLIError {
    switch error {
    case let r as Refusal:
        return CLIError(s.refusal(r), code: 3)
    case let e as CaseworkError:
        switch e {
        case .notPermitted(let login, let needs):
            switch needs {
            case .manageOfficers, .manageSettings: return CLIError(s.text(CaseText.cliNotAdmin, login), code: 3)
            case .approveReferral: return CLIError(s.refusal(.roleNotAllowed(.petugas, needs: .supervisor)), code: 3)
            case .browse, .workCases: return CLIError(s.refusal(.unknownOfficer(login: login)), code: 3)
            }
        case .officerExists(let login): return CLIError(s.text(CaseText.cliOfficerExists, login), code: 1)
        case .invalidLogin(let login): return CLIError(s.text(CaseText.cliBadLogin, login), code: 2)
        case .unknownOfficer(let login): return CLIError(s.refusal(.unknownOfficer(login: login)), code: 2)
        case .invalidLetterNumberPattern(let p): return CLIError(s.text(CaseText.cliBadPattern, p), code: 2)
        case .holidayMissing(let d): return CLIError(s.text(CaseText.cliHolidayMissing, d.iso), code: 1)
        case .noCompany(let id): return CLIError(s.text(CaseText.cliNoCompany, String(id)), code: 1)
        case .emptyText: return CLIError(s.text(CaseText.cliEmptyText), code: 2)
        case .noOpenPromise: return CLIError(s.text(CaseText.cliNoOpenPromise), code: 3)
        case .unknownEvent(let id): return CLIError(s.text(CaseText.cliUnknownEvent, String(id)), code: 2)
        case .notCorrectable(let kind): return CLIError(s.text(CaseText.cliNotCorrectable, s.eventKind(kind)), code: 3)
        }
    case let e as StoreWriteError:
        switch e {
        case .unknownCase(let id): return CLIError(s.text(CaseText.cliUnknownCase, String(id)), code: 2)
        case .readOnly(let path): return CLIError(s.text(CaseText.cliReadOnly, path), code: 1)
        case .busy(let path): return CLIError(s.text(CaseText.cliBusy, path), code: 1)
        case .diskFull(let path): return CLIError(s.text(CaseText.cliDiskFull, path), code: 1)
        default: return CLIError("\(e)", code: 1)
        }
    case let e as LetterError:
        switch e {
        case .brokenTemplate(let path, let reason), .unreadableTemplate(let path, let reason):
            return CLIError(s.text(CaseText.cliTemplateBroken, path, reason), code: 1)
        }
    case let e as StoreError:
        return CLIError(describe(e, s), code: 1)
    default:
        return CLIError("\(error)", code: 1)
    }
}

/// What an action did, in lines: the event, then the new stage when it changed.
func outcomeLines(_ o: CaseOutcome, _ first: String, _ s: Strings) -> [String] {
    o.stageChanged ? [first, s.text(CaseText.cliStageChanged, String(o.caseID), s.stage(o.stage))] : [first]
}
