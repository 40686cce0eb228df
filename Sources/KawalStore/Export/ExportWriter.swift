import Foundation
import KawalDomain

/// A column of an export: its stable JSON key and its header in the user's language.
public struct ExportField: Hashable, Sendable {
    public var key: String
    public var header: String

    public init(key: String, header: String) {
        self.key = key
        self.header = header
    }
}

/// Where an export goes.
public enum ExportDestination: Hashable, Sendable {
    /// A file, written under a temporary name beside it and renamed into place when complete.
    case file(String)
    /// Standard output, as it is written.
    case standardOutput
}

/// Why an export could not be written. Each case names the file.
public enum ExportError: Error, Equatable, Sendable {
    /// The file (or its temporary neighbour) cannot be created in that folder.
    case cannotCreate(path: String, reason: FileProblem)
    /// Writing failed partway (disk full, file too large); nothing was left under the name.
    case cannotWrite(path: String, reason: FileProblem)
    /// Writing to standard output failed (the reader went away: `brokenPipe`).
    case cannotWriteOutput(reason: FileProblem)
    /// The file is the database being exported, or one of the files SQLite keeps beside it.
    case isTheDatabase(path: String)
    /// The file is an SQLite database (it starts with SQLite's header): someone's data, not a sheet.
    case isADatabase(path: String)
    /// The file exists and this user may not write it (it is read-only).
    case notWritable(path: String)
    /// The folder the file would be written in does not exist.
    case noFolder(path: String, folder: String)
}

/// Writes an export as CSV or JSON, streaming: rows go out through a 64 KiB buffer as they
/// come, so memory stays flat whatever the number of rows.
///
/// A file is written to a temporary name in the same folder (`.NAME.kawal-XXXXXXXX.tmp`),
/// flushed to disk and renamed over `NAME` only by `finish()`: an export that fails or is
/// interrupted never leaves half a file under the final name. `abandon()` removes the
/// temporary file; the command line also removes it on Ctrl-C (`removeTemporaryFilesOnSignal`).
///
/// Before anything is written, `target(for:database:)` checks the name: never the database
/// being exported (nor its -wal, -shm or -journal file), never another SQLite database, never a
/// file this user may not write. A symbolic link is written through: the file it points to is
/// replaced (atomically, beside it), and the link stays. A replaced file keeps its permission
/// bits: an export of owners' names and phone numbers into a 0600 file stays 0600.
///
/// CSV (RFC 4180, for Excel): a UTF-8 byte order mark, the delimiter asked for, CRLF line ends,
/// fields quoted when they hold the delimiter, a quote or a line break (quotes doubled). A text
/// field that Excel would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, or their full-width forms) is written as the constant `="…"` (quotes
/// doubled), which Excel shows as the text and which runs nothing; text a formula cannot hold
/// gets a leading `'` instead (`csvField`). Numbers are written as they are. A code
/// (`ExportCell.code`) made only of digits and the signs a phone number carries is written
/// `="081234567890"` too: the leading 0, every digit of a NIB. `kawal import` reads such a
/// cell as the text inside.
///
/// JSON: an array of objects, one per line, keys in column order; text escaped so that no
/// control character, line separator or bidirectional control is written raw (`\u001b`):
/// lossless for a JSON reader, harmless on a terminal.
///
/// CSV.swift's `CSVWriter` is not used: it writes one byte per `OutputStream.write` call,
/// which at a million rows costs more than reading them.
public final class ExportWriter {
    public let destination: ExportDestination
    public let format: ExportFormat
    public let delimiter: ExportDelimiter
    public let fields: [ExportField]
    /// The temporary file, while a file export is being written.
    public private(set) var temporaryPath: String?
    /// Rows written so far.
    public private(set) var rowCount = 0

    private var fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    private let displayPath: String
    /// The file renamed over when complete: the destination, or the file its links point to.
    private let target: String?
    private static let bufferSize = 1 << 16

