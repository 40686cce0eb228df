import ArgumentParser
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case approve ID`: a supervisor approves another officer's referral request.
struct CaseApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a referral to the prosecutor (supervisors; not your own request).")

    @Argument(help: "The case number.")
    var id: Int64

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, login, today, s in
            let o = try db.approveReferral(caseID: id, by: login, today: today)
            return outcomeLines(o, s.text(CaseText.cliReferralApproved, String(id)), s)
        }
    }
}
