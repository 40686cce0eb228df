import Foundation

/// The temporary file being written (an export's, or an import's rejected rows), kept as a C
/// string a signal handler can unlink without allocating. One at a time: a command writes one.
///
/// Between moving an import's rejected rows into place and the database's commit, it holds
/// instead what a signal must undo: the moved file, and the previous one to put back.
enum PendingFile {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var restoreFrom: UnsafeMutablePointer<CChar>?

    static func register(_ p: String) {
        set(p, restoring: nil)
    }

    /// `p` was moved into place; on a signal it is removed and `previous` (when given) renamed back to it.
    static func registerMoved(_ p: String, previous: String?) {
        set(p, restoring: previous)
    }

    static func clear() {
        set(nil, restoring: nil)
    }

    private static func set(_ p: String?, restoring previous: String?) {
        let old = (path, restoreFrom)
        // Cleared first: a signal between the two stores sees nothing rather than a mix.
        path = nil
        restoreFrom = previous.map { strdup($0) }
        path = p.map { strdup($0) }
        free(old.0)
        free(old.1)
    }

    static func unlinkFromSignalHandler() {
        if let p = path {
            unlink(p)
            if let r = restoreFrom { rename(r, p) }
        }
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
