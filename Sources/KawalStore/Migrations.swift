import GRDB

/// The schema, as named migrations. A migration is never edited once shipped: change the
/// schema by registering a new one after the last.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: SchemaV1.tables)
            for sql in SchemaV1.companyIndexes { try db.execute(sql: sql) }
            try db.execute(sql: SchemaV1.ftsTriggers)
            try db.execute(sql: SchemaV1.caseCacheTriggers)
            try db.execute(sql: SchemaV1.appendOnlyTriggers)
        }
        m.registerMigration("intake") { db in try SchemaIntake.migrate(db) }
        m.registerMigration("casework") { db in
            try db.execute(sql: CaseworkSchema.tables)
            for sql in CaseworkSchema.caseIndexes { try db.execute(sql: sql) }
            try CaseworkSchema.seed(db)
        }
        // The ids of companies merged away, so that no later company is given one: SQLite gives
        // a new row the largest id plus one, and merging away the newest company freed its id
        // for the next import, under which old messages, events and review decisions would then
        // name another company.
        m.registerMigration("retired company ids") { db in
            try db.execute(sql: "CREATE TABLE retired_company_id (id INTEGER PRIMARY KEY)")
        }
        return m
    }

    /// Identifiers of every migration this build knows, in order.
    static var known: [String] { migrator.migrations }
}

/// The SQL of migration "v1". Frozen: the demo loader reuses the index and trigger
/// statements to drop and rebuild them around a bulk load, so they must stay identical.
enum SchemaV1 {
    static let tables = """
        CREATE TABLE company (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            -- Sort and search key of the name: lower case, Latin diacritics removed (NameKey.fold).
            name_key TEXT NOT NULL,
            legal_form TEXT NOT NULL,
            npwp TEXT,            -- 15 canonical digits
            nib TEXT,             -- 13 digits
            npp TEXT,
            kbli TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            address_key TEXT NOT NULL DEFAULT '',   -- NameKey.fold(address), for search
            kelurahan TEXT NOT NULL DEFAULT '',
            kecamatan TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            owner_key TEXT NOT NULL DEFAULT '',     -- NameKey.fold(owner), for search
            estimated_workers INTEGER NOT NULL DEFAULT 0,
            registered_workers INTEGER NOT NULL DEFAULT 0,
            -- max(0, estimated - registered), stored so it can be indexed.
            unprotected_workers INTEGER NOT NULL DEFAULT 0,
            scale TEXT NOT NULL,
            status TEXT NOT NULL,
            -- Position of status in ComplianceStatus.allCases (PWBD first), for sorting.
            status_rank INTEGER NOT NULL,
            -- Derived cache of the company's case (compliance_case), kept by triggers on
            -- compliance_case in the same transaction: NULL when there is no case.
            stage TEXT,
            stage_rank INTEGER,   -- Stage.order
            next_deadline TEXT    -- ISO day
        );
        CREATE TABLE field_source (
            company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            source TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (company_id, field, source)
        ) WITHOUT ROWID;
        CREATE TABLE compliance_case (
            id INTEGER PRIMARY KEY,
            company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
            stage TEXT NOT NULL,
            opened_on TEXT NOT NULL,
            next_deadline TEXT,
            assignee TEXT
        );
        CREATE INDEX compliance_case_company ON compliance_case(company_id);
        CREATE TABLE case_event (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES compliance_case(id),
            occurred_on TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL   -- JSON of EventDetail
        );
        CREATE INDEX case_event_case ON case_event(case_id, occurred_on);
        -- Search index over the folded texts (lower case, no diacritics) and the NPWP digits.
        CREATE VIRTUAL TABLE company_fts USING fts5(
            name_key, address_key, npwp, owner_key,
            content='company', content_rowid='id', tokenize='trigram'
        );
        """

