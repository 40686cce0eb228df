import Foundation
import GRDB
import KawalDomain

/// Why a review decision on a possible duplicate was refused.
public enum DuplicateReviewError: Error, Equatable, Sendable {
    /// No possible duplicate has this id.
    case unknownPair(id: Int64)
    /// Someone already decided about this pair.
    case alreadyResolved(id: Int64, status: DuplicateStatus)
}

/// Reads a company and its provenance rows. The import reads one of each per merged row, so
/// the cached statements are stepped through the SQLite C API and their columns read in place
/// (GRDB's `Row` copies every row with its column names).
enum CompanyColumns {
    static let select = """
        SELECT id, name, legal_form, npwp, nib, npp, kbli, address, kelurahan, kecamatan, phone, owner,
            estimated_workers, registered_workers, scale, status, origin
        FROM company WHERE id = ?
        """

    static func fetch(_ db: Database, id: Int64) throws -> (Company, DataSource?)? {
        let row = RawRow(try db.cachedStatement(sql: select), db)
        defer { row.reset() }
        row.bind(1, id)
        guard try row.step() else { return nil }
        let company = Company(
            id: row.int(0), name: row.text(1), legalForm: LegalForm(rawValue: row.text(2)) ?? .perorangan,
            npwp: row.optionalText(3).flatMap { try? NPWP($0) }, nib: row.optionalText(4).flatMap { try? NIB($0) },
            npp: row.optionalText(5).flatMap { try? NPP($0) }, sector: Sector.forCode(row.text(6)), address: row.text(7),
            kelurahan: row.text(8), kecamatan: row.text(9), phone: row.text(10), owner: row.text(11),
            estimatedWorkers: Int(row.int(12)), registeredWorkers: Int(row.int(13)),
            scale: Scale(rawValue: row.text(14)) ?? .mikro, status: ComplianceStatus(rawValue: row.text(15)) ?? .pwbd)
        return (company, row.optionalText(16).flatMap(DataSource.init(rawValue:)))
    }

    static func sources(_ db: Database, id: Int64) throws -> [SourcedValue] {
        let row = RawRow(try db.cachedStatement(sql: "SELECT field, source, value FROM field_source WHERE company_id = ? ORDER BY field, source"), db)
        defer { row.reset() }
        row.bind(1, id)
        var out: [SourcedValue] = []
        while try row.step() {
            out.append(SourcedValue(field: row.text(0), source: DataSource(rawValue: row.text(1)) ?? .manual, value: row.text(2)))
        }
        return out
    }
}

// MARK: - Reads

