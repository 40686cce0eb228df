import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

@Suite("Detail actors")
struct DetailActorTests {
    /// The timeline names officers; a login that is not an officer shows as itself.
    @Test func eventActorsAreNamedByTheOfficerTable() throws {
        let db = try AppDatabase.inMemory()
        try db.writeDemo(DemoOptions(companies: 200, seed: 3, today: Fixture.today, creator: "kepala"), progress: nil)
        let names = Dictionary(uniqueKeysWithValues: try db.officers().map { ($0.login, $0.name) })
        let companyIDs = try db.read { d in
            try Int64.fetchAll(d, sql: "SELECT DISTINCT c.company_id FROM compliance_case c JOIN case_event e ON e.case_id = c.id LIMIT 20")
        }
        #expect(!companyIDs.isEmpty)
        var named = 0
        for id in companyIDs {
            let detail = try #require(try db.companyDetail(id: id))
            for e in detail.events {
                #expect(detail.actorName(e) == names[e.actor] ?? e.actor)
                if names[e.actor] != nil { named += 1 }
            }
            #expect(Set(detail.actorNames.keys).isSubset(of: Set(detail.events.map(\.actor))))
        }
        #expect(named > 0)
        let stranger = CaseEvent(id: 0, caseID: 0, occurredOn: Fixture.today, recordedAt: 0, actor: "tamu", kind: .note, detail: EventDetail())
        #expect(CompanyDetail(company: try #require(try db.companyDetail(id: companyIDs[0])).company, sources: [], complianceCase: nil, events: [])
            .actorName(stranger) == "tamu")
    }
}
