import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal export companies|cases`: the list, filtered like the TUI's, as CSV or JSON.
struct Export: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "export", abstract: UsageError.strings.text(HelpText.exportAbstract),
                             discussion: UsageError.strings.text(HelpText.exportDiscussion))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(HelpText.exportKind)))
    var kind: String

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportStatus)))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportStage)))
    var stage: [String] = []

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportKecamatan)))
    var kecamatan: [String] = []

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportSector)))
    var sector: [String] = []

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportSearch)))
    var search: String = ""

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportSort, CompanySort.allCases.map(\.rawValue).joined(separator: ", "))))
    var sort: String = CompanySort.name.rawValue

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportReverse)))
    var reverse = false

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportFormat)))
    var format: String?

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportDelimiter)))
    var delimiter: String = ","

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.exportOut)))
    var out: String?

    func run() throws {
        try reportingErrors {
            let s = common.strings()
            let request = try parse(s)
            // A mistyped --db must not create an empty database and export nothing from it.
            let path = common.databasePath()
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError(s.text(IntakeText.exportNoDatabase, path)) }
            let destination: ExportDestination = (out == nil || out == "-") ? .standardOutput : .file(out!)
            // A name the export may not write is said before anything is read.
            if case .file(let file) = destination { try ExportJob.check(file, database: path, strings: s) }
            // Only a Kawal database is read: an export never turns another file into one.
            let db = try common.open(path: path, adopting: false)
            if case .file = destination { ExportWriter.removeTemporaryFilesOnSignal() }
            // Into a file, at a terminal: a line counts the rows as they are written.
            var counting = false
            if case .file = destination { counting = isatty(2) == 1 }
            var shown = false
            func erase() {
                if shown { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 60) + "\r").utf8)) }
            }
            let n: Int
            do {
                n = try ExportJob.run(db: db, request: request, destination: destination, strings: s, progress: { rows in
                    guard counting else { return }
                    shown = true
                    FileHandle.standardError.write(Data(("\r" + s.text(IntakeText.exportCounting, s.number(rows))).utf8))
                })
            } catch is ExportJob.OutputClosed {
                // `kawal export … | head`: the reader has what it wanted. End as a program does
                // that SIGPIPE ends, with nothing to say, even when SIGPIPE is ignored.
                erase()
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
                throw ExitCode(128 + SIGPIPE)
            } catch {
                erase()
                throw error
            }
            erase()
            if case .file(let path) = destination {
                FileHandle.standardError.write(Data((s.exportDone(rows: n, path: path) + "\n").utf8))
            }
        }
    }

    /// The options as an export request; an unknown value is a usage error (exit 2).
    func parse(_ s: Strings) throws -> ExportRequest {
        func bad(_ option: String, _ value: String, _ choices: [String]) -> CLIError {
            CLIError(s.text(IntakeText.exportBadValue, option, value, choices.joined(separator: ", ")), code: 2)
        }
        func values(_ list: [String]) -> [String] {
            list.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let kind = ExportKind(rawValue: kind.lowercased()) else {
            throw bad("export", self.kind, ExportKind.allCases.map(\.rawValue))
        }
        if out?.isEmpty == true { throw CLIError(s.text(IntakeText.exportOutEmpty), code: 2) }
        // Without --format, a file named `….json` gets JSON; --format, when given, wins.
        let named = format ?? (out.map { $0.lowercased().hasSuffix(".json") } == true ? ExportFormat.json.rawValue : ExportFormat.csv.rawValue)
        guard let format = ExportFormat(rawValue: named.lowercased()) else {
            throw bad("--format", named, ExportFormat.allCases.map(\.rawValue))
        }
        let delimiter: ExportDelimiter
        switch self.delimiter.lowercased() {
        case ",", "comma", "koma": delimiter = .comma
        case ";", "semicolon", "titik-koma": delimiter = .semicolon
        default: throw bad("--delimiter", self.delimiter, [",", ";"])
        }
        var q = CompanyQuery(search: search)
        guard let sort = CompanySort(rawValue: sort) ?? CompanySort.allCases.first(where: { $0.rawValue.lowercased() == sort.lowercased() }) else {
            throw bad("--sort", self.sort, CompanySort.allCases.map(\.rawValue))
        }
        q.sort = sort
        q.reversed = reverse
        for v in values(status) {
            guard let st = ComplianceStatus(code: v) else { throw bad("--status", v, ComplianceStatus.allCases.map(\.code)) }
            q.statuses.insert(st)
        }
        for v in values(stage) {
            // Each code with its label in the user's language, either of which is accepted.
            guard let st = StageName.parse(v) else { throw bad("--stage", v, Stage.allCases.map { "\($0.rawValue) (\(s.stage($0)))" }) }
            q.stages.insert(st)
        }
        for v in values(kecamatan) {
            // Written as an import takes it: `Timur`, `Kec. Pekalongan Timur`.
            let name = Kecamatan.canonical(v)
            guard let k = Kecamatan.pekalongan.first(where: { $0.name == name }) else {
                throw bad("--kecamatan", v, Kecamatan.pekalongan.map(\.name))
            }
            q.kecamatan.insert(k.name)
        }
        for v in values(sector) {
            // A KBLI code is five digits: `1313` (a group, not a code) would match no company.
            guard v.utf8.count == 5, v.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw CLIError(s.text(IntakeText.exportBadSector, v, Sector.known.map(\.code).joined(separator: ", ")), code: 2)
            }
            q.sectors.insert(v)
        }
        return ExportRequest(kind: kind, query: q, format: format, delimiter: delimiter)
    }
}

/// A stage named on the command line: its code (`warning1`) or its label in either language
/// (`Teguran I`, or `Teguran 1` with the numeral in digits), regardless of case, spaces and
/// punctuation.
enum StageName {
    static func parse(_ text: String) -> Stage? {
        func key(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let k = key(text)
        for stage in Stage.allCases {
            var names = [stage.rawValue]
            for l in Language.allCases { names += [Strings(l).stage(stage), Strings(l).stageShort(stage)] }
            names += names.compactMap(arabic)
            if names.contains(where: { key($0) == k }) { return stage }
        }
        return nil
    }

    /// A label ending in a Roman numeral, with the numeral in digits: `Teguran II` → `Teguran 2`.
    static func arabic(_ label: String) -> String? {
        let roman = ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5]
        guard let space = label.lastIndex(of: " "), let n = roman[String(label[label.index(after: space)...])] else { return nil }
        return label[..<space] + " \(n)"
    }
}

/// What to export and how.
struct ExportRequest: Hashable, Sendable {
    var kind: ExportKind
    var query: CompanyQuery
    var format: ExportFormat
    var delimiter: ExportDelimiter
}

/// Runs an export from the store to a destination: the one path the command line and the TUI share.
enum ExportJob {
    /// Thrown out of `run` when `stop` said so; nothing was left under the destination's name.
    struct Stopped: Error {}

    /// Thrown out of `run` when standard output was closed by its reader (`… | head`).
    struct OutputClosed: Error {}

    /// Checks that an export may write `path` (`ExportWriter.target`), before anything is read:
    /// a failure is a `CLIError` in the user's language.
    static func check(_ path: String, database: String, strings s: Strings) throws {
        do {
            _ = try ExportWriter.target(for: path, database: database)
        } catch {
            throw CLIError(message(error, s))
        }
    }

    /// What went wrong, in the user's language, with advice that fits the reason.
    static func message(_ e: ExportError, _ s: Strings) -> String {
        func advice(_ p: FileProblem) -> IntakeText? {
            switch p {
            case .diskFull: .exportAdviceFreeSpace
            case .tooLarge: .exportAdviceSmaller
            case .readOnly: .exportAdviceOtherFolder
            case .noSuchFile, .fileInPath: .exportAdviceCheckPath
            case .permissionDenied: .exportAdviceWritable
            case .folder, .notAFile, .brokenPipe, .other: nil
            }
        }
        func with(_ line: String, _ p: FileProblem) -> String {
            advice(p).map { line + " " + s.text($0) } ?? line
        }
        switch e {
        case .cannotCreate(let path, .folder):
            return s.text(IntakeText.exportOutFolder, path, (path as NSString).appendingPathComponent(s.text(IntakeText.exportFileBaseCompanies) + ".csv"))
        case .cannotCreate(let path, let reason):
            let line = s.text(IntakeText.exportFailedCreate, path, s.fileProblem(reason))
            if case .other = reason { return line + " " + s.text(IntakeText.exportAdviceWritable) }
            return with(line, reason)
        case .cannotWrite(let path, let reason): return with(s.text(IntakeText.exportFailedWrite, path, s.fileProblem(reason)), reason)
        case .cannotWriteOutput(let reason): return with(s.text(IntakeText.exportFailedOutput, s.fileProblem(reason)), reason)
        case .isTheDatabase(let path): return s.text(IntakeText.exportOutIsTheDatabase, path)
        case .isADatabase(let path): return s.text(IntakeText.exportOutIsADatabase, path)
        case .notWritable(let path): return s.text(IntakeText.exportOutNotWritable, path)
        case .noFolder(let path, let folder): return s.text(IntakeText.exportOutNoFolder, path, folder)
        }
    }

    /// Rows between two calls of `run`'s `progress`.
    static let progressEvery = 20_000

    /// Writes the export and returns the number of rows; a failure is a `CLIError` in the user's
    /// language, and leaves nothing under the destination's name. `progress` is told the rows
    /// written so far every `progressEvery` rows; `stop`, asked before each row, ends the export
    /// (`Stopped`).
    static func run(db: AppDatabase, request r: ExportRequest, destination: ExportDestination, strings s: Strings,
                    stop: () -> Bool = { false }, progress: (Int) -> Void = { _ in }) throws -> Int {
        let table = ExportTable(kind: r.kind, format: r.format, strings: s)
        do {
            let writer = try ExportWriter(
                to: destination, format: r.format, delimiter: r.delimiter,
                fields: table.headers.map { ExportField(key: $0.key, header: $0.header) }, database: db.path)
            do {
                try db.exportRows(r.kind, query: r.query) { row in
                    if stop() { throw Stopped() }
                    try writer.write(table.cells(row))
                    if writer.rowCount % progressEvery == 0 { progress(writer.rowCount) }
                }
                try writer.finish()
            } catch {
                writer.abandon()
                throw error
            }
            return writer.rowCount
        } catch ExportError.cannotWriteOutput(reason: .brokenPipe) {
            throw OutputClosed()
        } catch let e as ExportError {
            throw CLIError(message(e, s))
        } catch let e as CLIError {
            throw e
        } catch let e as Stopped {
            throw e
        } catch {
            throw CLIError(s.format(.errorLoad, String(describing: error)))
        }
    }
}