    /// Opens the export; for a file, `database` is the database being exported, which the
    /// export refuses to overwrite (`target(for:database:)`).
    public init(to destination: ExportDestination, format: ExportFormat, delimiter: ExportDelimiter = .comma, fields: [ExportField],
                database: String? = nil) throws(ExportError) {
        self.destination = destination
        self.format = format
        self.delimiter = delimiter
        self.fields = fields
        buffer.reserveCapacity(Self.bufferSize + 4096)
        switch destination {
        case .standardOutput:
            fd = 1
            displayPath = "-"
            target = nil
        case .file(let path):
            displayPath = path
            let file = try Self.target(for: path, database: database)
            var existing = stat()
            if stat(file, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG {
                // A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO): written to as it is.
                // There is no file to replace, and a temporary one renamed over it would replace
                // the device itself.
                target = nil
                let opened = open(file, O_WRONLY | O_CLOEXEC)
                guard opened >= 0 else { throw .cannotCreate(path: path, reason: FileProblem(errno: errno)) }
                fd = opened
                try begin()
                return
            }
            target = file
            let url = URL(fileURLWithPath: file)
            let folder = url.deletingLastPathComponent().path
            let name = url.lastPathComponent
            let suffix = UUID().uuidString.prefix(8).lowercased()
            let temp = (folder.hasSuffix("/") ? folder : folder + "/") + ".\(name).kawal-\(suffix).tmp"
            let opened = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard opened >= 0 else { throw .cannotCreate(path: path, reason: FileProblem(errno: errno)) }
            fd = opened
            temporaryPath = temp
            PendingFile.register(temp)
            // The file replaced keeps its permissions, set before a byte of the export is in the
            // temporary file (a 0600 file holding owners' phone numbers does not become 0644).
            var st = stat()
            if stat(file, &st) == 0 {
                let mode = mode_t(st.st_mode) & 0o7777
                if fchmod(opened, mode) != 0 && fchmod(opened, mode & 0o777) != 0 {
                    let e = ExportError.cannotCreate(path: path, reason: FileProblem(errno: errno))
                    abandon()
                    throw e
                }
            }
        }
        try begin()
    }

    /// The file an export to `path` writes, once it is checked: `path`, or the file it names
    /// through symbolic links.
    ///
    /// Refused: a folder; a missing folder; the database `database` or one of the files SQLite
    /// keeps beside it (compared as files, device and inode, when both exist, else by their
    /// resolved paths); an existing file that starts with SQLite's header, whoever's database it
    /// is; an existing file this user may not write (`access(W_OK)`).
    public static func target(for path: String, database: String?) throws(ExportError) -> String {
        let file = resolvingLinks(path)
        var st = stat()
        let exists = stat(file, &st) == 0
        if exists && (st.st_mode & S_IFMT) == S_IFDIR { throw .cannotCreate(path: path, reason: .folder) }
        if !exists {
            let folder = (file as NSString).deletingLastPathComponent
            var fst = stat()
            if stat(folder.isEmpty ? "." : folder, &fst) != 0 {
                if errno == ENOENT { throw .noFolder(path: path, folder: folder) }
                throw .cannotCreate(path: path, reason: FileProblem(errno: errno))
            }
            if (fst.st_mode & S_IFMT) != S_IFDIR { throw .cannotCreate(path: path, reason: .fileInPath) }
        }
        if let database, isDatabaseFile(file, exists ? st : nil, of: database) { throw .isTheDatabase(path: path) }
        if exists {
            // Only a regular file is read: opening a pipe to read would wait for a writer.
            if (st.st_mode & S_IFMT) == S_IFREG, AppDatabase.fileStart(file) == AppDatabase.sqliteHeader { throw .isADatabase(path: path) }
            if access(file, W_OK) != 0 { throw .notWritable(path: path) }
        }
        return file
    }

    /// `path` with its symbolic links followed to the file they name, which need not exist yet.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK,
                  let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    /// `path` with its folder's symbolic links and `.`/`..` resolved (the file itself need not exist).
    static func canonical(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard let real = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }

    /// Whether `file` (with `st`, when it exists) is the database at `database` or a file SQLite
    /// keeps beside it.
    static func isDatabaseFile(_ file: String, _ st: stat?, of database: String) -> Bool {
        let name = canonical(file)
        // SQLite names the -wal, -shm and -journal files after the database's own file, its links followed.
        for base in Set([database, canonical(database)]) {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let other = base + suffix
                var ost = stat()
                if let st, stat(other, &ost) == 0 {
                    if ost.st_dev == st.st_dev && ost.st_ino == st.st_ino { return true }
                } else if canonical(other) == name {
                    return true
                }
            }
        }
        return false
    }

