import KawalDomain
import Testing
@testable import KawalUI

@Suite("Timeline lines")
struct TimelineSummaryTests {
    func event(_ kind: EventKind, _ detail: EventDetail) -> CaseEvent {
        CaseEvent(id: 1, caseID: 1, occurredOn: Day(year: 2026, month: 11, day: 27)!, recordedAt: 0, actor: "a", kind: kind, detail: detail)
    }

    @Test func closingReasonsAreWordsNotCodes() {
        for language in Language.allCases {
            let s = Strings(language)
            for reason in ClosingReason.allCases {
                let line = s.eventSummary(event(.stageChange, EventDetail(fromStage: .visited, toStage: .closed, reason: reason.rawValue)))
                #expect(line.contains(s.closingReason(reason)), "\(language) \(reason): \(line)")
                #expect(!line.contains(reason.rawValue), "\(language) \(reason) shown as a code: \(line)")
            }
            // A free-text reason of another stage change is shown as written.
            let step = s.eventSummary(event(.stageChange, EventDetail(fromStage: .warning1, toStage: .visited, reason: "duplicate")))
            #expect(step.hasSuffix("duplicate"))
            // The command line has room for the stages' full names; the timeline uses short ones.
            let full = s.eventSummary(event(.stageChange, EventDetail(fromStage: .warning1, toStage: .sanctionRecommended)), fullStageNames: true)
            #expect(full.contains(s.stage(.warning1)) && full.contains(s.stage(.sanctionRecommended)), "\(full)")
        }
    }

    /// A review merge closes one case as a duplicate of the other: each line names the other case.
    @Test func aCaseClosedByAMergeNamesTheCaseThatGoesOn() {
        let id = Strings(.id)
        #expect(id.eventSummary(event(.stageChange, EventDetail(fromStage: .identified, toStage: .closed, reason: "duplicate", otherCase: 12)))
                == "Teridentif. → Ditutup · Data ganda · berlanjut di kasus 12")
        #expect(id.eventSummary(event(.note, EventDetail(otherCase: 31))) == "kasus 31 ditutup sebagai data ganda; riwayatnya tetap di sana")
        #expect(Strings(.en).eventSummary(event(.note, EventDetail(otherCase: 31))) == "case 31 closed as a duplicate; its history stays there")
    }
}
