import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case log-visit ID --kind kunjungan|pemeriksaan --date D --outcome O [--bap NO] [--workers N] [--note T] [--promise D]`.
struct CaseLogVisit: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "log-visit",
            abstract: UsageError.strings.text(CaseHelpText.logVisitAbstract),
            discussion: UsageError.strings.text(CaseHelpText.logVisitDiscussion))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitKind)))
    var kind: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitDate)))
    var date: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitOutcome)))
    var outcome: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitBAP)))
    var bap: String?

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitWorkers)))
    var workers: Int?

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitNote)))
    var note: String?

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logVisitPromise)))
    var promise: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let report = AppDatabase.VisitReport(
                kind: try CaseArguments.visitKind(kind, s), day: try CaseArguments.day(date, s), outcome: try CaseArguments.outcome(outcome, s),
                workersCounted: try workers.map { n in
                    guard n >= 0 else { throw CLIError(s.text(CaseText.cliBadNumber, String(n)), code: 2) }
                    return n
                },
                findings: note, bapNumber: bap, promiseUntil: try promise.map { try CaseArguments.day($0, s) })
            let o = try db.logVisit(caseID: id, report, by: login, today: today)
            var lines = outcomeLines(o, s.text(CaseText.cliLoggedVisit, String(id)), s)
            if let p = report.promiseUntil { lines.append(s.text(CaseText.cliLoggedPromise, s.mediumDate(p), String(id))) }
            return lines
        }
    }
}
