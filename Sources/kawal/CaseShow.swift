import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal case show ID [--json]`: the case, its history and every next action with its verdict.
struct CaseShow: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: UsageError.strings.text(CaseHelpText.showAbstract))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.jsonInsteadOfText)))
    var json = false

    func run() throws {
        try browsing(common) { db, login, today, s in
            guard let file = try db.caseFile(id: id, login: login, today: today) else {
                throw CLIError(s.text(CaseText.cliUnknownCase, String(id)), code: 2)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(CaseFileJSON(file, s)), as: UTF8.self))
            } else {
                print(CaseShow.text(file, s), terminator: "")
            }
        }
    }

    static func text(_ f: CaseFile, _ s: Strings) -> String {
        let c = f.detail.company
        var out = s.text(CaseText.cliHeaderCase, String(f.caseID), c.displayName, s.stage(f.state.stage)) + "\n"
        var facts: [String] = []
        if let a = f.state.assignee { facts.append(s.text(CaseText.cliAssignee, f.name(of: a))) }
        if let d = f.nextDeadline { facts.append(s.text(CaseText.cliDeadline, s.mediumDate(d))) }
        if let p = f.state.openPromise { facts.append(s.text(CaseText.waitingOnPromise, s.mediumDate(p.until))) }
        if let r = f.state.referralRequest {
            facts.append(s.text(CaseText.referralWaiting, s.mediumDate(r.day)) + " (" + f.name(of: r.requestedBy) + ")")
        }
        if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n" }
        out += "\n" + s.text(CaseText.cliLadder) + "\n"
        for st in Stage.ladder {
            let mark = st == f.state.stage ? "●" : (f.state.reached[st] != nil && st < f.state.stage ? "✓" : "○")
            out += "  \(mark) " + CaseTable.pad(s.stage(st), 34) + (f.state.reached[st].map { s.mediumDate($0) } ?? "") + "\n"
        }
        if f.state.isEnded { out += "  ■ " + s.stage(f.state.stage) + "\n" }
        out += "\n" + s.text(CaseText.cliHistory) + "\n"
        for e in f.detail.events.reversed() {
            out += "  " + s.mediumDate(e.occurredOn) + "  " + CaseTable.pad(s.eventKind(e.kind), 13) + " "
                + s.eventSummary(e, fullStageNames: true) + " — " + f.name(of: e.actor) + "\n"
        }
        out += "\n" + s.text(CaseText.cliNextActions) + "\n"
        for a in f.actions {
            switch a.verdict {
            case .allowed(let to):
                out += "  [" + s.text(CaseText.cliAllowed) + "] " + s.caseAction(a.action) + (to.map { " → " + s.stage($0) } ?? "") + "\n"
            case .refused(let r):
                out += "  [" + s.text(CaseText.cliRefused) + "] " + s.caseAction(a.action) + ": " + s.refusal(r) + "\n"
            }
        }
        return out
    }
}

/// `kawal case show --json`: stable keys, ISO days, machine names of actions and refusals.
struct CaseFileJSON: Encodable {
    struct Company: Encodable {
        var id: Int64
        var name: String
        var npwp: String?
        var address: String
        var kelurahan: String
        var kecamatan: String
        var estimated_workers: Int
        var registered_workers: Int
        var status: String
    }

    struct Event: Encodable {
        var id: Int64
        var occurred_on: String
        var actor: String
        var kind: String
        var detail: EventDetail
    }

    struct Action: Encodable {
        var action: String
        var allowed: Bool
        var new_stage: String?
        var refusal: String?
        var reason: String?
    }

    var id: Int64
    var company: Company
    var stage: String
    var opened_on: String
    var reached: [String: String]
    var assignee: String?
    var next_deadline: String?
    var escalation_opens: String?
    var promise_until: String?
    var referral_requested_by: String?
    var events: [Event]
    var actions: [Action]

    init(_ f: CaseFile, _ s: Strings) {
        let c = f.detail.company
        id = f.caseID
        company = Company(id: c.id, name: c.displayName, npwp: c.npwp?.formatted, address: c.address, kelurahan: c.kelurahan,
                          kecamatan: c.kecamatan, estimated_workers: c.estimatedWorkers, registered_workers: c.registeredWorkers,
                          status: c.status.code)
        stage = f.state.stage.rawValue
        opened_on = f.state.openedOn.iso
        var r: [String: String] = [:]
        for (k, v) in f.state.reached { r[k.rawValue] = v.iso }
        reached = r
        assignee = f.state.assignee
        next_deadline = f.nextDeadline?.iso
        escalation_opens = f.escalationOpens?.iso
        promise_until = f.state.openPromise?.until.iso
        referral_requested_by = f.state.referralRequest?.requestedBy
        events = f.detail.events.reversed().map {
            Event(id: $0.id, occurred_on: $0.occurredOn.iso, actor: $0.actor, kind: $0.kind.rawValue, detail: $0.detail)
        }
        actions = f.actions.map { a in
            switch a.verdict {
            case .allowed(let to): return Action(action: a.action.description, allowed: true, new_stage: to?.rawValue)
            case .refused(let why): return Action(action: a.action.description, allowed: false, refusal: why.code, reason: s.refusal(why))
            }
        }
    }
}
