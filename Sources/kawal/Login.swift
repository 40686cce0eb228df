import Foundation

/// The OS login of whoever runs this process: the only identity Kawal acts as.
///
/// It comes from the effective user id (`getpwuid(geteuid())`), never from a flag or an
/// environment variable, so the shipped binary cannot be told to act as someone else.
enum OSLogin {
    static func current() -> String {
        guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return "uid\(geteuid())" }
        return String(cString: name)
    }
}
