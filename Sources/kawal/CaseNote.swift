import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case note ID TEXT`.
struct CaseNote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case (also a finished one).")

    @Argument(help: "The case number.")
    var id: Int64

    @Argument(help: "The note.")
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
