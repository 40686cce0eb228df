import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case promise ID --until D`: a written undertaking (surat pernyataan).
struct CasePromise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promise",
        abstract: "Log a promise (surat pernyataan): the company will register or pay by a day. It holds escalation until then.")

    @Argument(help: "The case number.")
    var id: Int64

    @Option(name: .long, help: "The promised day (YYYY-MM-DD or dd/mm/yyyy), after today.")
    var until: String

    @Option(name: .long, help: "What the company promised.")
    var note: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let until = try CaseArguments.day(self.until, s)
            _ = try db.logPromise(caseID: id, until: until, text: note, by: login, today: today)
            return [s.text(CaseText.cliLoggedPromise, s.mediumDate(until), String(id))]
        }
    }
}
