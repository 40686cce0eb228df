import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case comply ID [--registered N]`.
struct CaseComply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comply", abstract: "Mark a case compliant: the company registered its workers.")

    @Argument(help: "The case number.")
    var id: Int64

    @Option(name: .long, help: "Workers now registered (default: all the estimated workers).")
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