    /// One index per list sort; each ends with id so keyset pages can seek.
    static let companyIndexes = [
        "CREATE INDEX company_by_name ON company(name_key, id)",
        "CREATE INDEX company_by_kecamatan ON company(kecamatan, name_key, id)",
        "CREATE INDEX company_by_kbli ON company(kbli, name_key, id)",
        "CREATE INDEX company_by_unprotected ON company(unprotected_workers, id)",
        "CREATE INDEX company_by_status ON company(status_rank, name_key, id)",
        "CREATE INDEX company_by_stage ON company(stage_rank, name_key, id)",
        "CREATE INDEX company_by_deadline ON company(next_deadline, name_key, id)",
    ]
    /// What index builds run with: a small page cache makes SQLite's sorter split each sort into
    /// runs that its helper threads sort in parallel (1M companies: 1.5 s an index instead of
    /// 2.4 s). For the demo load and for an import that rebuilds the list indexes.
    static let parallelIndexBuild = "PRAGMA cache_size = -16384; PRAGMA threads = 2"
    static let companyIndexNames = [
        "company_by_name", "company_by_kecamatan", "company_by_kbli", "company_by_unprotected",
        "company_by_status", "company_by_stage", "company_by_deadline",
    ]

    static let ftsTriggerNames = ["company_fts_ai", "company_fts_ad", "company_fts_au"]
    static let ftsTriggers = """
        CREATE TRIGGER company_fts_ai AFTER INSERT ON company BEGIN
            INSERT INTO company_fts(rowid, name_key, address_key, npwp, owner_key)
            VALUES (new.id, new.name_key, new.address_key, new.npwp, new.owner_key);
        END;
        CREATE TRIGGER company_fts_ad AFTER DELETE ON company BEGIN
            INSERT INTO company_fts(company_fts, rowid, name_key, address_key, npwp, owner_key)
            VALUES ('delete', old.id, old.name_key, old.address_key, old.npwp, old.owner_key);
        END;
        CREATE TRIGGER company_fts_au AFTER UPDATE OF name_key, address_key, npwp, owner_key ON company BEGIN
            INSERT INTO company_fts(company_fts, rowid, name_key, address_key, npwp, owner_key)
            VALUES ('delete', old.id, old.name_key, old.address_key, old.npwp, old.owner_key);
            INSERT INTO company_fts(rowid, name_key, address_key, npwp, owner_key)
            VALUES (new.id, new.name_key, new.address_key, new.npwp, new.owner_key);
        END;
        """

    static let stageRankSQL = """
        CASE new.stage WHEN 'identified' THEN 0 WHEN 'notified' THEN 1 WHEN 'visited' THEN 2 \
        WHEN 'warning1' THEN 3 WHEN 'warning2' THEN 4 WHEN 'examined' THEN 5 \
        WHEN 'sanctionRecommended' THEN 6 WHEN 'referred' THEN 7 WHEN 'compliant' THEN 8 \
        WHEN 'closed' THEN 9 END
        """
    /// The order that puts a company's current case first: its open case (a company has at most
    /// one, `CaseMergeRule`), else its latest. `ORDER BY` this, `LIMIT 1`, over its cases.
    static let currentCaseFirst = "stage IN \(endedStages), id DESC"
    /// The stages of a finished case (`Stage.isEnd`), as an SQL list.
    static let endedStages = "('compliant', 'closed')"
    static let caseCacheTriggerNames = ["compliance_case_ai", "compliance_case_au"]
    /// The first of `caseCacheTriggers` (an import drops and recreates it alone).
    static let caseInsertTrigger = """
        CREATE TRIGGER compliance_case_ai AFTER INSERT ON compliance_case BEGIN
            UPDATE company SET stage = new.stage, stage_rank = \(stageRankSQL),
                next_deadline = new.next_deadline WHERE id = new.company_id;
        END;
        """
    /// Keep company.stage / stage_rank / next_deadline equal to its (latest) case.
    static let caseCacheTriggers = caseInsertTrigger + "\n" + """
        CREATE TRIGGER compliance_case_au AFTER UPDATE OF stage, next_deadline ON compliance_case BEGIN
            UPDATE company SET stage = new.stage, stage_rank = \(stageRankSQL),
                next_deadline = new.next_deadline WHERE id = new.company_id;
        END;
        """

    /// The case history is append-only.
    static let appendOnlyTriggers = """
        CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event BEGIN
            SELECT RAISE(ABORT, 'case_event is append-only: record a correction event instead');
        END;
        CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event BEGIN
            SELECT RAISE(ABORT, 'case_event is append-only: record a correction event instead');
        END;
        """
}