    deinit {
        if !finished { abandon() }
    }

    // MARK: Writing

    private func begin() throws(ExportError) {
        switch format {
        case .csv:
            buffer += [0xEF, 0xBB, 0xBF]
            for (i, f) in fields.enumerated() {
                if i > 0 { buffer.append(delimiter.byte) }
                Self.csvField(f.header, delimiter: delimiter.byte, guardFormula: false, into: &buffer)
            }
            buffer += [13, 10]
        case .json:
            buffer.append(UInt8(ascii: "["))
        }
        try flushIfFull()
    }

    /// Writes one row; `cells` follow `fields`.
    public func write(_ cells: [ExportCell]) throws(ExportError) {
        // Encode into a local array (moved out and back, never copied): appending to the
        // property byte by byte would pay an exclusivity check each time.
        var out: [UInt8] = []
        swap(&out, &buffer)
        switch format {
        case .csv:
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(delimiter.byte) }
                switch cell {
                case .text(let t): Self.csvField(t, delimiter: delimiter.byte, guardFormula: true, into: &out)
                case .number(let n): out.append(contentsOf: String(n).utf8)
                case .code(let t):
                    if Self.isSpreadsheetCode(t) {
                        out += [UInt8(ascii: "="), UInt8(ascii: "\"")]
                        out.append(contentsOf: t.utf8)
                        out.append(UInt8(ascii: "\""))
                    } else {
                        Self.csvField(t, delimiter: delimiter.byte, guardFormula: true, into: &out)
                    }
                case .empty: break
                }
            }
            out.append(13)
            out.append(10)
        case .json:
            out.append(contentsOf: (rowCount == 0 ? "\n{" : ",\n{").utf8)
            for (i, cell) in cells.enumerated() where i < fields.count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.jsonString(fields[i].key, into: &out)
                out.append(UInt8(ascii: ":"))
                switch cell {
                case .text(let t), .code(let t): Self.jsonString(t, into: &out)
                case .number(let n): out.append(contentsOf: String(n).utf8)
                case .empty: out.append(contentsOf: "null".utf8)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
        swap(&out, &buffer)
        rowCount += 1
        try flushIfFull()
    }

    /// Completes the export: closes the JSON array, writes everything out, and for a file
    /// flushes it to disk and renames it into place.
    public func finish() throws(ExportError) {
        guard !finished else { return }
        if format == .json { buffer += Array((rowCount == 0 ? "]\n" : "\n]\n").utf8) }
        do {
            try flush()
            if case .file(let path) = destination, let temp = temporaryPath, let target {
                if fsync(fd) != 0 { throw ExportError.cannotWrite(path: path, reason: FileProblem(errno: errno)) }
                let closed = close(fd)
                fd = -1
                if closed != 0 { throw ExportError.cannotWrite(path: path, reason: FileProblem(errno: errno)) }
                if rename(temp, target) != 0 { throw ExportError.cannotCreate(path: path, reason: FileProblem(errno: errno)) }
                temporaryPath = nil
                PendingFile.clear()
            } else if case .file = destination, fd >= 0 {
                let closed = close(fd)
                fd = -1
                if closed != 0 { throw writeFailure(FileProblem(errno: errno)) }
            }
            finished = true
        } catch let e as ExportError {
            abandon()
            throw e
        } catch {
            abandon()
            throw writeFailure(FileProblem(error, errno: 0))
        }
    }

    /// Gives up: removes the temporary file (the final name is left as it was).
    public func abandon() {
        finished = true
        buffer.removeAll()
        if case .file = destination {
            if fd >= 0 { close(fd) }
            fd = -1
            if let t = temporaryPath { unlink(t) }
            temporaryPath = nil
            PendingFile.clear()
        }
    }

