import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case escalate ID --to STAGE --reason T`: one rung up, a step down, or a referral request.
struct CaseEscalate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "escalate",
            abstract: UsageError.strings.text(CaseHelpText.escalateAbstract),
            discussion: UsageError.strings.text(CaseHelpText.escalateDiscussion))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.escalateTo, Stage.ladder.map(\.rawValue).joined(separator: ", "))))
    var to: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.escalateReason)))
    var reason: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let stage = try CaseArguments.stage(to, s)
            guard stage.rung != nil else {
                throw CLIError(s.text(CaseText.cliBadStage, to, Stage.ladder.map(\.rawValue).joined(separator: ", ")), code: 2)
            }
            let o = try db.moveCase(caseID: id, to: stage, reason: reason, by: login, today: today)
            if !o.stageChanged { return [s.text(CaseText.cliReferralRequested, String(id))] }
            return [s.text(CaseText.cliStageChanged, String(id), s.stage(o.stage))]
        }
    }
}
