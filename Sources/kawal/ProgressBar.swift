import Foundation
import Synchronization

/// A progress line on standard error, drawn only on a terminal: what is being done, a bar, the
/// percentage and the time so far (`Menyusun indeks [#######       ] 84% 0:41`). A clock redraws
/// it every second, so a long step that reports no progress (one index build, the search
/// entries) still shows that the work goes on. It fits the terminal's width, and `finish`
/// erases it.
final class ProgressBar: Sendable {
    let enabled: Bool
    private let label: @Sendable (Double) -> String
    private struct Drawn {
        var fraction: Double?
        var started = Date()
        var stopped = false
    }
    private let state = Mutex(Drawn())

    /// `label`: what is being done at a given fraction (nothing by default).
    init(enabled: Bool, label: @escaping @Sendable (Double) -> String = { _ in "" }) {
        self.enabled = enabled
        self.label = label
    }

    func show(_ fraction: Double) {
        guard enabled else { return }
        let first = state.withLock { s -> Bool in
            let first = s.fraction == nil
            if first { s.started = Date() }
            s.fraction = fraction
            if !s.stopped { draw(s) }
            return first
        }
        if first {
            Thread.detachNewThread { [self] in
                while true {
                    sleep(1)
                    let stopped = state.withLock { s -> Bool in
                        if !s.stopped { draw(s) }
                        return s.stopped
                    }
                    if stopped { return }
                }
            }
        }
    }

    func finish() {
        guard enabled else { return }
        state.withLock { s in
            s.stopped = true
            // Blanks rather than an erase sequence, which a dumb terminal would print.
            let blank = String(repeating: " ", count: max(0, Self.columns() - 1))
            FileHandle.standardError.write(Data(("\r" + blank + "\r").utf8))
        }
    }

    /// Called with the lock held, so the clock and a caller never write at once.
    private func draw(_ s: Drawn) {
        guard let fraction = s.fraction else { return }
        FileHandle.standardError.write(Data(Self.line(fraction: fraction, label: label(fraction),
                                                      seconds: Int(Date().timeIntervalSince(s.started)),
                                                      columns: Self.columns()).utf8))
    }

    /// The line for a fraction: `\r`, the label, the bar sized to `columns`, the percentage, the
    /// elapsed `m:ss`, and blanks to the line's end (no escape sequence, so even a dumb terminal
    /// shows it right). Without room for a 10-cell bar the label goes; the line never reaches
    /// the last column, so the terminal never wraps it.
    static func line(fraction: Double, label: String, seconds: Int, columns: Int) -> String {
        let f = max(0, min(1, fraction))
        let tail = " \(Int(f * 100))% \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
        var text = label.isEmpty ? "" : label + " "
        var width = min(40, columns - 1 - text.count - 2 - tail.count)
        if width < 10 {
            text = ""
            width = max(1, min(40, columns - 1 - 2 - tail.count))
        }
        let done = Int(f * Double(width))
        let line = text + "[" + String(repeating: "#", count: done) + String(repeating: " ", count: width - done) + "]" + tail
        return "\r" + line + String(repeating: " ", count: max(0, columns - 1 - line.count))
    }

    /// Standard error's terminal width (80 when it cannot be told).
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