    /// A failed write to the destination.
    private func writeFailure(_ reason: FileProblem) -> ExportError {
        destination == .standardOutput ? .cannotWriteOutput(reason: reason) : .cannotWrite(path: displayPath, reason: reason)
    }

    private func flushIfFull() throws(ExportError) {
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws(ExportError) {
        var offset = 0
        let total = buffer.count
        let failure: Int32? = buffer.withUnsafeBytes { raw -> Int32? in
            while offset < total {
                let n = Foundation.write(fd, raw.baseAddress! + offset, total - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            let e = writeFailure(FileProblem(errno: failure))
            abandon()
            throw e
        }
    }

    // MARK: Encoding

    /// Whether `text` must be guarded: Excel would take it for a formula, or it starts with the
    /// `'` of such a guard, which `kawal import` takes away (`'=x` is written `="'=x"`).
    static func needsGuard(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return SpreadsheetText.startsFormula(first) || SpreadsheetText.startsWithGuard(text)
    }

    /// Whether `text` is a code Excel would change on opening (a number, a date, a formula) and
    /// that `="…"` keeps: at least one digit, and nothing but digits, spaces and `+ - ( ) . /`.
    /// Neither a quote nor a delimiter can be among them, so the field needs no quoting.
    static func isSpreadsheetCode(_ text: String) -> Bool {
        var digit = false
        for b in text.utf8 {
            switch b {
            case 0x30...0x39: digit = true
            case 0x20, 0x2B, 0x2D, 0x28, 0x29, 0x2E, 0x2F: continue
            default: return false
            }
        }
        return digit
    }

    /// Excel's longest text constant inside a formula, in UTF-16 units.
    static let formulaTextLimit = 255

    /// Writes `text` as one CSV field. With `guardFormula`, text Excel would take for a
    /// formula is written as the formula `="…"`, whose value is that text (a constant, which
    /// runs nothing and shows the text as it is); text too long for a formula's constant, or
    /// holding a line break or a tab, gets a leading `'` instead, which `kawal import` takes
    /// away. Text that starts with such a `'` itself is guarded the same way, so that it
    /// comes back with it.
    static func csvField(_ text: String, delimiter: UInt8, guardFormula: Bool, into buffer: inout [UInt8]) {
        let prefix = guardFormula && needsGuard(text)
        if prefix, text.utf16.count <= formulaTextLimit,
           !text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) {
            let constant = "=\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return csvField(constant, delimiter: delimiter, guardFormula: false, into: &buffer)
        }
        var quote = false
        for b in text.utf8 where b == delimiter || b == UInt8(ascii: "\"") || b == 13 || b == 10 {
            quote = true
            break
        }
        if quote { buffer.append(UInt8(ascii: "\"")) }
        if prefix { buffer.append(UInt8(ascii: "'")) }
        if quote {
            for b in text.utf8 {
                if b == UInt8(ascii: "\"") { buffer.append(b) }
                buffer.append(b)
            }
            buffer.append(UInt8(ascii: "\""))
        } else {
            buffer.append(contentsOf: text.utf8)
        }
    }

    static func jsonString(_ text: String, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        for s in text.unicodeScalars {
            switch s {
            case "\"": buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case "\\": buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case "\n": buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case "\r": buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case "\t": buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default:
                let v = s.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                    || v == 0x200E || v == 0x200F || v == 0x2028 || v == 0x2029 {
                    let hex = String(v, radix: 16)
                    buffer += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                } else if v < 0x80 {
                    buffer.append(UInt8(v))
                } else {
                    UTF8.encode(s) { buffer.append($0) }
                }
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Removes the temporary file of the file export in progress, if any: for a process about to
    /// exit while an export still runs on another thread (the TUI quitting).
    public static func removeTemporaryFileOfExportInProgress() {
        PendingFile.unlinkFromSignalHandler()
    }

    /// Removes the temporary file of a file export in progress when the process is interrupted
    /// (SIGINT, SIGTERM, SIGHUP), then exits with 128 + the signal. For the command line.
    public static func removeTemporaryFilesOnSignal() {
        InterruptCleanup.install(message: nil)
    }
}
