import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

@Suite struct FilterSearchTests {
    func ids(_ db: AppDatabase, _ q: CompanyQuery) throws -> Set<Int64> {
        Set(try Fixture.walkForward(db, q, pageSize: 13))
    }

    @Test func filtersCombineWithAndAcrossKindsAndOrWithinOne() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 120, seed: 5)
        let queries: [CompanyQuery] = [
            CompanyQuery(statuses: [.pwbd]),
            CompanyQuery(statuses: [.pwbd, .pdsTK]),
            CompanyQuery(stages: [.warning1, .referred]),
            CompanyQuery(kecamatan: ["Pekalongan Utara"]),
            CompanyQuery(sectors: ["13134", "10213"]),
            CompanyQuery(statuses: [.pdsTK, .patuh], stages: [.identified, .notified, .compliant], kecamatan: ["Pekalongan Barat", "Pekalongan Selatan"]),
            CompanyQuery(statuses: [.pwbd], sectors: ["14111"], sort: .deadline, reversed: true),
            CompanyQuery(stages: [.closed], kecamatan: ["Pekalongan Timur"], sectors: ["13134"], sort: .stage),
        ]
        for q in queries {
            let expected = known.filter { (k: Fixture.Known) -> Bool in
                if !q.statuses.isEmpty && !q.statuses.contains(k.company.status) { return false }
                if !q.stages.isEmpty { guard let s = k.stage, q.stages.contains(s) else { return false } }
                if !q.kecamatan.isEmpty && !q.kecamatan.contains(k.company.kecamatan) { return false }
                return q.sectors.isEmpty || q.sectors.contains(k.company.sector.code)
            }
            #expect(try Fixture.walkForward(db, q, pageSize: 7) == Fixture.expectedOrder(expected, q), "\(q)")
            #expect(try Fixture.walkBackward(db, q, pageSize: 7) == Fixture.expectedOrder(expected, q), "\(q)")
            #expect(try db.companyCount(q) == expected.count, "\(q)")
            for cap in [1, 5, 1_000] {
                #expect(try db.companyCount(q, upTo: cap) == min(cap, expected.count), "\(q) up to \(cap)")
            }
        }
        #expect(try db.companyCount() == known.count)
        #expect(try db.distinctSectors() == ["10213", "13134", "14111"])
    }

    /// The substring rule the search promises, applied in Swift.
    func matches(_ k: Fixture.Known, _ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        let folded = NameKey.fold(t)
        let name = NameKey.fold(k.company.name)
        if t.unicodeScalars.count < 3 { return name.hasPrefix(folded) }
        let hay = [name, NameKey.fold(k.company.address), NameKey.fold(k.company.owner), k.company.npwp?.digits ?? ""]
        var needles = [folded]
        if t.allSatisfy({ $0.isNumber || ".-/ ".contains($0) }) {
            var d = t.filter(\.isNumber)
            if d.count == 16 && d.first == "0" { d.removeFirst() }
            needles.append(d)
        }
        return needles.contains { n in n.unicodeScalars.count >= 3 && hay.contains { $0.contains(n) } }
    }

    @Test func searchFindsSubstringsOfNameAddressOwnerAndNPWP() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 120, seed: 9)
        let npwp = try #require(known.compactMap(\.company.npwp).first)
        let texts = [
            "sekar", "SEKAR", "atik sek", "cafe", "Café", "léstari", "ñoman", "noman", "seruni", "wuruk no. 1",
            "fauzi", "aminah", "siti", npwp.digits, npwp.formatted, npwp.sixteenDigits, String(npwp.digits.dropFirst(4).prefix(6)),
            "ba", "Z", "á", "\"Maju\"", "\"", "*", "AND", "(", "sekar AND", "ba*", "NEAR(a b)", "x OR y", "\"\"\"", "'", "nothing here",
        ]
        for path in Self.searchPaths {
            for text in texts {
                for sort in [CompanySort.name, .deadline, .unprotected] {
                    let q = CompanyQuery(search: text, sort: sort)
                    let expected = known.filter { matches($0, text) }
                    let got = try walk(db, q, path)
                    #expect(got == Fixture.expectedOrder(expected, q), "search \(text) sort \(sort) path \(path)")
                    #expect(try db.companyCount(q) == expected.count, "count \(text)")
                    #expect(try db.companyCount(q, upTo: 3) == min(3, expected.count), "capped count \(text)")
                }
            }
        }
        #expect(try db.companyCount(CompanyQuery(search: "sekar")) > 0)
        #expect(try db.companyCount(CompanyQuery(search: npwp.formatted)) >= 1)
    }

    /// (rareCap, denseCap, budget) forcing each way `CompanyList.page` reads a search:
    /// sort index walk testing rows; that walk interrupted at once (unpinned fallback); walk
    /// probing the FTS set; that walk interrupted; reading all matches and sorting them.
    static let searchPaths: [(Int, Int, Int32)] = [
        (1, 1, 2_000_000), (1, 1, 1), (1, 1_000_000, 2_000_000), (1, 1_000_000, 1), (1_000_000, 1_000_000, 2_000_000),
    ]

    /// Every row of the query through `CompanyList.page` with the given path, forward then backward.
    func walk(_ db: AppDatabase, _ q: CompanyQuery, _ path: (Int, Int, Int32), forward: Bool = true) throws -> [Int64] {
        try db.read { d in
            var pages: [[Int64]] = []
            var key: RowKey?
            repeat {
                let p = try CompanyList.page(
                    d, q, key: key, limit: 11, forward: forward, rareCap: path.0, denseCap: path.1, budget: path.2)
                pages.append(p.rows.map(\.id))
                key = p.hasMore ? (forward ? p.keys.last : p.keys.first) : nil
            } while key != nil
            return forward ? pages.flatMap { $0 } : pages.reversed().flatMap { $0 }
        }
    }

    @Test func everySearchPathKeepsOrderAndCompletenessUnderFilters() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 160, seed: 33)
        let filtered: [CompanyQuery] = [
            CompanyQuery(statuses: [.pdsTK], stages: [.warning2, .visited]),
            CompanyQuery(statuses: [.pwbd, .pdsTK], kecamatan: ["Pekalongan Timur", "Pekalongan Barat"]),
            CompanyQuery(stages: [.identified, .notified, .compliant], sectors: ["13134"]),
        ]
        for base in filtered {
            for text in ["batik", "sekar", "cafe", "wuruk", "511000", "ba", "k", "sutrisno", "nothing here"] {
                for sort in [CompanySort.name, .deadline, .unprotected, .stage] {
                    for reversed in [false, true] {
                        var q = base
                        q.search = text
                        q.sort = sort
                        q.reversed = reversed
                        let expected = Fixture.expectedOrder(known.filter { k in
                            if !q.statuses.isEmpty && !q.statuses.contains(k.company.status) { return false }
                            if !q.stages.isEmpty { guard let s = k.stage, q.stages.contains(s) else { return false } }
                            if !q.kecamatan.isEmpty && !q.kecamatan.contains(k.company.kecamatan) { return false }
                            if !q.sectors.isEmpty && !q.sectors.contains(k.company.sector.code) { return false }
                            return matches(k, text)
                        }, q)
                        for path in Self.searchPaths {
                            #expect(try walk(db, q, path) == expected, "\(q) path \(path)")
                            #expect(try walk(db, q, path, forward: false) == expected, "\(q) path \(path) backward")
                        }
                        #expect(try db.companyCount(q) == expected.count, "count \(q)")
                    }
                }
            }
        }
    }

    @Test func searchAndFiltersCombine() throws {
        let db = try AppDatabase.inMemory()
        let known = try Fixture.populate(db, count: 120, seed: 21)
        let q = CompanyQuery(statuses: [.pwbd, .pdsTK], kecamatan: ["Pekalongan Timur", "Pekalongan Barat"], search: "batik", sort: .kecamatan)
        let expected = known.filter {
            q.statuses.contains($0.company.status) && q.kecamatan.contains($0.company.kecamatan) && matches($0, "batik")
        }
        #expect(!expected.isEmpty)
        #expect(try Fixture.walkForward(db, q, pageSize: 4) == Fixture.expectedOrder(expected, q))
        #expect(try Fixture.walkBackward(db, q, pageSize: 4) == Fixture.expectedOrder(expected, q))
        #expect(try db.companyCount(q) == expected.count)
    }

    @Test func searchFollowsEditsThroughTheFTSTriggers() throws {
        let db = try AppDatabase.inMemory()
        let id = try db.insertCompany(Fixture.company(name: "Batik Semen Rama"), sources: [])
        #expect(try db.companies(CompanyQuery(search: "semen"), after: nil, limit: 5).rows.map(\.id) == [id])
        try db.writer.write { try $0.execute(sql: "UPDATE company SET name = 'Tenun Lurik', name_key = 'tenun lurik' WHERE id = ?", arguments: [id]) }
        #expect(try db.companyCount(CompanyQuery(search: "semen")) == 0)
        #expect(try db.companyCount(CompanyQuery(search: "lurik")) == 1)
        try db.writer.write { try $0.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [id]) }
        #expect(try db.companyCount(CompanyQuery(search: "lurik")) == 0)
    }

    @Test func searchPlanQuotesUserTextAsOneFTSString() {
        #expect(SearchPlan("  ") == .none)
        #expect(SearchPlan("ab") == .prefix("ab"))
        #expect(SearchPlan("Café") == .substrings(["cafe"]))
        #expect(SearchPlan(" a\"B ") == .substrings(["a\"b"]))
        #expect(SearchPlan("01.234.567.8-511.000") == .substrings(["012345678511000", "01.234.567.8-511.000"]))
        #expect(SearchPlan.match(["a\"b", "x*"]) == "\"a\"\"b\" OR \"x*\"")
    }
}

