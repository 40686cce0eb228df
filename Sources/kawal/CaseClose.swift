import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case close ID --reason R`.
struct CaseClose: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "close", abstract: UsageError.strings.text(CaseHelpText.closeAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.closeReason)))
    var reason: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.closeNote)))
    var note: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let r = try CaseArguments.closingReason(reason, s)
            _ = try db.close(caseID: id, reason: r, note: note, by: login, today: today)
            return [s.text(CaseText.cliClosed, String(id))]
        }
    }
}
