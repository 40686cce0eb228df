import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case comply ID [--registered N]`.
struct CaseComply: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "comply", abstract: UsageError.strings.text(CaseHelpText.complyAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.complyRegistered)))
    var registered: Int?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            if let n = registered, n < 0 { throw CLIError(s.text(CaseText.cliBadNumber, String(n)), code: 2) }
            _ = try db.comply(caseID: id, registeredWorkers: registered, by: login, today: today)
            return [s.text(CaseText.cliComplied, String(id))]
        }
    }
}
