import Foundation
import KawalStore
import KawalUI

/// Who is at the keyboard: the OS login of the process's user, from the password database.
/// Never from a flag or an environment variable, so a shipped binary cannot act as someone else.
enum OSUser {
    static func osLogin() -> String {
        guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return String(geteuid()) }
        return String(cString: name)
    }

    /// The acting officer for the TUI: the OS login, known or not to the branch.
    static func actingOfficer(_ db: AppDatabase) -> ActingOfficer {
        let login = osLogin()
        // A database without the officer table yet (or unreadable) leaves the login unknown: browse only.
        guard let identity = try? db.identity(login: login) else { return ActingOfficer(login: login) }
        return ActingOfficer(identity, hasOpenCases: (try? db.hasOpenCases(assignee: login)) ?? false)
    }
}
