import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case note ID TEXT`.
struct CaseNote: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "note", abstract: UsageError.strings.text(CaseHelpText.noteAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.noteText)))
    var text: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let text = try CaseArguments.text(self.text, s)
            _ = try db.addNote(caseID: id, text: text, by: login, today: today)
            return [s.text(CaseText.cliLoggedNote, String(id))]
        }
    }
}
