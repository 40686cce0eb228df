import Foundation
import GRDB
import KawalDomain

// Officers, the branch's settings and its holiday table.

extension AppDatabase {
    // MARK: Reads

    /// Who `login` is at this branch: an officer, or an unknown login that may only browse.
    public func identity(login: String) throws -> Identity {
        try read { db in try Self.identity(db, login: login) }
    }

    /// Every registered officer, by name.
    public func officers() throws -> [Officer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT login, name, role FROM officer ORDER BY name, login").map(Self.officer(_:))
        }
    }

    /// The escalation policy of this branch: its settings and its holiday table.
    public func policy() throws -> EscalationPolicy {
        try read { db in try Self.policy(db) }
    }

    /// The branch's name, address, signatory and letter number pattern.
    public func branch() throws -> BranchProfile {
        try read { db in try Self.branch(db) }
    }

    /// The holiday table, by day.
    public func holidays() throws -> [Holiday] {
        try read { db in try Self.holidays(db) }
    }

    static func identity(_ db: Database, login: String) throws -> Identity {
        if let o = try officer(db, login: login) { return .officer(o) }
        return .unknown(login: login)
    }

    static func officer(_ db: Database, login: String) throws -> Officer? {
        try Row.fetchOne(db, sql: "SELECT login, name, role FROM officer WHERE login = ?", arguments: [login]).map(officer(_:))
    }

    static func officer(_ r: Row) -> Officer {
        Officer(login: r[0], name: r[1], role: OfficerRole(rawValue: r[2]) ?? .petugas)
    }

    static func officerNames(_ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT login, name FROM officer") { out[r[0]] = r[1] }
        return out
    }

    static func holidays(_ db: Database) throws -> [Holiday] {
        try Row.fetchAll(db, sql: "SELECT day, name FROM holiday ORDER BY day").compactMap { r in
            Day(parsing: r[0]).map { Holiday(day: $0, name: r[1]) }
        }
    }

    static func branch(_ db: Database) throws -> BranchProfile {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT name, address, city, code, signatory_name, signatory_title, letter_number_pattern FROM branch WHERE id = 1
            """) else { return .pekalongan }
        return BranchProfile(name: r[0], address: r[1], city: r[2], code: r[3], signatoryName: r[4], signatoryTitle: r[5],
                             letterNumberPattern: r[6])
    }

    static func settings(_ db: Database) throws -> PolicySettings {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT warning_working_days, notification_working_days, sanction_days, referral_warning_letters, referral_visits
            FROM branch WHERE id = 1
            """) else { return .standard }
        return PolicySettings(warningWorkingDays: r[0], notificationWorkingDays: r[1], sanctionDays: r[2],
                              referralWarningLetters: r[3], referralVisits: r[4])
    }

    static func policy(_ db: Database) throws -> EscalationPolicy {
        EscalationPolicy(settings: try settings(db), calendar: HolidayCalendar(try holidays(db)))
    }

    // MARK: Writes

    /// Registers `login` as the first admin when no officer is registered yet: the login that
    /// creates (or first upgrades) a database administers it. Does nothing on a read-only database.
    public func registerFirstAdmin(login: String, name: String? = nil) throws {
        if isReadOnly { return }
        guard Officer.isValidLogin(login) else { return }
        if try read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM officer") ?? 0 }) > 0 { return }
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM officer") == 0 else { return }
            try db.execute(sql: "INSERT INTO officer(login, name, role, added_at, added_by) VALUES (?, ?, 'admin', ?, ?)",
                           arguments: [login, name ?? login, Int64(Date().timeIntervalSince1970), login])
        }
    }

    /// Registers an officer (admin only).
    public func addOfficer(_ officer: Officer, by login: String) throws {
        guard Officer.isValidLogin(officer.login) else { throw CaseworkError.invalidLogin(officer.login) }
        guard !officer.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CaseworkError.emptyText }
        try write { db in
            try Self.require(db, login, .manageOfficers)
            if try Self.officer(db, login: officer.login) != nil { throw CaseworkError.officerExists(login: officer.login) }
            try db.execute(sql: "INSERT INTO officer(login, name, role, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [officer.login, officer.name.trimmingCharacters(in: .whitespaces), officer.role.rawValue,
                                       Int64(Date().timeIntervalSince1970), login])
        }
    }

    /// Adds a day to the holiday table (admin only); a day already there is renamed.
    public func addHoliday(_ holiday: Holiday, by login: String) throws {
        guard !holiday.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CaseworkError.emptyText }
        try write { db in
            try Self.require(db, login, .manageSettings)
            try db.execute(sql: "INSERT OR REPLACE INTO holiday(day, name) VALUES (?, ?)", arguments: [holiday.day.iso, holiday.name])
        }
    }

    /// Removes a day from the holiday table (admin only).
    public func removeHoliday(_ day: Day, by login: String) throws {
        try write { db in
            try Self.require(db, login, .manageSettings)
            try db.execute(sql: "DELETE FROM holiday WHERE day = ?", arguments: [day.iso])
            if db.changesCount == 0 { throw CaseworkError.holidayMissing(day) }
        }
    }

    /// Changes the branch's profile and letter number pattern (admin only).
    public func setBranch(_ branch: BranchProfile, by login: String) throws {
        guard LetterNumberPattern.isValid(branch.letterNumberPattern) else {
            throw CaseworkError.invalidLetterNumberPattern(branch.letterNumberPattern)
        }
        try write { db in
            try Self.require(db, login, .manageSettings)
            try db.execute(sql: """
                UPDATE branch SET name = ?, address = ?, city = ?, code = ?, signatory_name = ?, signatory_title = ?,
                    letter_number_pattern = ? WHERE id = 1
                """, arguments: [branch.name, branch.address, branch.city, branch.code, branch.signatoryName,
                                 branch.signatoryTitle, branch.letterNumberPattern])
        }
    }

    /// Changes the branch's day counts and thresholds (admin only).
    public func setSettings(_ s: PolicySettings, by login: String) throws {
        try write { db in
            try Self.require(db, login, .manageSettings)
            try db.execute(sql: """
                UPDATE branch SET warning_working_days = ?, notification_working_days = ?, sanction_days = ?,
                    referral_warning_letters = ?, referral_visits = ? WHERE id = 1
                """, arguments: [s.warningWorkingDays, s.notificationWorkingDays, s.sanctionDays, s.referralWarningLetters,
                                 s.referralVisits])
        }
    }

    static func require(_ db: Database, _ login: String, _ permission: Permission) throws {
        let who = try identity(db, login: login)
        if case .unknown = who { throw Refusal.unknownOfficer(login: login) }
        guard who.may(permission) else {
            throw CaseworkError.notPermitted(login: login, needs: permission)
        }
    }
}
