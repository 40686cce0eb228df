import GRDB
import KawalDomain

// Reading the rows of an export: the companies list's own keyset pages (`CompanyList.page`),
// so an export holds exactly the rows, in exactly the order, that the list shows for the same
// query, then the full columns of each page's companies in one lookup by id. Never more than
// one page in memory.

extension AppDatabase {
    /// Rows read per page of an export: large, because a page of a sparse filter or a search may
    /// cost a sort of its matches (see `CompanyList.page`), paid once a page; small enough that a
    /// page (and its `IN` list of ids) stays a few megabytes.
    public static let exportPageSize = 5_000

    /// Streams the rows of `query` (for `kind`) in the list's order to `body`, one page at a
    /// time, and returns how many there were.
    ///
    /// The whole export reads one snapshot (one read transaction: WAL lets writers go on), so
    /// a company edited meanwhile is neither skipped nor listed twice. An error thrown by `body`
    /// stops the export and is rethrown.
    @discardableResult
    public func exportRows(
        _ kind: ExportKind, query: CompanyQuery, pageSize: Int = exportPageSize, _ body: (ExportRow) throws -> Void
    ) throws -> Int {
        let q = query.forExport(kind)
        let size = max(1, pageSize)
        return try read { db in
            // Pages re-read the indexes a filter walks: a larger page cache (64 MiB, for this export
            // only) keeps them in memory instead of reading them again from the file.
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
            var key: RowKey?
            var count = 0
            // The assignee column shows officers by name: the table is small, read once.
            let names = try Self.officerNames(db)
            while true {
                let page = try CompanyList.page(db, q, key: key, limit: size, forward: true)
                let full = try ExportReader.rows(db, page.rows, officerNames: names)
                for row in page.rows {
                    // A row missing here would mean the page and the lookup disagree, which one
                    // snapshot rules out; skip rather than invent.
                    guard let r = full[row.id] else { continue }
                    if kind == .cases && r.complianceCase == nil { continue }
                    try body(r)
                    count += 1
                }
                guard page.hasMore, let last = page.keys.last else { return count }
                key = last
            }
        }
    }
}

enum ExportReader {
    static let columns = """
        c.id, c.name, c.legal_form, c.npwp, c.nib, c.npp, c.kbli, c.address, c.kelurahan, c.kecamatan, c.phone, \
        c.owner, c.estimated_workers, c.registered_workers, c.scale, c.status, \
        k.id, k.stage, k.opened_on, k.next_deadline, k.assignee
        """

    /// The full rows of the companies of `list`, with each one's current case (its open one, else
    /// its latest: `SchemaV1.currentCaseFirst`) and the name of its assignee (`officerNames`, by
    /// login), by id. The NPWP and the next deadline come from the list rows, already parsed.
    static func rows(_ db: Database, _ list: [CompanyRow], officerNames: [String: String] = [:]) throws -> [Int64: ExportRow] {
        guard !list.isEmpty else { return [:] }
        let ids = list.map(\.id)
        var known: [Int64: CompanyRow] = [:]
        known.reserveCapacity(list.count)
        for r in list { known[r.id] = r }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let sql = """
            SELECT \(columns) FROM company c
            LEFT JOIN compliance_case k ON k.id = (
                SELECT id FROM compliance_case WHERE company_id = c.id ORDER BY \(SchemaV1.currentCaseFirst) LIMIT 1)
            WHERE c.id IN (\(marks))
            """
        var out: [Int64: ExportRow] = [:]
        out.reserveCapacity(ids.count)
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(ids))
        while let r = try cursor.next() {
            let id: Int64 = r[0]
            let listed = known[id]
            let company = Company(
                id: id, name: r[1], legalForm: LegalForm(rawValue: r[2]) ?? .perorangan,
                npwp: listed.map(\.npwp) ?? (r[3] as String?).flatMap { try? NPWP($0) }, nib: (r[4] as String?).flatMap { try? NIB($0) },
                npp: (r[5] as String?).flatMap { try? NPP($0) }, sector: Sector.forCode(r[6]), address: r[7],
                kelurahan: r[8], kecamatan: r[9], phone: r[10], owner: r[11], estimatedWorkers: r[12],
                registeredWorkers: r[13], scale: Scale(rawValue: r[14]) ?? .mikro,
                status: ComplianceStatus(rawValue: r[15]) ?? .pwbd)
            var kase: ComplianceCase?
            if let caseID: Int64 = r[16] {
                kase = ComplianceCase(
                    id: caseID, companyID: id, stage: Stage(rawValue: r[17]) ?? .identified,
                    openedOn: Day(parsing: r[18]) ?? Day(serial: 0),
                    nextDeadline: listed.map(\.nextDeadline) ?? (r[19] as String?).flatMap(Day.init(parsing:)), assignee: r[20])
            }
            out[id] = ExportRow(company: company, complianceCase: kase, assigneeName: kase?.assignee.flatMap { officerNames[$0] })
        }
        return out
    }
}
