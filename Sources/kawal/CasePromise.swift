import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case promise ID --until D`: a written undertaking (surat pernyataan).
struct CasePromise: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "promise", abstract: UsageError.strings.text(CaseHelpText.promiseAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.promiseUntil)))
    var until: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.promiseNote)))
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
