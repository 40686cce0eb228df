import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case approve ID`: a supervisor approves another officer's referral request.
struct CaseApprove: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "approve", abstract: UsageError.strings.text(CaseHelpText.approveAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let o = try db.approveReferral(caseID: id, by: login, today: today)
            return outcomeLines(o, s.text(CaseText.cliReferralApproved, String(id)), s)
        }
    }
}
