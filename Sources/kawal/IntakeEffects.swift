import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// The intake effects of the TUI, performed on the store.
enum IntakeEffects {
    /// Exports the list as shown to a new CSV file in the current folder (`NAME.csv`, else
    /// `NAME-2.csv`, …: an earlier export is never overwritten).
    static func export(db: AppDatabase, query: CompanyQuery, fileName: String, delimiter: ExportDelimiter, language: Language,
                       stop: () -> Bool = { false }, progress: (Int) -> Void = { _ in }) -> Action {
        let s = Strings(language)
        let folder = FileManager.default.currentDirectoryPath
        let path = freePath(folder: folder, name: fileName, ext: "csv")
        let request = ExportRequest(kind: .companies, query: query, format: .csv, delimiter: delimiter)
        do {
            let rows = try ExportJob.run(db: db, request: request, destination: .file(path), strings: s, stop: stop, progress: progress)
            return .exportFinished(path: path, rows: rows)
        } catch is ExportJob.Stopped {
            return .exportCancelled
        } catch let e as CLIError {
            return .exportFailed(message: e.message)
        } catch {
            return .exportFailed(message: String(describing: error))
        }
    }

    /// Records a review decision as the OS login; a pair someone else decided first is refused.
    static func resolve(db: AppDatabase, pair: DuplicatePair, decision: DuplicateDecision, today: Day) -> Action {
        do {
            try db.resolveDuplicate(id: pair.id, decision: decision, actor: OSLogin.current(), today: today)
            return .duplicateResolved(pair: pair, decision: decision)
        } catch DuplicateReviewError.alreadyResolved(_, let status) {
            return .duplicateResolveFailed(pair: pair, failure: .alreadyDecided(status))
        } catch DuplicateReviewError.unknownPair {
            return .duplicateResolveFailed(pair: pair, failure: .alreadyDecided(.merged))
        } catch StoreWriteError.readOnly {
            return .duplicateResolveFailed(pair: pair, failure: .readOnly)
        } catch StoreWriteError.busy {
            return .duplicateResolveFailed(pair: pair, failure: .busy)
        } catch StoreWriteError.diskFull {
            return .duplicateResolveFailed(pair: pair, failure: .diskFull)
        } catch {
            return .duplicateResolveFailed(pair: pair, failure: .other(String(describing: error)))
        }
    }

    /// `folder/name.ext`, or the first of `name-2.ext`, `name-3.ext`… that does not exist yet.
    static func freePath(folder: String, name: String, ext: String) -> String {
        let base = (folder.hasSuffix("/") ? folder : folder + "/") + name
        var candidate = base + "." + ext
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(n).\(ext)"
            n += 1
        }
        return candidate
    }
}
