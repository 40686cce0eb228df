import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case close ID --reason R`.
struct CaseClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case without compliance.")

    @Argument(help: "The case number.")
    var id: Int64

    @Option(name: .long, help: "ceased-trading, duplicate, outside-area or not-obliged.")
    var reason: String

    @Option(name: .long, help: "A note.")
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
