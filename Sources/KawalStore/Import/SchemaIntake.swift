import GRDB
import KawalDomain

/// The SQL of migration "intake": import history, the possible-duplicate queue, and what
/// matching needs on `company` (origin, name key, identifier indexes).
enum SchemaIntake {
    static let statements = [
        // The list that first brought the company in (pemkot, bpjs); NULL: entered another way.
        "ALTER TABLE company ADD COLUMN origin TEXT",
        // CompanyName.matchKey(name); NULL until computed (the importer fills it before matching).
        "ALTER TABLE company ADD COLUMN name_match TEXT",
        """
        CREATE TABLE import_run (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,           -- ImportSource
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,           -- lower-case hex of the file's bytes
            actor TEXT NOT NULL,            -- OS login
            started_at INTEGER NOT NULL,    -- seconds since 1970 UTC
            finished_at INTEGER NOT NULL,
            read_count INTEGER NOT NULL,
            new_count INTEGER NOT NULL,
            merged_count INTEGER NOT NULL,
            unchanged_count INTEGER NOT NULL,
            flagged_count INTEGER NOT NULL,
            rejected_count INTEGER NOT NULL,
            unknown_columns TEXT NOT NULL DEFAULT '[]'   -- JSON array of header cells
        )
        """,
        """
        CREATE TABLE duplicate_pair (
            id INTEGER PRIMARY KEY,
            existing_id INTEGER NOT NULL,   -- company that was there first
            incoming_id INTEGER NOT NULL,   -- company the import added (removed when merged)
            reason TEXT NOT NULL,           -- DuplicateReason
            status TEXT NOT NULL DEFAULT 'pending',   -- DuplicateStatus
            import_run_id INTEGER NOT NULL REFERENCES import_run(id),
            flagged_at INTEGER NOT NULL,
            resolved_by TEXT,
            resolved_at INTEGER
        )
        """,
        "CREATE INDEX duplicate_pair_by_status ON duplicate_pair(status, id)",
        "CREATE INDEX duplicate_pair_by_existing ON duplicate_pair(existing_id)",
        "CREATE INDEX duplicate_pair_by_incoming ON duplicate_pair(incoming_id)",
    ]

    /// The indexes matching looks companies up by (a bulk load drops and rebuilds them like v1's).
    static let companyIndexes = [
        "CREATE INDEX company_by_npwp ON company(npwp) WHERE npwp IS NOT NULL",
        "CREATE INDEX company_by_nib ON company(nib) WHERE nib IS NOT NULL",
        "CREATE INDEX company_by_npp ON company(npp) WHERE npp IS NOT NULL",
        "CREATE INDEX company_by_name_match ON company(name_match, kelurahan)",
    ]
    static let companyIndexNames = ["company_by_npwp", "company_by_nib", "company_by_npp", "company_by_name_match"]

    static func migrate(_ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
        for sql in companyIndexes { try db.execute(sql: sql) }
    }
}
