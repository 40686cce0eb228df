import Foundation

/// Why a file could not be read or written, for the user's language to word (the system's own
/// text only for failures without a word of their own).
public enum FileProblem: Equatable, Sendable {
    case noSuchFile
    case folder
    case permissionDenied
    /// A pipe or a device (`/dev/stdin`, `<(…)`): an import reads its file more than once.
    case notAFile
    case diskFull
    case readOnly
    /// A part of the path that should be a folder is a file.
    case fileInPath
    /// The reader of a pipe went away (`kawal export … | head`).
    case brokenPipe
    /// The file grew past the size this process may write (`ulimit -f`) or the file system holds.
    case tooLarge
    case other(String)

    init(errno code: Int32) {
        switch code {
        case ENOENT: self = .noSuchFile
        case EISDIR: self = .folder
        case EACCES, EPERM: self = .permissionDenied
        case ENOSPC, EDQUOT: self = .diskFull
        case EROFS: self = .readOnly
        case ENOTDIR, EEXIST: self = .fileInPath
        case EPIPE: self = .brokenPipe
        case EFBIG: self = .tooLarge
        default: self = .other(String(cString: strerror(code)))
        }
    }

    /// From an error a stream or file handle reported (POSIX codes mapped), else `errno`.
    init(_ error: (any Error)?, errno code: Int32) {
        if let e = error as NSError?, e.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(e.code))
        } else if let e = error as? CocoaError, let underlying = e.underlying as NSError?, underlying.domain == NSPOSIXErrorDomain {
            self.init(errno: Int32(underlying.code))
        } else if code != 0 {
            self.init(errno: code)
        } else {
            self = .other(error.map { String(describing: $0) } ?? "unknown error")
        }
    }
}
