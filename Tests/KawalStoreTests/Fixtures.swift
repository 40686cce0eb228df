import Foundation
import Synchronization
import GRDB
import KawalDomain
@testable import KawalStore

/// Builders for test data, and the list order computed independently in Swift.
enum Fixture {
    static let today = Day(year: 2026, month: 11, day: 27)!

    static func company(
        name: String, legalForm: LegalForm = .cv, npwp: NPWP? = nil, sector: String = "13134", address: String = "Jl. Hayam Wuruk No. 1",
        kecamatan: String = "Pekalongan Timur", owner: String = "Siti Aminah", estimated: Int = 10, registered: Int = 0,
        status: ComplianceStatus = .pwbd
    ) -> Company {
        Company(
            id: 0, name: name, legalForm: legalForm, npwp: npwp, nib: nil, npp: nil, sector: Sector.forCode(sector),
            address: address, kelurahan: "Kauman", kecamatan: kecamatan, phone: "0285-412345", owner: owner,
            estimatedWorkers: estimated, registeredWorkers: registered, scale: .kecil, status: status)
    }

    /// What the test knows about each inserted company, to compute expected orders.
    struct Known {
        var id: Int64
        var company: Company
        var stage: Stage?
        var deadline: Day?
    }

    /// A small list with many ties: repeated names (in several cases and accents), equal worker
    /// counts, shared kecamatan, sectors, statuses, missing stages and deadlines.
    static func populate(_ db: AppDatabase, count: Int = 90, seed: UInt64 = 7) throws -> [Known] {
        var rng = SplitMix64(seed: seed)
        let names = ["Batik Sekar", "batik sekar", "BATIK SEKAR", "Café Léstari", "Cafe Lestari", "Ikan Asap Bu Sri",
                     "Konveksi Putra", "Toko \"Maju\" (Baru)", "Zebra", "Ábaca", "Batik Ayu Ñoman"]
        let kecamatan = Kecamatan.pekalongan.map(\.name)
        let sectors = ["13134", "14111", "10213"]
        var out: [Known] = []
        for i in 0..<count {
            let status = ComplianceStatus.allCases[rng.below(5)]
            let est = rng.inRange(1...6)
            let reg = status == .pwbd ? 0 : status == .pdsTK ? rng.inRange(0...est) : est
            let npwp = i % 3 == 0 ? NPWP.make(prefix8: String(10_000_000 + i * 7_919), tail6: "511000") : nil
            let c = company(
                name: rng.pick(names), npwp: npwp, sector: rng.pick(sectors), address: "Jl. \(rng.pick(["Hayam Wuruk", "Seruni", "Kurinci"])) No. \(i)",
                kecamatan: rng.pick(kecamatan), owner: rng.pick(["Siti Aminah", "Bambang Sutrisno", "Haji Muhammad Fauzi"]),
                estimated: est, registered: reg, status: status)
            let id = try db.insertCompany(c, sources: npwp.map { [SourcedValue(field: "npwp", source: .pemkot, value: $0.digits)] } ?? [])
            var k = Known(id: id, company: c, stage: nil, deadline: nil)
            if rng.chance(0.6) {
                let stage = rng.pick(Stage.allCases)
                let deadline = rng.chance(0.5) ? today.adding(days: rng.inRange(-5...5)) : nil
                _ = try db.openCase(companyID: id, stage: stage, openedOn: today.adding(days: -30), nextDeadline: deadline, assignee: "ari")
                k.stage = stage
                k.deadline = deadline
            }
            out.append(k)
        }
        return out
    }

    /// Expected display order, computed from the inserted values (strings compared as UTF-8 bytes).
    static func expectedOrder(_ rows: [Known], _ q: CompanyQuery) -> [Int64] {
        enum V: Comparable {
            case i(Int)
            case s([UInt8])
            static func < (a: V, b: V) -> Bool {
                switch (a, b) {
                case (.i(let x), .i(let y)): return x < y
                case (.s(let x), .s(let y)): return x.lexicographicallyPrecedes(y)
                default: return false
                }
            }
        }
        func bytes(_ s: String) -> V { .s(Array(s.utf8)) }
        func primary(_ k: Known) -> V? {
            switch q.sort {
            case .name: return bytes(NameKey.fold(k.company.name))
            case .kecamatan: return bytes(k.company.kecamatan)
            case .sector: return bytes(k.company.sector.code)
            case .unprotected: return .i(k.company.unprotectedWorkers)
            case .status: return .i(ComplianceStatus.allCases.firstIndex(of: k.company.status)!)
            case .stage: return k.stage.map { .i($0.order) }
            case .deadline: return k.deadline.map { bytes($0.iso) }
            }
        }
        let tiesByName = ![.name, .unprotected].contains(q.sort)
        let desc = q.sort.descendingByDefault != q.reversed
        return rows.sorted { a, b in
            let pa = primary(a), pb = primary(b)
            if (pa == nil) != (pb == nil) { return pb == nil }  // NULL last either way
            var ka: [V] = pa.map { [$0] } ?? []
            var kb: [V] = pb.map { [$0] } ?? []
            if tiesByName {
                ka.append(bytes(NameKey.fold(a.company.name)))
                kb.append(bytes(NameKey.fold(b.company.name)))
            }
            ka.append(.i(Int(a.id)))
            kb.append(.i(Int(b.id)))
            return desc ? kb.lexicographicallyPrecedes(ka) : ka.lexicographicallyPrecedes(kb)
        }.map(\.id)
    }

    /// Every row of the list, walked forward page by page.
    static func walkForward(_ db: AppDatabase, _ q: CompanyQuery, pageSize: Int) throws -> [Int64] {
        var out: [Int64] = []
        var key: RowKey? = nil
        while true {
            let page = try db.companies(q, after: key, limit: pageSize)
            out += page.rows.map(\.id)
            guard page.hasMore, let last = page.keys.last else { return out }
            key = last
            if out.count > 100_000 { return out }
        }
    }

    /// Every row of the list, walked backward from the end, returned in display order.
    static func walkBackward(_ db: AppDatabase, _ q: CompanyQuery, pageSize: Int) throws -> [Int64] {
        var pages: [[Int64]] = []
        var key: RowKey? = nil
        while true {
            let page = try db.companies(q, before: key, limit: pageSize)
            pages.append(page.rows.map(\.id))
            guard page.hasMore, let first = page.keys.first else { break }
            key = first
            if pages.count > 100_000 { break }
        }
        return pages.reversed().flatMap { $0 }
    }

    static func tempPath(_ name: String = "kawal.sqlite") -> String {
        temporaryFolder("kawal-store-tests", create: false).appendingPathComponent(name).path
    }

    /// A new temporary folder's URL (created unless `create` is false), removed when the test
    /// run ends.
    static func temporaryFolder(_ name: String, create: Bool = true) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        if create { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        let first = temporaryFolders.withLock { folders in
            folders.append(url)
            return folders.count == 1
        }
        if first { atexit { Fixture.removeTemporaryFolders() } }
        return url
    }

    private static let temporaryFolders = Mutex<[URL]>([])

    private static func removeTemporaryFolders() {
        for url in temporaryFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }
}
