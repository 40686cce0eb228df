import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal import --source pemkot|bpjs FILE`: merges a city or BPJAMSOSTEK list into the database.
struct Import: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "import", abstract: UsageError.strings.text(HelpText.importAbstract),
                             discussion: UsageError.strings.text(HelpText.importDiscussion))
    }

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.importSource)))
    var source: String

    @Argument(help: ArgumentHelp(UsageError.strings.text(HelpText.importFile)))
    var file: String

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.importDryRun)))
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.importDelimiter)))
    var delimiter: String = "auto"

    @OptionGroup var common: CommonOptions

    /// Exit status when the import succeeded but rows were rejected.
    static let rejectedRowsStatus: Int32 = 3

    func run() throws {
        var status: Int32 = 0
        try reportingErrors {
            let s = common.strings()
            guard let src = ImportSource(rawValue: source.lowercased()) else {
                throw CLIError(s.text(ImportText.errorBadSource, source), code: 2)
            }
            guard let delim = ImportDelimiter(rawValue: delimiter.lowercased()) else {
                throw CLIError(s.text(ImportText.errorBadDelimiter, delimiter), code: 2)
            }
            // A dry run writes nothing, not even a new database: with none there yet, it counts
            // against an empty one in memory.
            let databasePath = common.databasePath()
            let existed = FileManager.default.fileExists(atPath: databasePath)
            // A person at a terminal who mistyped --db would import a whole list into a new,
            // empty database and not notice: they are asked first. Scripts are not.
            if !existed && !dryRun && isatty(0) == 1 && isatty(2) == 1 && FileManager.default.isReadableFile(atPath: file) {
                FileHandle.standardError.write(Data(shownSafely(s.text(ImportText.askCreateDatabase, databasePath)).utf8))
                let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                guard ["y", "ya", "yes"].contains(answer) else {
                    throw CLIError(s.text(ImportText.errorDatabaseNotCreated, databasePath))
                }
            }
            // The folders opening it will create, so that an import that fails takes them away too.
            let folders = existed || dryRun ? [] : AppDatabase.missingFolders(for: databasePath)
            let db: AppDatabase
            if dryRun && !existed {
                do { db = try AppDatabase.inMemory() } catch { throw CLIError(Self.message(for: error, s)) }
            } else {
                db = try common.open(path: databasePath)
            }
            let request = ImportRequest(path: file, source: src, delimiter: delim, dryRun: dryRun, actor: OSLogin.current(),
                                        today: try common.day())
            let strings = s
            let text = RejectionText(
                lineColumn: s.text(ImportText.rejectedLineColumn), reasonColumn: s.text(ImportText.rejectedReasonColumn),
                earlierColumns: Language.allCases.map { [Strings($0).text(ImportText.rejectedLineColumn), Strings($0).text(ImportText.rejectedReasonColumn)] },
                reason: { strings.rowProblem($0) })
            let bar = ProgressBar(enabled: isatty(2) == 1) { fraction in
                switch ImportPhase(progress: fraction) {
                case .rows: strings.text(ImportText.progressRows)
                case .indexes: strings.text(ImportText.progressIndexes)
                case .saving: strings.text(ImportText.progressSaving)
                }
            }
            // Ctrl-C, a closed SSH session or a kill: the transaction is never committed and the
            // rejected rows' temporary file is removed; the user is told nothing changed. A
            // database this command created goes too, with the folders it made for it: before it there was none.
            InterruptCleanup.install(message: (bar.enabled ? "\n" : "") + s.text(ImportText.interrupted) + "\n")
            if !existed && !dryRun { InterruptCleanup.removeOnSignal(createdDatabase: databasePath, folders: folders) }
            let summary: ImportSummary
            do {
                summary = try db.importFile(request, text: text) { bar.show($0) }
                InterruptCleanup.removeOnSignal(createdDatabase: nil)
                bar.finish()
            } catch {
                bar.finish()
                // Nothing was imported: a database this command created for it holds nothing, and
                // would otherwise stay behind (at the default path, the one the TUI then opens).
                if !existed {
                    AppDatabase.removeFiles(at: databasePath)
                    AppDatabase.removeFolders(folders)
                }
                throw CLIError(Self.message(for: error, s, source: src))
            }
            print(Self.summaryText(summary, request: request, database: databasePath, existed: existed, strings: s),
                  terminator: "")
            if summary.counts.rejected > 0 { status = Self.rejectedRowsStatus }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The summary printed after an import, one fact a line. It names the database written to
    /// (`existed`: whether it was there before the command), so that an import into the wrong one shows.
    static func summaryText(_ r: ImportSummary, request: ImportRequest, database: String, existed: Bool,
                            strings s: Strings) -> String {
        let title = r.dryRun ? ImportText.summaryDryRunTitle : ImportText.summaryTitle
        var out = s.text(title, s.source(request.source.dataSource), request.path, r.delimiter) + "\n"
        let c = r.counts
        let lines: [(ImportText, Int)] = [
            (.summaryRead, c.read), (.summaryNew, c.new), (.summaryMerged, c.merged), (.summaryUnchanged, c.unchanged),
            (.summaryFlagged, c.flagged), (.summaryRejected, c.rejected),
        ]
        let labelWidth = lines.map { s.text($0.0).count }.max() ?? 0
        let numberWidth = lines.map { s.number($0.1).count }.max() ?? 0
        for (key, n) in lines {
            let label = s.text(key)
            let number = s.number(n)
            out += "  " + label + String(repeating: " ", count: labelWidth - label.count + 2)
                + String(repeating: " ", count: numberWidth - number.count) + number + "\n"
        }
        if r.titleRows > 0 { out += s.text(ImportText.summaryTitleRows, s.number(r.titleRows)) + "\n" }
        for (skipped, line) in [(r.repeatedHeaders, ImportText.summaryRepeatedHeaders), (r.totalsRows, .summaryTotalsRows),
                                (r.emptyRows, .summaryEmptyRows), (r.sectionHeadings, .summarySectionHeadings),
                                (r.signatureRows, .summarySignatureRows)] {
            if let first = skipped.firstLine { out += s.text(line, s.number(skipped.count), String(first)) + "\n" }
        }
        // Header cells are the file's text: a control character in one shows as it would on
        // screen (ESC as ␛), so a crafted header cannot act on the terminal.
        func quoted(_ cells: [String]) -> String { cells.map { "\"" + Buffer.sanitize($0) + "\"" }.joined(separator: ", ") }
        if let line = r.subHeadingLine {
            out += s.text(ImportText.summarySubHeadings, String(line)) + "\n"
            for split in r.splitColumns {
                out += s.text(split.summed ? ImportText.summarySplitSum : .summarySplitTotal, quoted([split.heading]), quoted(split.read)) + "\n"
            }
        }
        if !r.summedWorkerColumns.isEmpty {
            let line = r.summedWorkerColumns.count > 1 ? ImportText.summaryWorkersSummed : .summaryWorkersFromTotal
            out += s.text(line, quoted(r.summedWorkerColumns)) + "\n"
        }
        if r.kecamatanFromKelurahan > 0 { out += s.text(ImportText.summaryKecamatanFromKelurahan, s.number(r.kecamatanFromKelurahan)) + "\n" }
        if !r.neighbourhoodColumns.isEmpty { out += s.text(ImportText.summaryNeighbourhood, quoted(r.neighbourhoodColumns)) + "\n" }
        if !r.unknownColumns.isEmpty { out += s.text(ImportText.summaryUnknownColumns, quoted(r.unknownColumns)) + "\n" }
        if !r.repeatedColumns.isEmpty { out += s.text(ImportText.summaryRepeatedColumns, quoted(r.repeatedColumns)) + "\n" }
        if let path = r.rejectedPath {
            out += s.text(ImportText.summaryRejectedFile, path) + "\n"
        } else if r.dryRun, c.rejected > 0 {
            out += s.text(ImportText.summaryRejectedDryRun) + "\n"
        }
        if r.scientificNotationRows > 0, let example = r.scientificNotationExample {
            out += s.text(ImportText.summaryScientific, s.number(r.scientificNotationRows), example) + "\n"
        }
        if r.personalNPWPRows > 0 { out += s.text(ImportText.summaryPersonalNPWP, s.number(r.personalNPWPRows)) + "\n" }
        if r.differingCompanies > 0, let line = r.differingLine {
            out += s.text(ImportText.summaryDifferingRows, s.number(r.differingCompanies), String(line)) + "\n"
        }
        out += s.text(ImportText.summaryCases, s.number(r.casesOpened), s.number(r.complianceEvents)) + "\n"
        if let e = r.earlierImport {
            out += s.text(ImportText.summarySameFile, String(e.id), WIB.medium(e.startedAt, s), e.actor) + "\n"
        }
        if c.flagged > 0, !r.dryRun { out += s.text(ImportText.summaryFlaggedHint) + "\n" }
        if r.dryRun {
            if !existed { out += s.text(ImportText.summaryDryRunNoDatabase, database) + "\n" }
            out += s.text(ImportText.summaryDryRunNothingWritten, database) + "\n"
        } else if let id = r.runID {
            if !existed { out += s.text(ImportText.summaryNewDatabase, database) + "\n" }
            out += s.text(ImportText.summaryRecorded, String(id), request.actor, r.sha256, database) + "\n"
        }
        // Paths and file names are the user's text: a control character in one (a file named with
        // an escape sequence) shows as on screen, and cannot act on the terminal.
        return shownSafely(out)
    }

    /// An import failure as one line in the user's language. `source`: the list the file was
    /// given as, to say when its columns fit the other one.
    static func message(for error: any Error, _ s: Strings, source: ImportSource? = nil) -> String {
        if let e = error as? ImportError {
            switch e {
            case .cannotRead(let path, let reason): return s.text(ImportText.errorCannotRead, path, s.fileProblem(reason))
            case .empty(let path): return s.text(ImportText.errorEmpty, path)
            case .notUTF8(let path, let line): return s.text(ImportText.errorNotUTF8, path, String(line))
            case .spreadsheet(let path): return s.text(ImportText.errorSpreadsheet, path)
            case .missingColumns(let missing, let found):
                let names = missing.map { "\"\(s.importColumn($0))\"" }.joined(separator: ", ")
                let aliases = missing.flatMap { ImportLayout.aliases($0) }.joined(separator: ", ")
                let text = s.text(ImportText.errorMissingColumn, names, aliases)
                guard let source, let other = ImportLayout.otherSourceFitting(header: found, source: source) else { return text }
                return text + " " + s.text(ImportText.errorOtherSource, s.source(other.dataSource), other.rawValue)
            case .cannotWriteRejected(let path, let reason):
                let text = s.text(ImportText.errorCannotWriteRejected, path, s.fileProblem(reason))
                // A list on a shared or read-only folder: a copy of it can be imported.
                guard reason == .permissionDenied || reason == .readOnly else { return text }
                return text + " " + s.text(ImportText.errorRejectedBesideList)
            case .readOnly(let path): return s.text(ImportText.errorReadOnly, path)
            case .dryRunReadOnly(let path): return s.text(ImportText.errorDryRunReadOnly, path)
            case .wrongDelimiter(let given, let works): return s.text(ImportText.errorWrongDelimiter, given, works)
            case .utf16(let path): return s.text(ImportText.errorUTF16, path)
            case .tabSeparated(let path): return s.text(ImportText.errorTabs, path)
            case .unclosedQuote(let path, let line, let start):
                // The cell's start is the file's text: shown as on screen, never sent raw.
                return s.text(ImportText.errorUnclosedQuote, path, String(line), Buffer.sanitize(start))
            case .rowTooLong(let path, let line): return s.text(ImportText.errorRowTooLong, path, String(line))
            }
        }
        if let e = error as? StoreError { return describe(e, s) }
        switch error as? StoreWriteError {
        case .busy(let path)?: return s.text(ImportText.errorBusy, path)
        case .diskFull(let path)?: return s.text(ImportText.errorDiskFull, path)
        default: break
        }
        return s.text(ImportText.errorDatabase, String(describing: error))
    }
}
