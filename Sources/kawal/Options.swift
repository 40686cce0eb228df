import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// Options every subcommand shares: where the data is, the language and "today".
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.commonDatabase)))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.commonLanguage)))
    var lang: String = "id"

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.commonToday)))
    var today: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func language() throws -> Language {
        guard let l = Language(rawValue: lang.lowercased()) else {
            throw CLIError(Strings(.id).format(.errorBadLanguage, lang))
        }
        return l
    }

    func strings() -> Strings { Strings((try? language()) ?? .id) }

    func day() throws -> Day {
        if let text = today ?? environment["KAWAL_TODAY"], !text.isEmpty {
            guard let d = Day(parsing: text) else { throw CLIError(strings().format(.errorBadDate, text)) }
            return d
        }
        return Clock.localToday()
    }

    func databasePath() -> String {
        db ?? AppDatabase.defaultPath(environment: environment)
    }

    /// Opens the database or fails with one clear line.
    ///
    /// With `waitWhileBusy`, on a terminal, a database that another program is writing and
    /// nobody can read until it commits (a first import writes with a rollback journal) is
    /// waited for: one line says so, and Ctrl-C gives up. Otherwise that fails, once SQLite's
    /// five-second wait for the lock is over, with one line saying another program is writing.
    ///
    /// Another program's SQLite database is refused, and left as it was; with `adopting: false`
    /// (a command that only reads), so is a file that is not a Kawal database yet (an empty one).
    func open(path: String? = nil, waitWhileBusy: Bool = false, adopting: Bool = true) throws -> AppDatabase {
        let p = path ?? databasePath()
        var told = false
        while true {
            let db: AppDatabase
            do {
                db = try AppDatabase.open(path: p, adopting: adopting)
            } catch StoreError.busy where waitWhileBusy && isatty(1) == 1 {
                if !told { print(strings().format(.waitingForWriter, p)) }
                told = true
                usleep(250_000)
                continue
            } catch {
                throw CLIError(describe(error, strings()))
            }
            // The login that creates (or first upgrades) a database administers it.
            try? db.registerFirstAdmin(login: OSLogin.current())
            return db
        }
    }
}

/// A failure shown as one line on stderr, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32 = 1

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}

/// The store's errors in the user's language.
func describe(_ error: StoreError, _ s: Strings) -> String {
    switch error {
    case .notADatabase(let path): return s.format(.errorNotADatabase, path)
    case .notKawalDatabase(let path, false): return s.text(IntakeText.errorNotKawalDatabase, path)
    case .notKawalDatabase(let path, true): return s.text(IntakeText.errorEmptyNotKawal, path)
    case .newerSchema(let path, let migration): return s.format(.errorNewerSchema, path, migration)
    case .cannotCreate(let path, let reason): return s.format(.errorCannotCreate, path, s.openProblem(reason))
    case .cannotOpen(let path, let reason): return s.format(.errorCannotOpen, path, s.openProblem(reason))
    case .busy(let path): return s.format(.errorOpenBusy, path)
    }
}

/// Runs `body`, turning a `CLIError` into its line on stderr and its exit code.
/// `text` with the control characters of each line shown as their pictures (`␛`), its line
/// breaks kept: for text that quotes the user's (a path, a file's cell) on a terminal.
func shownSafely(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { Buffer.sanitize(String($0)) }.joined(separator: "\n")
}

func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as CLIError {
        // A message may quote a path or a cell: control characters in it are shown, not sent.
        FileHandle.standardError.write(Data(("kawal: " + shownSafely(e.message) + "\n").utf8))
        throw ExitCode(e.code)
    }
}

/// The local calendar day.
enum Clock {
    static func localToday() -> Day {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return Day(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday)) ?? Day(serial: Int(t / 86400))
    }
}
