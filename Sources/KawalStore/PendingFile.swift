import Foundation
import Synchronization

/// The temporary file being written (an export's, or an import's rejected rows), kept as a C
/// string a signal handler can unlink without allocating. One at a time: a command writes one.
///
/// While an import's rejected rows are moved into place and until the database commits, it
/// holds instead what a signal must undo, whichever step the move has reached: the temporary
/// file to remove, and the final file to remove or to put the previous one back over.
enum PendingFile {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var restoreFrom: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var temporary: UnsafeMutablePointer<CChar>?

    static func register(_ p: String) {
        set(p, restoring: nil, temporary: nil)
    }

    /// `temporary` is about to be moved to `p`, the file already there (if any) having first been
    /// moved to `previous`. Registered before either move: on a signal, `temporary` is removed and
    /// `previous` renamed back over `p`, which is a no-op while `p` has not moved yet; with no
    /// previous file, `p` (this import's) is removed.
    static func registerMoving(_ temporary: String, to p: String, previous: String?) {
        set(p, restoring: previous, temporary: temporary)
    }

    static func clear() {
        set(nil, restoring: nil, temporary: nil)
    }

    /// Held while the strings are swapped: imports and exports on other threads of one process
    /// (the store's tests run them side by side) would otherwise free the same string twice.
    /// The signal handler never takes it; it reads what is there.
    static let swapping = Mutex(())

    private static func set(_ p: String?, restoring previous: String?, temporary t: String?) {
        swapping.withLock { _ in
            let old = (path, restoreFrom, temporary)
            // Cleared first: a signal between the stores sees nothing rather than a mix.
            path = nil
            restoreFrom = previous.map { strdup($0) }
            temporary = t.map { strdup($0) }
            path = p.map { strdup($0) }
            free(old.0)
            free(old.1)
            free(old.2)
        }
    }

    static func unlinkFromSignalHandler() {
        guard let p = path else { return }
        undo(p, restoring: restoreFrom, temporary: temporary)
    }

    /// What a signal undoes (system calls only, safe in a handler): removes `t`, then puts `r`
    /// back over `p` or, without `r`, removes `p`.
    static func undo(_ p: UnsafePointer<CChar>, restoring r: UnsafePointer<CChar>?, temporary t: UnsafePointer<CChar>?) {
        if let t { unlink(t) }
        if let r {
            rename(r, p)  // fails, harmlessly, while the previous file has not been moved aside yet
        } else {
            unlink(p)
        }
    }
}

/// What the command line does when it is interrupted while writing.
public enum InterruptCleanup {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    /// A database the command created, with the files SQLite keeps beside it: removed on a
    /// signal, since before the command there was none.
    nonisolated(unsafe) private static var created: (UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?,
                                                     UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?)
    /// The folders the command created for that database, deepest first (at most three: the
    /// default `~/.local/share/kawal` is three deep), removed after it while empty.
    nonisolated(unsafe) private static var createdFolders: (UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?,
                                                            UnsafeMutablePointer<CChar>?)

    /// Names the database the command created for its work, and the folders it created for it
    /// (`AppDatabase.missingFolders`, deepest first); nil: none, or no longer to be removed. A
    /// signal removes them as `AppDatabase.removeFiles` and `removeFolders` would.
    public static func removeOnSignal(createdDatabase path: String?, folders: [String] = []) {
        PendingFile.swapping.withLock { _ in swapCreated(path, folders: folders) }
    }

    private static func swapCreated(_ path: String?, folders: [String]) {
        let old = created
        let oldFolders = createdFolders
        created = (nil, nil, nil, nil)
        createdFolders = (nil, nil, nil)
        if let path {
            let files = AppDatabase.fileSuffixes.map { strdup(path + $0) }
            let dirs = folders.prefix(3).map { strdup($0) } + [nil, nil, nil]
            createdFolders = (dirs[0], dirs[1], dirs[2])
            created = (files[0], files[1], files[2], files[3])
        }
        free(old.0)
        free(old.1)
        free(old.2)
        free(old.3)
        free(oldFolders.0)
        free(oldFolders.1)
        free(oldFolders.2)
    }

    /// System calls only: no array, nothing that may allocate (another thread may hold malloc's lock).
    private static func removeCreatedFromSignalHandler() {
        if let p = created.0 { unlink(p) }
        if let p = created.1 { unlink(p) }
        if let p = created.2 { unlink(p) }
        if let p = created.3 { unlink(p) }
        // Deepest first; one that is not empty (or not there) ends it.
        guard let a = createdFolders.0, rmdir(a) == 0, let b = createdFolders.1, rmdir(b) == 0, let c = createdFolders.2 else { return }
        rmdir(c)
    }

    /// On SIGINT, SIGTERM and SIGHUP: removes the temporary file being written, writes
    /// `message` (a line for standard error) and exits with 128 + the signal. An open write
    /// transaction is never committed, so SQLite rolls it back: the database is as it was.
    public static func install(message text: String?) {
        PendingFile.swapping.withLock { _ in
            let old = message
            message = text.map { strdup($0) }
            free(old)
        }
        // Read once here, so that the handler is never the first to (nothing to set up inside it).
        _ = created.0
        _ = createdFolders.0
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                PendingFile.unlinkFromSignalHandler()
                InterruptCleanup.removeCreatedFromSignalHandler()
                if let m = InterruptCleanup.message { _ = write(2, m, strlen(m)) }
                _exit(128 + sig)
            }
        }
    }
}
