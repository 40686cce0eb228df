import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

@Suite struct PagingTests {
    @Test(arguments: CompanySort.allCases)
    func walkingPagesEqualsOneSortOfEverything(sort: CompanySort) throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db)
        for reversed in [false, true] {
            let q = CompanyQuery(sort: sort, reversed: reversed)
            let expected = Fixture.expectedOrder(known, q)
            #expect(expected.count == known.count)
            for size in [1, 7, 50, 200] {
                #expect(try Fixture.walkForward(db, q, pageSize: size) == expected, "forward \(sort) reversed=\(reversed) size=\(size)")
                #expect(try Fixture.walkBackward(db, q, pageSize: size) == expected, "backward \(sort) reversed=\(reversed) size=\(size)")
            }
        }
    }

    @Test(arguments: CompanySort.allCases)
    func beforeAndAfterAnyRowAreItsNeighbours(sort: CompanySort) throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 60, seed: 11)
        let q = CompanyQuery(sort: sort)
        let all = try db.companies(q, after: nil, limit: 1_000)
        #expect(!all.hasMore)
        let expected = Fixture.expectedOrder(known, q)
        #expect(all.rows.map(\.id) == expected)
        for (i, key) in all.keys.enumerated() {
            let after = try db.companies(q, after: key, limit: 3)
            #expect(after.rows.map(\.id) == Array(expected[(i + 1)..<min(i + 4, expected.count)]))
            #expect(after.hasMore == (i + 4 < expected.count))
            let before = try db.companies(q, before: key, limit: 3)
            #expect(before.rows.map(\.id) == Array(expected[max(0, i - 3)..<i]))
            #expect(before.hasMore == (i - 3 > 0))
        }
    }

    /// A window read again from its first row starts with that row, in either direction of
    /// every sort, nullable ones included; and with the row gone, at the one after it.
    @Test(arguments: CompanySort.allCases)
    func aWindowReadAgainStartsAtItsFirstRow(sort: CompanySort) throws {
        for reversed in [false, true] {
            let db = try AppDatabase.inMemory()
            let known = try Fixture.populate(db, count: 60, seed: 12)
            let q = CompanyQuery(sort: sort, reversed: reversed)
            let all = try db.companies(q, after: nil, limit: 1_000)
            let expected = Fixture.expectedOrder(known, q)
            #expect(all.rows.map(\.id) == expected)
            for (i, key) in all.keys.enumerated() {
                let again = try db.companies(q, from: key, limit: 4)
                #expect(again.rows.map(\.id) == Array(expected[i..<min(i + 4, expected.count)]), "\(sort) reversed=\(reversed) at \(i)")
                #expect(again.hasMore == (i + 4 < expected.count))
            }
            // The first row of the window removed meanwhile (merged into another company).
            let gone = all.keys[10]
            try db.writer.write { try $0.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [gone.id]) }
            #expect(try db.companies(q, from: gone, limit: 2).rows.map(\.id) == Array(expected[11...12]), "\(sort) reversed=\(reversed)")
        }
    }

    @Test func unprotectedIsLargestFirstAndNullDeadlinesLast() throws {
        let db = try AppDatabase.inMemory()
        let small = try db.insertCompany(Fixture.company(name: "A", estimated: 3), sources: [])
        let big = try db.insertCompany(Fixture.company(name: "B", estimated: 300), sources: [])
        let none = try db.insertCompany(Fixture.company(name: "C", estimated: 30), sources: [])
        _ = try db.openCase(companyID: small, stage: .warning1, openedOn: Fixture.today, nextDeadline: Fixture.today.adding(days: 9), assignee: nil)
        _ = try db.openCase(companyID: big, stage: .notified, openedOn: Fixture.today, nextDeadline: Fixture.today.adding(days: 2), assignee: nil)
        #expect(try db.companies(CompanyQuery(sort: .unprotected), after: nil, limit: 10).rows.map(\.id) == [big, none, small])
        #expect(try db.companies(CompanyQuery(sort: .deadline), after: nil, limit: 10).rows.map(\.id) == [big, small, none])
        #expect(try db.companies(CompanyQuery(sort: .deadline, reversed: true), after: nil, limit: 10).rows.map(\.id) == [small, big, none])
        #expect(try db.companies(CompanyQuery(sort: .stage), after: nil, limit: 10).rows.map(\.id) == [big, small, none])
    }

    @Test func insertsBetweenPagesNeitherSkipNorRepeatExistingRows() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 80, seed: 3)
        for sort in CompanySort.allCases {
            let q = CompanyQuery(sort: sort)
            var seen: [Int64] = []
            var key: RowKey? = nil
            var round = 0
            while true {
                let page = try db.companies(q, after: key, limit: 9)
                seen += page.rows.map(\.id)
                guard page.hasMore, let last = page.keys.last else { break }
                key = last
                round += 1
                // New rows that sort before and after the current position.
                _ = try db.insertCompany(Fixture.company(name: "Aaa \(sort) \(round)", estimated: 500), sources: [])
                _ = try db.insertCompany(Fixture.company(name: "Zzz \(sort) \(round)", kecamatan: "Pekalongan Utara", estimated: 1), sources: [])
            }
            let old = Set(known.map(\.id))
            let seenOld = seen.filter(old.contains)
            #expect(seenOld.count == old.count, "\(sort)")
            #expect(Set(seenOld) == old, "\(sort)")
            #expect(seenOld == Fixture.expectedOrder(known, q), "\(sort)")
        }
    }

    @Test func aKeyFromAnotherSortIsRefusedNotMisread() throws {
        let db = try AppDatabase.inMemory()
        _ = try Fixture.populate(db, count: 5)
        let key = try #require(try db.companies(CompanyQuery(sort: .name), after: nil, limit: 1).keys.first)
        #expect(throws: StoreQueryError.self) { try db.companies(CompanyQuery(sort: .stage), after: key, limit: 5) }
    }

    @Test func emptyListAndZeroLimit() throws {
        let db = try AppDatabase.inMemory()
        let page = try db.companies(CompanyQuery(), after: nil, limit: 10)
        #expect(page.rows.isEmpty && !page.hasMore)
        #expect(try db.companies(CompanyQuery(), before: nil, limit: 10).rows.isEmpty)
        _ = try Fixture.populate(db, count: 3)
        #expect(try db.companies(CompanyQuery(), after: nil, limit: 0).rows.isEmpty)
    }
}
