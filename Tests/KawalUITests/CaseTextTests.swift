import Testing
import KawalDomain
import KawalUI

@Suite("Case texts")
struct CaseTextTests {
    @Test func refusalsNameTheDateOrTheMissingItem() {
        let id = Strings(.id)
        let en = Strings(.en)
        let early = Refusal.tooEarly(from: Day(year: 2022, month: 1, day: 31)!, wait: .warning1Deadline(workingDays: 10))
        #expect(id.refusal(early) == "Teguran II bisa dikirim mulai Senin, 31 Januari 2022 (10 hari kerja setelah Teguran I)")
        #expect(en.refusal(early) == "Warning II can be sent from Monday, 31 January 2022 (10 working days after Warning I)")
        let promise = Refusal.promisePending(until: Day(year: 2022, month: 2, day: 14)!)
        #expect(id.refusal(promise).contains("s/d 14 Feb 2022"))
        #expect(id.refusal(promise).contains("Selasa, 15 Februari 2022"))
        #expect(id.refusal(.needsWarningLetters(have: 1, need: 2)) == "Limpah ke Kejaksaan perlu 2 surat teguran tercatat (baru 1)")
        #expect(id.refusal(.unknownOfficer(login: "tamu")).contains("kawal officer add tamu"))
        #expect(id.refusal(.roleNotAllowed(.petugas, needs: .supervisor)).contains("Supervisor"))
    }

    @Test func everyActionHasAName() {
        for lang in Language.allCases {
            let s = Strings(lang)
            let names = CaseAction.all.map { s.caseAction($0) }
            #expect(Set(names).count == names.count, "\(lang): \(names)")
            #expect(names.allSatisfy { !$0.contains("{") })
        }
    }
}
