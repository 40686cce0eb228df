import ArgumentParser
import Foundation
import Synchronization
import KawalDomain
import KawalStore
import KawalTerminal
import KawalUI

@main
struct Kawal: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "kawal",
        abstract: UsageError.strings.text(HelpText.rootAbstract),
        discussion: UsageError.strings.text(HelpText.rootDiscussion),
        subcommands: [Open.self, Demo.self, Render.self, Import.self, Export.self, CaseCommand.self, LetterCommand.self,
                      OfficerCommand.self, HolidayCommand.self, Bench.self],
        defaultSubcommand: Open.self
    ) }

    /// Parses and runs the command; a usage error (unknown option, missing argument) exits with
    /// 2 and one line on stderr in the user's language, naming the command's help, as every
    /// Kawal command line does.
    static func main() {
        do {
            var command = try parseAsRoot(UsageError.withoutLanguageForHelp(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            // `--help` and `kawal help …`: the page in the user's language.
            if exitCode(for: error) == .success {
                print(HelpPage.translate(fullMessage(for: error), UsageError.strings))
                Foundation.exit(0)
            }
            if exitCode(for: error) == .validationFailure {
                let arguments = Array(CommandLine.arguments.dropFirst())
                let s = Strings(UsageError.language(arguments))
                let line = UsageError.translate(message(for: error), s) + " "
                    + s.text(UsageText.seeHelp, UsageError.command(arguments, root: Kawal.self))
                FileHandle.standardError.write(Data(("kawal: " + line + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// `kawal [open]`: the terminal case desk.
struct Open: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "open", abstract: UsageError.strings.text(HelpText.openAbstract))
    }

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.openDemo)))
    var demo = false

    func run() throws {
        try reportingErrors {
            let s = common.strings()
            let language = try common.language()
            let today = try common.day()
            var path = common.databasePath()
            if demo {
                path = common.db ?? DemoPaths.demoPath(environment: common.environment)
                if !FileManager.default.fileExists(atPath: path) {
                    try writeDemo(path: path, companies: 5_000, seed: 1, today: today, strings: s)
                }
            } else if !FileManager.default.fileExists(atPath: path) {
                guard isatty(0) == 1, isatty(1) == 1 else {
                    throw CLIError(s.format(.noDatabaseTitle, path) + " " + s[.noDatabaseHowTo])
                }
                print(s.format(.noDatabaseTitle, path))
                FileHandle.standardOutput.write(Data(s.format(.noDatabaseOffer, path).utf8))
                let answer = (readLine() ?? "n").trimmingCharacters(in: .whitespaces).lowercased()
                guard answer.isEmpty || answer.hasPrefix("y") else {
                    print(s[.noDatabaseHowTo])
                    return
                }
                try writeDemo(path: path, companies: 5_000, seed: 1, today: today, strings: s)
            }
            let db = try common.open(path: path, waitWhileBusy: true)
            try TUI.run(db: db, language: language, today: today)
        }
    }
}

enum DemoPaths {
    /// Where `kawal --demo` keeps its database: beside the default one.
    static func demoPath(environment: [String: String]) -> String {
        let main = AppDatabase.defaultPath(environment: environment)
        return (main as NSString).deletingLastPathComponent + "/demo.sqlite"
    }
}

/// Writes the demo into a new database at `path`, with a progress bar on a terminal.
func writeDemo(path: String, companies: Int, seed: UInt64, today: Day, strings s: Strings) throws {
    let db: AppDatabase
    do { db = try AppDatabase.open(path: path) } catch { throw CLIError(describe(error, s)) }
    if try db.companyCount() > 0 { throw CLIError(s.format(.errorDemoNotEmpty, path)) }
    let tty = isatty(2) == 1
    FileHandle.standardError.write(Data((s.format(.demoWriting, s.number(companies), path) + "\n").utf8))
    let start = Date()
    let bar = ProgressBar(enabled: tty)
    // Ctrl-C, SIGTERM or a dropped session: the load stops, removes what it wrote and puts the
    // indexes and triggers back, so the file is an empty working database again.
    let stop = SignalWatch(signals: [SIGINT, SIGTERM, SIGHUP]) { db.stopDemo() }
    do {
        try db.writeDemo(DemoOptions(companies: companies, seed: seed, today: today, creator: OSLogin.current())) { fraction in bar.show(fraction) }
        stop.end()
    } catch {
        stop.end()
        bar.finish()
        if let sig = stop.received {
            FileHandle.standardError.write(Data((s.format(.demoStopped, path) + "\n").utf8))
            exit(128 + sig)
        }
        throw error
    }
    bar.finish()
    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
    FileHandle.standardError.write(Data((s.format(.demoDone, s.number(companies), seconds) + "\n").utf8))
}

/// Turns the given signals into a call of `action` (on a background queue) while it lasts,
/// instead of ending the process; `end` puts their default actions back.
final class SignalWatch {
    private final class First: Sendable {
        let signal = Atomic<Int32>(0)
    }

    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]
    private let first = First()

    init(signals: [Int32], action: @escaping @Sendable () -> Void) {
        self.signals = signals
        var sources: [any DispatchSourceSignal] = []
        let first = self.first
        for sig in signals {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if first.signal.compareExchange(expected: 0, desired: sig, ordering: .sequentiallyConsistent).exchanged { action() }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// The first signal that arrived, if any.
    var received: Int32? {
        let sig = first.signal.load(ordering: .sequentiallyConsistent)
        return sig == 0 ? nil : sig
    }

    func end() {
        for s in sources { s.cancel() }
        for sig in signals { signal(sig, SIG_DFL) }
    }
}

/// `kawal demo`: writes the demo database.
struct Demo: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "demo", abstract: UsageError.strings.text(HelpText.demoAbstract))
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.demoCompanies)))
    var companies: Int = 5_000

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.demoSeed)))
    var seed: UInt64 = 1

    func validate() throws {
        guard companies >= 1, companies <= 10_000_000 else {
            throw ValidationError(common.strings().text(UsageText.outOfRange, "--companies", "1", "10000000"))
        }
    }

    func run() throws {
        try reportingErrors {
            let s = common.strings()
            try writeDemo(path: common.databasePath(), companies: companies, seed: seed, today: try common.day(), strings: s)
        }
    }
}
