import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal officer add|list`: who may act at this branch.
struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer",
        abstract: "Register officers (OS logins) and their roles: petugas, supervisor, admin.",
        discussion: "The login that creates a database is its first admin. A login not registered can only browse.",
        subcommands: [OfficerAdd.self, OfficerList.self])
}

/// `kawal officer add LOGIN --name NAME --role ROLE` (admin only).
struct OfficerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register an officer (admin only).")

    @Argument(help: "The officer's OS login.")
    var login: String

    @Option(name: .long, help: "Full name, as screens and letters show it.")
    var name: String

    @Option(name: .long, help: "petugas, supervisor or admin.")
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
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered officers.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "JSON instead of a table.")
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