@Suite("Search match sets")
struct MatchSetTests {
    @Test func bitmapAndSparseSetsAnswerFromSQL() throws {
        let db = try AppDatabase.inMemory()
        try db.read { d in
            for ids in [[1, 63, 64, 65, 4_095], [2, 64, 5_000_000_000]] as [[Int64]] {
                let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
                let set = try MatchSet(d, sql: "SELECT value FROM json_each(?)", arguments: [json])
                #expect(set.count == ids.count)
                for probe: Int64 in [0, 1, 2, 62, 63, 64, 65, 66, 4_095, 4_096, 5_000_000_000, -1] {
                    #expect(set.contains(probe) == ids.contains(probe), "\(ids) contains \(probe)")
                    let fromSQL = try set.installed(on: d) {
                        try Int.fetchOne(d.makeStatement(sql: "SELECT kawal_match(?)"), arguments: [probe])
                    }
                    #expect(fromSQL == (ids.contains(probe) ? 1 : 0), "kawal_match(\(probe)) in \(ids)")
                }
            }
            // The function exists only while a set is installed.
            #expect(throws: DatabaseError.self) { try Int.fetchOne(d, sql: "SELECT kawal_match(1)") }
        }
    }
}

@Suite("Abandoned counts")
struct AbandonedCountTests {
    @Test func aCountStopsWhenItsSearchIsAbandoned() throws {
        let db = try AppDatabase.inMemory()
        _ = try Fixture.populate(db, count: 160, seed: 33)
        let q = CompanyQuery(search: "batik")
        let exact = try db.companyCount(q)
        #expect(exact > 0)
        #expect(try db.companyCount(q, abandoned: { false }) == exact)
        let stopped = try db.read { d in
            try CompanyList.abandonable(d, { true }, every: 1) { try CompanyList.count(d, q) }
        }
        #expect(stopped == nil)
        // The connection is usable afterwards: the handler is gone.
        #expect(try db.companyCount(q) == exact)
    }
}
