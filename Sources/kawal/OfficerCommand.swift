import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal officer add|list`: who may act at this branch.
struct OfficerCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "officer",
            abstract: UsageError.strings.text(CaseHelpText.officerAbstract),
            discussion: UsageError.strings.text(CaseHelpText.officerDiscussion),
            subcommands: [OfficerAdd.self, OfficerList.self])
    }
}

/// `kawal officer add LOGIN --name NAME --role ROLE` (admin only).
struct OfficerAdd: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: UsageError.strings.text(CaseHelpText.officerAddAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.officerAddLogin)))
    var login: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.officerAddName)))
    var name: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.officerAddRole)))
    var role: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try acting(common) { db, me, _, s in
            let role = try CaseArguments.role(self.role, s)
            guard Officer.isValidLogin(login) else { throw CLIError(s.text(CaseText.cliBadLogin, login), code: 2) }
            let name = try CaseArguments.text(self.name, s)
            try db.addOfficer(Officer(login: login, name: name, role: role), by: me)
            return [s.text(CaseText.cliOfficerAdded, name, login, s.role(role))]
        }
    }
}

/// `kawal officer list [--json]`.
struct OfficerList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: UsageError.strings.text(CaseHelpText.officerListAbstract))
    }

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.jsonInsteadOfTable)))
    var json = false

    func run() throws {
        try browsing(common) { db, me, _, s in
            let officers = try db.officers()
            if json {
                let rows = officers.map { ["login": $0.login, "name": $0.name, "role": $0.role.rawValue] }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            for o in officers {
                print(CaseTable.pad(o.login, 20) + " " + CaseTable.pad(s.role(o.role), 11) + " " + o.name + (o.login == me ? " *" : ""))
            }
            if officers.first(where: { $0.login == me }) == nil {
                FileHandle.standardError.write(Data((s.refusal(.unknownOfficer(login: me)) + "\n").utf8))
            }
        }
    }
}
