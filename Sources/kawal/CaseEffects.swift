import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// Performs the case desk's effects: the policy's outlook on a case, saving a form (one store
/// write each, which asks the policy again inside its transaction), rendering and writing letters.
struct CaseEffects {
    let db: AppDatabase

    func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .loadOutlook(let companyID, let caseID, let officer, let today):
            do {
                guard let file = try db.caseFile(id: caseID, login: officer.login, today: today) else {
                    return .loadFailed(message: "case \(caseID) not found")
                }
                return .outlookLoaded(companyID: companyID, outlook: CaseOutlook(caseID: caseID, state: file.state, verdicts: file.actions))
            } catch {
                return .loadFailed(message: String(describing: error))
            }
        case .saveCase(let companyID, let caseID, let request, let officer, let today):
            do {
                try save(caseID: caseID, request, login: officer.login, today: today)
                return .caseSaved(companyID: companyID, request: request)
            } catch {
                return .caseSaveFailed(companyID: companyID, failure: CaseEffects.failure(error))
            }
        case .loadLetter(let caseID, let kind, let date, let draftNumber):
            do {
                let preview = try db.letterPreview(caseID: caseID, kind: kind, today: date, draftNumber: draftNumber)
                return .letterLoaded(caseID: caseID, kind: kind, letter: .success(preview.text))
            } catch {
                return .letterLoaded(caseID: caseID, kind: kind, letter: .failure(CaseEffects.failure(error)))
            }
        case .writeLetter(let text, let path):
            return write(text, to: path)
        default:
            return nil
        }
    }

    /// One store write per request.
    func save(caseID: Int64, _ request: CaseRequest, login: String, today: Day) throws {
        switch request {
        case .letter(let kind, let date, let delivery):
            try db.logLetter(caseID: caseID, kind: kind, on: date, delivery: delivery, by: login, today: today)
        case .visit(let v):
            try db.logVisit(caseID: caseID, AppDatabase.VisitReport(
                kind: v.kind, day: v.date, outcome: v.outcome, officers: [login], personMet: v.personMet, personRole: v.personRole,
                workersCounted: v.workersCounted, findings: v.findings, bapNumber: v.bapNumber, promiseUntil: v.promiseUntil),
                by: login, today: today)
        case .contact(let kind, let date, let text):
            if kind == .note {
                try db.addNote(caseID: caseID, text: text, by: login, today: today)
            } else {
                try db.logContact(caseID: caseID, kind: kind, on: date, text: text, by: login, today: today)
            }
        case .promise(let until, let date, let note):
            try db.logPromise(caseID: caseID, until: until, on: date, text: note, by: login, today: today)
        case .escalate(let to, let reason):
            if to == .referred {
                try db.requestReferral(caseID: caseID, justification: reason, by: login, today: today)
            } else {
                try db.moveCase(caseID: caseID, to: to, reason: reason, by: login, today: today)
            }
        case .approve:
            try db.approveReferral(caseID: caseID, by: login, today: today)
        case .comply(let registered, let note):
            try db.comply(caseID: caseID, registeredWorkers: registered, note: note, by: login, today: today)
        case .close(let reason, let note):
            try db.close(caseID: caseID, reason: reason, note: note, by: login, today: today)
        }
    }

    /// A store error in terms the form can show.
    static func failure(_ error: any Error) -> SaveFailure {
        switch error {
        case let r as Refusal: return .refused(r)
        case StoreWriteError.readOnly: return .readOnly
        case StoreWriteError.busy: return .busy
        case StoreWriteError.diskFull: return .diskFull
        case CaseworkError.notPermitted: return .notAnOfficer
        default: return .other(String(describing: error))
        }
    }

    /// The policy's answer for a worklist candidate: the stage it may move up to today, if any.
    /// Judged for the case's work (as its officer may escalate), not for who is looking.
    static func mayEscalate(_ today: Day) -> (EscalationCandidate) -> Stage? {
        { c in
            let worker = Identity.officer(Officer(login: c.assignee ?? "", name: c.assignee ?? "", role: .petugas))
            let up: CaseAction = c.state.stage == .sanctionRecommended ? .requestReferral : .escalate
            guard c.policy.verdict(up, c.state, by: worker, today: today).isAllowed, let next = c.state.stage.next else { return nil }
            return next
        }
    }

    /// Writes a letter into the current folder, never over an existing file.
    func write(_ text: String, to name: String) -> Action {
        let fm = FileManager.default
        let folder = fm.currentDirectoryPath
        var path = (folder as NSString).appendingPathComponent(name)
        var n = 2
        while fm.fileExists(atPath: path) {
            let base = (name as NSString).deletingPathExtension
            path = (folder as NSString).appendingPathComponent("\(base)-\(n).txt")
            n += 1
        }
        do {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            return .letterWritten(path: path)
        } catch {
            return .letterWriteFailed(path: path, message: (error as NSError).localizedDescription)
        }
    }
}
