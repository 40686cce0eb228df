import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case list [--stage S] [--mine] [--json]`.
struct CaseList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: UsageError.strings.text(CaseHelpText.listAbstract))
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.listStage, Stage.allCases.map(\.rawValue).joined(separator: ", "))))
    var stage: String?

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.listMine)))
    var mine = false

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.listJSON)))
    var json = false

    func run() throws {
        try browsing(common) { db, login, _, s in
            let stage = try self.stage.map { try CaseArguments.stage($0, s) }
            let out = FileHandle.standardOutput
            var buffer = ""
            func flush(_ force: Bool = false) {
                if force || buffer.utf8.count > 64 * 1024 {
                    out.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            var n = 0
            if json { buffer += "[" } else {
                buffer += s.text(CaseText.cliListHeader) + "\n"
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try db.forEachCase(stage: stage, assignee: mine ? login : nil) { c in
                if json {
                    buffer += (n == 0 ? "\n" : ",\n") + String(decoding: try encoder.encode(CaseJSON(c)), as: UTF8.self)
                } else {
                    buffer += CaseTable.line(c, s) + "\n"
                }
                n += 1
                flush()
                return true
            }
            if json { buffer += n == 0 ? "]\n" : "\n]\n" } else if n == 0 { buffer += s.text(CaseText.cliNoCases) + "\n" }
            flush(true)
        }
    }
}

/// One case as `kawal case list --json` writes it: stable keys, ISO days.
struct CaseJSON: Encodable {
    var id: Int64
    var company_id: Int64
    var company: String
    var stage: String
    var opened_on: String
    var next_deadline: String?
    var assignee: String?
    var assignee_name: String?
    var promise_until: String?
    var escalation_opens: String?
    var referral_requested_by: String?

    init(_ c: CaseSummary) {
        id = c.caseID
        company_id = c.companyID
        company = c.companyName
        stage = c.stage.rawValue
        opened_on = c.openedOn.iso
        next_deadline = c.nextDeadline?.iso
        assignee = c.assignee
        assignee_name = c.assigneeName
        promise_until = c.promiseUntil?.iso
        escalation_opens = c.escalationOpens?.iso
        referral_requested_by = c.referralRequestedBy
    }
}

/// The text table of `kawal case list`.
enum CaseTable {
    static func pad(_ t: String, _ width: Int) -> String {
        let w = t.count
        return w >= width ? String(t.prefix(width)) : t + String(repeating: " ", count: width - w)
    }

    static func line(_ c: CaseSummary, _ s: Strings) -> String {
        let id = String(c.caseID)
        return String(repeating: " ", count: max(0, 7 - id.count)) + id + "  " + pad(s.stageShort(c.stage), 12) + " "
            + pad(c.nextDeadline.map { s.shortDate($0) } ?? "", 9) + " " + pad(c.assigneeName ?? c.assignee ?? "", 18) + " " + c.companyName
    }
}
