import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case log-visit ID --kind kunjungan|pemeriksaan --date D --outcome O [--bap NO] [--workers N] [--note T] [--promise D]`.
struct CaseLogVisit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-visit",
        abstract: "Log a visit (kunjungan) or an examination (pemeriksaan, with its BAP number).",
        discussion: "A kunjungan from Pemberitahuan and a pemeriksaan from Teguran II move the case up, if the policy allows it.")

    @Argument(help: "The case number.")
    var id: Int64

    @Option(name: .long, help: "kunjungan or pemeriksaan.")
    var kind: String

    @Option(name: .long, help: "The day of the visit (YYYY-MM-DD or dd/mm/yyyy).")
    var date: String

    @Option(name: .long, help: "met, not-met, closed-premises or refused.")
    var outcome: String

    @Option(name: .long, help: "The number of the examination report (Berita Acara Pemeriksaan).")
    var bap: String?

    @Option(name: .long, help: "Workers counted.")
    var workers: Int?

    @Option(name: .long, help: "Findings.")
    var note: String?

    @Option(name: .long, help: "A promise (surat pernyataan) signed during the visit: the day the company will register by.")
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
