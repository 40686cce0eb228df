import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Counts the bytes ncurses writes to the terminal.
///
/// ncurses 6 writes its output with `write(2)` straight to the file descriptor (a
/// `fopencookie` stream has none, and ncurses then writes nothing), so the count comes from
/// the kernel: the `wchar` figure of `/proc/thread-self/io`, read before and after each
/// ncurses call that may write. It is per thread, so background tasks writing files do not
/// count. Where that file does not exist (not Linux), the count stays 0.
final class OutputMeter {
    private var fd: Int32 = -1
    private(set) var total = 0

    init() {
        #if os(Linux)
        fd = open("/proc/thread-self/io", O_RDONLY | O_CLOEXEC)
        #endif
    }

    deinit { if fd >= 0 { kawal_close(fd) } }

    /// Runs `body` and adds what this thread wrote meanwhile.
    func measure<T>(_ body: () -> T) -> T {
        let before = written()
        let result = body()
        if let before, let after = written(), after >= before { total += after - before }
        return result
    }

    private func written() -> Int? {
        guard fd >= 0 else { return nil }
        var buf = [UInt8](repeating: 0, count: 512)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        // "rchar: N\nwchar: N\n…"
        let text = String(decoding: buf[0..<n], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("wchar:") {
            return Int(String(line.dropFirst(6).drop(while: { $0 == " " })))
        }
        return nil
    }
}
