/// What an officer does at the branch, and so what Kawal lets them do.
public enum OfficerRole: String, CaseIterable, Sendable, Codable, Hashable {
    /// *Petugas*: an account representative or examiner; works cases.
    case petugas
    /// *Supervisor* (kepala bidang, kepala cabang): works cases and approves referrals.
    case supervisor
    /// The branch's data steward: works cases, manages officers, settings and holidays.
    case admin
}

/// Something a person may do in Kawal.
public enum Permission: String, CaseIterable, Sendable, Hashable {
    /// Browse companies and cases (everyone, even a login Kawal does not know).
    case browse
    /// Log letters, visits, calls, notes and promises; escalate, step down, comply, close;
    /// request a referral.
    case workCases
    /// Approve a referral to the prosecutor that another officer requested.
    case approveReferral
    /// Add officers and change their roles.
    case manageOfficers
    /// Change the branch's settings and holiday table.
    case manageSettings
}

extension OfficerRole {
    /// Whether this role may do `permission`.
    public func may(_ permission: Permission) -> Bool {
        switch permission {
        case .browse, .workCases: return true
        case .approveReferral: return self == .supervisor
        case .manageOfficers, .manageSettings: return self == .admin
        }
    }

    /// The least role that may do `permission`.
    public static func least(for permission: Permission) -> OfficerRole {
        OfficerRole.allCases.first { $0.may(permission) } ?? .admin
    }
}

/// A person registered in the branch's `officer` table, by their OS login.
public struct Officer: Hashable, Sendable, Codable, Identifiable {
    /// The OS login (`getpwuid(geteuid())`), the identity of every event they record.
    public var login: String
    public var name: String
    public var role: OfficerRole

    public var id: String { login }

    public init(login: String, name: String, role: OfficerRole) {
        self.login = login
        self.name = name
        self.role = role
    }

    /// Whether `login` is acceptable as an OS login name: 1 to 64 of a-z, A-Z, 0-9, `.`, `_`, `-`,
    /// not starting with `-`.
    public static func isValidLogin(_ login: String) -> Bool {
        guard (1...64).contains(login.utf8.count), login.first != "-" else { return false }
        return login.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "." || s == "_" || s == "-"
        }
    }
}

/// Who is using Kawal: an officer of the branch, or a login the branch does not know (who may only browse).
public enum Identity: Hashable, Sendable {
    case officer(Officer)
    case unknown(login: String)

    public var login: String {
        switch self {
        case .officer(let o): return o.login
        case .unknown(let l): return l
        }
    }

    public var officer: Officer? {
        if case .officer(let o) = self { return o }
        return nil
    }

    /// Whether this person may do `permission`.
    public func may(_ permission: Permission) -> Bool {
        switch self {
        case .officer(let o): return o.role.may(permission)
        case .unknown: return permission == .browse
        }
    }
}