extension AppDatabase {
    /// Past imports, newest first.
    public func importRuns(limit: Int) throws -> [ImportRun] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, source, file_name, sha256, actor, started_at, finished_at, read_count, new_count,
                    merged_count, unchanged_count, flagged_count, rejected_count, unknown_columns,
                    NOT EXISTS (SELECT 1 FROM import_run later WHERE later.file_name = r.file_name AND later.id > r.id)
                FROM import_run r ORDER BY id DESC LIMIT ?
                """, arguments: [max(0, limit)]).map(Self.importRun)
        }
    }

    /// How many imports were recorded.
    public func importRunCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? 0 }
    }

    /// The rejected file of a recorded import (columns as `importRuns` reads them), when it
    /// refused rows, it is the latest import of its file (a later one replaced or removed the
    /// file) and the file is still there.
    static func rejectedFile(_ r: Row) -> String? {
        let count: Int = r[12]
        let latest: Bool = r[14] ?? false
        guard count > 0, latest else { return nil }
        let path = ImportRequest.rejectedPath(for: r[2])
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func importRun(_ r: Row) -> ImportRun {
        let unknown = (try? JSONDecoder().decode([String].self, from: Data((r[13] as String).utf8))) ?? []
        return ImportRun(
            id: r[0], source: ImportSource(rawValue: r[1]) ?? .pemkot, fileName: r[2], sha256: r[3], actor: r[4],
            startedAt: r[5], finishedAt: r[6],
            counts: ImportCounts(read: r[7], new: r[8], merged: r[9], unchanged: r[10], flagged: r[11], rejected: r[12]),
            unknownColumns: unknown, rejectedFile: rejectedFile(r))
    }

    /// Possible duplicates waiting for review, oldest first, after the pair `after` (keyset paging by id).
    public func pendingDuplicates(limit: Int, after: Int64? = nil) throws -> [DuplicatePair] {
        try pendingDuplicates(after.map { .after($0) } ?? .first, limit: limit).pairs
    }

    /// A page of at most `limit` pending pairs, oldest first, with how many wait in all and
    /// the place of the page's first pair among them: the review moves through a queue of any
    /// length a page at a time, and says where it is.
    public func pendingDuplicates(_ page: DuplicatePage, limit: Int) throws -> PendingDuplicates {
        try read { db in
            let (bound, arguments, newestFirst): (String, StatementArguments, Bool)
            switch page {
            case .first: (bound, arguments, newestFirst) = ("", [], false)
            case .from(let id): (bound, arguments, newestFirst) = ("AND id >= ?", [id], false)
            case .after(let id): (bound, arguments, newestFirst) = ("AND id > ?", [id], false)
            case .before(let id): (bound, arguments, newestFirst) = ("AND id < ?", [id], true)
            case .last: (bound, arguments, newestFirst) = ("", [], true)
            }
            var ids = try Int64.fetchAll(db, sql: "SELECT id \(Self.pendingPairs) \(bound) ORDER BY id \(newestFirst ? "DESC" : "") LIMIT ?",
                                         arguments: arguments + [max(0, limit)])
            if newestFirst { ids.reverse() }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(Self.pendingPairs)") ?? 0
            let first = try ids.first.map { try Int.fetchOne(db, sql: "SELECT count(*) \(Self.pendingPairs) AND id < ?", arguments: [$0]) ?? 0 } ?? 0
            return PendingDuplicates(pairs: try ids.compactMap { try Self.duplicatePair(db, id: $0) }, pending: total, firstIndex: first)
        }
    }

    /// How many possible duplicates wait for review.
    public func pendingDuplicateCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) \(Self.pendingPairs)") ?? 0 }
    }

    /// The pairs waiting for review, as the tail of a query (`duplicate_pair_by_status` serves it).
    static let pendingPairs = "FROM duplicate_pair WHERE status = 'pending'"

    /// One possible duplicate, nil if unknown or if one of its companies no longer exists (a merged pair).
    public func duplicatePair(id: Int64) throws -> DuplicatePair? {
        try read { db in try Self.duplicatePair(db, id: id) }
    }

    static func duplicatePair(_ db: Database, id: Int64) throws -> DuplicatePair? {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT existing_id, incoming_id, reason, status, import_run_id, flagged_at, resolved_by, resolved_at
            FROM duplicate_pair WHERE id = ?
            """, arguments: [id]),
            let existing = try CompanyColumns.fetch(db, id: r[0]),
            let incoming = try CompanyColumns.fetch(db, id: r[1]) else { return nil }
        return DuplicatePair(
            id: id, existing: existing.0, incoming: incoming.0,
            reason: DuplicateReason(rawValue: r[2]) ?? .sameNameSameKelurahan,
            status: DuplicateStatus(rawValue: r[3]) ?? .pending, importRunID: r[4], flaggedAt: r[5],
            resolvedBy: r[6], resolvedAt: r[7],
            existingCase: try currentCase(db, companyID: existing.0.id), incomingCase: try currentCase(db, companyID: incoming.0.id))
    }

    /// The list that first brought a company in (nil: entered another way, or unknown company).
    public func companyOrigin(id: Int64) throws -> DataSource? {
        try read { db in try CompanyColumns.fetch(db, id: id)?.1 }
    }
}

// MARK: - Review

