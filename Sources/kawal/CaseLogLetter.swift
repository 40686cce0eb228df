import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case log-letter ID --kind K [--date D]`: a letter sent, numbered and stored as sent.
struct CaseLogLetter: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "log-letter",
            abstract: UsageError.strings.text(CaseHelpText.logLetterAbstract),
            discussion: UsageError.strings.text(CaseHelpText.logLetterDiscussion))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.letterKindOption, LetterKind.allCases.map(\.rawValue).joined(separator: ", "))))
    var kind: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logLetterDate)))
    var date: String?

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.logLetterDelivery)))
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
