import Foundation
import GRDB
import KawalDomain

/// The SQL of migration "casework": officers, branch settings, the holiday table, letter
/// numbers and the case columns the worklist reads. Frozen once shipped.
enum CaseworkSchema {
    static let tables = """
        -- OS logins allowed to act, with their name and role (petugas, supervisor, admin).
        CREATE TABLE officer (
            login TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('petugas', 'supervisor', 'admin')),
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL
        ) WITHOUT ROWID;
        -- The branch this database belongs to: one row.
        CREATE TABLE branch (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            address TEXT NOT NULL,
            city TEXT NOT NULL,
            code TEXT NOT NULL,
            signatory_name TEXT NOT NULL,
            signatory_title TEXT NOT NULL,
            letter_number_pattern TEXT NOT NULL,
            warning_working_days INTEGER NOT NULL,
            notification_working_days INTEGER NOT NULL,
            sanction_days INTEGER NOT NULL,
            referral_warning_letters INTEGER NOT NULL,
            referral_visits INTEGER NOT NULL
        );
        -- Days that are not working days besides weekends; seeded with the national holidays.
        CREATE TABLE holiday (
            day TEXT PRIMARY KEY,   -- ISO day
            name TEXT NOT NULL
        ) WITHOUT ROWID;
        -- The last letter number given per branch and year.
        CREATE TABLE letter_sequence (
            branch TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL,
            PRIMARY KEY (branch, year)
        ) WITHOUT ROWID;
        -- The exact text of a letter as sent, kept with its event (append-only like the event).
        ALTER TABLE case_event ADD COLUMN letter_body TEXT;
        -- No two letters Kawal numbered share a number.
        CREATE UNIQUE INDEX case_event_letter_number ON case_event(json_extract(detail, '$.letterNumber'))
            WHERE letter_body IS NOT NULL;
        -- Derived from the case's events on every write, for the worklist.
        ALTER TABLE compliance_case ADD COLUMN escalation_opens TEXT;      -- ISO day the next rung opens
        ALTER TABLE compliance_case ADD COLUMN promise_until TEXT;         -- open promise's day
        ALTER TABLE compliance_case ADD COLUMN referral_requested_by TEXT; -- login waiting for approval
        """

    /// The worklist's indexes on compliance_case; the demo loader drops them during a bulk load.
    static let caseIndexes = [
        "CREATE INDEX compliance_case_assignee_deadline ON compliance_case(assignee, next_deadline)",
        "CREATE INDEX compliance_case_assignee_stage ON compliance_case(assignee, stage)",
        "CREATE INDEX compliance_case_opens ON compliance_case(escalation_opens) WHERE escalation_opens IS NOT NULL",
        "CREATE INDEX compliance_case_assignee_opens ON compliance_case(assignee, escalation_opens) WHERE escalation_opens IS NOT NULL",
        "CREATE INDEX compliance_case_promise ON compliance_case(promise_until) WHERE promise_until IS NOT NULL",
        "CREATE INDEX compliance_case_assignee_promise ON compliance_case(assignee, promise_until) WHERE promise_until IS NOT NULL",
        "CREATE INDEX compliance_case_referral ON compliance_case(referral_requested_by) WHERE referral_requested_by IS NOT NULL",
    ]
    static let caseIndexNames = [
        "compliance_case_assignee_deadline", "compliance_case_assignee_stage", "compliance_case_opens",
        "compliance_case_assignee_opens", "compliance_case_promise", "compliance_case_assignee_promise",
        "compliance_case_referral",
    ]

    static func seed(_ db: Database) throws {
        let b = BranchProfile.pekalongan
        let p = PolicySettings.standard
        try db.execute(sql: """
            INSERT INTO branch(id, name, address, city, code, signatory_name, signatory_title, letter_number_pattern,
                warning_working_days, notification_working_days, sanction_days, referral_warning_letters, referral_visits)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [b.name, b.address, b.city, b.code, b.signatoryName, b.signatoryTitle, b.letterNumberPattern,
                             p.warningWorkingDays, p.notificationWorkingDays, p.sanctionDays, p.referralWarningLetters,
                             p.referralVisits])
        for h in Holiday.national {
            try db.execute(sql: "INSERT INTO holiday(day, name) VALUES (?, ?)", arguments: [h.day.iso, h.name])
        }
    }
}