extension AppDatabase {
    /// Records a person's decision about a possible duplicate, in one transaction.
    ///
    /// `keepApart` only marks the pair. `merge` merges the incoming company into the existing
    /// one with the import's merge rules (as if the incoming company's list were imported
    /// again), moves its provenance rows and its cases to the existing company, and removes it;
    /// the company is left one open case (`CaseMergeRule`, `mergeCases`); other pending pairs
    /// that named it now name the existing company. When the
    /// merge is BPJAMSOSTEK's list reporting the company Patuh, its open case gets the compliance
    /// event the import would have added (`ImportCaseRule`), on `today`, recorded by `actor`.
    public func resolveDuplicate(id: Int64, decision: DuplicateDecision, actor: String, today: Day, at time: Int64? = nil) throws {
        let now = time ?? Int64(Date().timeIntervalSince1970)
        try write { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT p.existing_id, p.incoming_id, p.status, r.source, r.file_name
                FROM duplicate_pair p LEFT JOIN import_run r ON r.id = p.import_run_id WHERE p.id = ?
                """, arguments: [id]) else {
                throw DuplicateReviewError.unknownPair(id: id)
            }
            let status = DuplicateStatus(rawValue: r[2]) ?? .pending
            guard status == .pending else { throw DuplicateReviewError.alreadyResolved(id: id, status: status) }
            let existingID: Int64 = r[0], incomingID: Int64 = r[1]
            switch decision {
            case .keepApart:
                try db.execute(sql: "UPDATE duplicate_pair SET status = 'keptApart', resolved_by = ?, resolved_at = ? WHERE id = ?",
                               arguments: [actor, now, id])
            case .merge:
                let run = (r[3] as String?).flatMap(ImportSource.init(rawValue:)).map { (source: $0, fileName: r[4] as String? ?? "") }
                try Self.mergeCompany(db, incomingID, into: existingID, run: run, actor: actor, today: today, now: now)
                try db.execute(sql: "UPDATE duplicate_pair SET status = 'merged', resolved_by = ?, resolved_at = ? WHERE id = ?",
                               arguments: [actor, now, id])
            }
        }
    }

    /// Leaves the company one open case (`CaseMergeRule`): a case nobody worked is removed, and
    /// each other worked case is closed as a duplicate naming the one that goes on, which gets a
    /// note naming it back. Both notes are `actor`'s, on `today`.
    static func mergeCases(_ db: Database, companyID: Int64, cameWithMerge: Set<Int64>, compliant: Bool, actor: String, today: Day,
                           now: Int64) throws {
        let open = try Row.fetchAll(db, sql: """
            SELECT id, stage, opened_on, EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = k.id)
            FROM compliance_case k WHERE company_id = ? AND stage NOT IN \(SchemaV1.endedStages)
            """, arguments: [companyID]).map {
            CaseMergeRule.OpenCase(id: $0[0], stage: Stage(rawValue: $0[1]) ?? .identified,
                                   openedOn: Day(parsing: $0[2]) ?? today, hasHistory: $0[3], cameWithMerge: cameWithMerge.contains($0[0]))
        }
        guard open.count > 1 || open.contains(where: { !$0.hasHistory }) else { return }
        let plan = CaseMergeRule.plan(open, companyIsCompliant: compliant)
        for id in plan.remove { try db.execute(sql: "DELETE FROM compliance_case WHERE id = ?", arguments: [id]) }
        guard let keep = plan.keep, !plan.close.isEmpty else { return }
        let policy = try Self.policy(db)
        for (id, stage) in open.filter({ plan.close.contains($0.id) }).map({ ($0.id, $0.stage) }) {
            try insertEvent(db, caseID: id, on: today, at: now, actor: actor, kind: .stageChange,
                            detail: EventDetail(fromStage: stage, toStage: .closed, reason: ClosingReason.duplicate.rawValue, otherCase: keep))
            try insertEvent(db, caseID: keep, on: today, at: now, actor: actor, kind: .note, detail: EventDetail(otherCase: id))
            _ = try Self.refreshCase(db, caseID: id, policy: policy)
        }
        _ = try Self.refreshCase(db, caseID: keep, policy: policy)
    }

    /// Merges company `incomingID` into `existingID` and deletes it. `run`: the import that
    /// brought the incoming company in, whose compliance report the merge carries over.
    static func mergeCompany(_ db: Database, _ incomingID: Int64, into existingID: Int64,
                             run: (source: ImportSource, fileName: String)?, actor: String, today: Day, now: Int64) throws {
        guard let e = try CompanyColumns.fetch(db, id: existingID), let i = try CompanyColumns.fetch(db, id: incomingID) else { return }
        let (existing, existingOrigin) = e
        let (incoming, incomingOrigin) = i
        var merged = existing
        var sources = try CompanyColumns.sources(db, id: existingID)
        let incomingSources = try CompanyColumns.sources(db, id: incomingID)
        let record = MergeRules.record(standingFor: incoming, origin: incomingOrigin)
        let plan = MergeRules.merge(record, into: merged, origin: existingOrigin, sources: sources)
        merged = plan.company
        sources.append(contentsOf: plan.sources)
        // Provenance the incoming company had from other sources stays, unless the existing one has that pair already.
        for s in incomingSources where !sources.contains(where: { $0.field == s.field && $0.source == s.source }) {
            sources.append(s)
        }
        try ImportWriter.updateCompany(db, merged)
        for s in plan.sources + incomingSources {
            try db.execute(sql: "INSERT OR IGNORE INTO field_source(company_id, field, source, value) VALUES (?, ?, ?, ?)",
                           arguments: [existingID, s.field, s.source.rawValue, s.value])
        }
        for s in plan.sources {
            try db.execute(sql: "UPDATE field_source SET value = ? WHERE company_id = ? AND field = ? AND source = ?",
                           arguments: [s.value, existingID, s.field, s.source.rawValue])
        }
        // Cases: the company keeps one open case (`CaseMergeRule`); ended ones move as they are.
        let moved = Set(try Int64.fetchAll(db, sql: "SELECT id FROM compliance_case WHERE company_id = ?", arguments: [incomingID]))
        try db.execute(sql: "UPDATE compliance_case SET company_id = ? WHERE company_id = ?", arguments: [existingID, incomingID])
        try mergeCases(db, companyID: existingID, cameWithMerge: moved, compliant: merged.status.isCompliant, actor: actor, today: today,
                       now: now)
        // BPJAMSOSTEK's list reporting the company Patuh: the case that goes on says so, as after
        // an import that matched the row itself.
        if let run {
            try ImportWriter.noteCompliance(db, companyID: existingID, before: existing, after: merged, source: run.source,
                                            fileName: run.fileName, on: today, at: now, by: actor)
        }
        try refreshCaseCache(db, companyID: existingID)
        try db.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [incomingID])
        try db.execute(sql: "INSERT OR IGNORE INTO retired_company_id(id) VALUES (?)", arguments: [incomingID])
        // Other pending pairs that named the removed company now name the one it became.
        try db.execute(sql: "UPDATE duplicate_pair SET existing_id = ? WHERE existing_id = ? AND status = 'pending'",
                       arguments: [existingID, incomingID])
        try db.execute(sql: "UPDATE duplicate_pair SET incoming_id = ? WHERE incoming_id = ? AND status = 'pending'",
                       arguments: [existingID, incomingID])
        try db.execute(sql: "UPDATE duplicate_pair SET status = 'merged' WHERE existing_id = incoming_id AND status = 'pending'")
        // A company a person kept apart from the one merged away is kept apart from the one it
        // became (the pairing rule reads these decisions by company).
        try db.execute(sql: "UPDATE duplicate_pair SET existing_id = ? WHERE existing_id = ? AND incoming_id <> ? AND status = 'keptApart'",
                       arguments: [existingID, incomingID, existingID])
        try db.execute(sql: "UPDATE duplicate_pair SET incoming_id = ? WHERE incoming_id = ? AND existing_id <> ? AND status = 'keptApart'",
                       arguments: [existingID, incomingID, existingID])
    }
}
