#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// Thread-safe handle that wakes `Terminal.waitForEvents()` from any thread.
public struct Waker: Sendable {
    let channel: WakeChannel

    /// Makes the waiting `waitForEvents()` return `.wake` (several wakes may merge into one).
    /// Does nothing once the terminal has stopped.
    public func wake() { channel.signal() }
}

/// The wake pipe. The write end is closed under a lock, so a late `wake()` from a
/// background task can never write into a file descriptor that was reused meanwhile.
final class WakeChannel: @unchecked Sendable {
    let readFD: Int32
    private var writeFD: Int32
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    init() throws(TerminalError) {
        var fds: [Int32] = [-1, -1]
        guard kawal_make_pipe(&fds) == 0 else { throw .cannotInitialise("cannot create the wake pipe") }
        readFD = fds[0]
        writeFD = fds[1]
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    func signal() {
        pthread_mutex_lock(lock)
        if writeFD >= 0 { kawal_write_byte(writeFD, 1) }
        pthread_mutex_unlock(lock)
    }

    /// Empties the pipe; true when at least one wake was pending.
    func drain() -> Bool {
        var any = false
        var scratch = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readFD, &scratch, scratch.count)
            if n > 0 { any = true; continue }
            if n < 0 && errno == EINTR { continue }
            return any
        }
    }

    func close() {
        pthread_mutex_lock(lock)
        if writeFD >= 0 {
            kawal_close(writeFD)
            kawal_close(readFD)
            writeFD = -1
        }
        pthread_mutex_unlock(lock)
    }

    deinit {
        close()
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }
}
