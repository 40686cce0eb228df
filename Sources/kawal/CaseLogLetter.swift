import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case log-letter ID --kind K [--date D]`: a letter sent, numbered and stored as sent.
struct CaseLogLetter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-letter",
        abstract: "Log a letter sent: it gets the next number and its exact text is kept with the case.",
        discussion: "A Teguran, TMP2T or SKK letter sent from the stage below moves the case up, if the policy allows it.")

    @Argument(help: "The case number.")
    var id: Int64

    @Option(name: .long, help: "Kind: \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Option(name: .long, help: "The day it was sent (YYYY-MM-DD or dd/mm/yyyy; default today).")
    var date: String?

    @Option(name: .long, help: "How it was delivered, e.g. \"Pos tercatat\".")
    var delivery: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let kind = try CaseArguments.letterKind(self.kind, s)
            let day = try date.map { try CaseArguments.day($0, s) }
            let o = try db.logLetter(caseID: id, kind: kind, on: day, delivery: delivery, by: login, today: today)
            return outcomeLines(o, s.text(CaseText.cliLoggedLetter, s.letterKind(kind), o.letterNumber ?? "", String(id)), s)
        }
    }
}
