import Foundation

/// The temporary file being written (an export's, or an import's rejected rows), kept as a C
/// string a signal handler can unlink without allocating. One at a time: a command writes one.
enum PendingFile {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

    static func register(_ p: String) {
        let old = path
        path = strdup(p)
        free(old)
    }

    static func clear() {
        let old = path
        path = nil
        free(old)
    }

    static func unlinkFromSignalHandler() {
        if let p = path { unlink(p) }
    }
}

/// What the command line does when it is interrupted while writing.
public enum InterruptCleanup {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?

    /// On SIGINT, SIGTERM and SIGHUP: removes the temporary file being written, writes
    /// `message` (a line for standard error) and exits with 128 + the signal. An open write
    /// transaction is never committed, so SQLite rolls it back: the database is as it was.
    public static func install(message text: String?) {
        let old = message
        message = text.map { strdup($0) }
        free(old)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                PendingFile.unlinkFromSignalHandler()
                if let m = InterruptCleanup.message { _ = write(2, m, strlen(m)) }
                _exit(128 + sig)
            }
        }
    }
}
