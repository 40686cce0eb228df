import Foundation
import KawalDomain
import Testing
@testable import KawalStore

@Suite("Open cases")
struct OpenCasesTests {
    @Test func anOfficerHasOpenCasesExactlyWhenSomeAreCounted() throws {
        let db = try AppDatabase.inMemory()
        try db.writeDemo(DemoOptions(companies: 300, seed: 4, today: Fixture.today, creator: "kepala"), progress: nil)
        for login in try db.officers().map(\.login) + ["tamu"] {
            #expect(try db.hasOpenCases(assignee: login) == (try db.openCaseCount(assignee: login) > 0), "\(login)")
        }
        #expect(try db.hasOpenCases(assignee: "kepala"))
        #expect(try !db.hasOpenCases(assignee: "tamu"))
    }
}
