import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI

/// `kawal letter CASE --kind K [--out FILE]`: the letter as sent, or a draft from the template.
struct LetterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "letter",
            abstract: UsageError.strings.text(CaseHelpText.letterAbstract),
            discussion: UsageError.strings.text(CaseHelpText.letterDiscussion, LetterKind.allCases.map(\.rawValue).joined(separator: ", ")))
    }

    @Argument(help: ArgumentHelp(UsageError.strings.text(CaseHelpText.caseNumber)))
    var id: Int64

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.letterKindOption, LetterKind.allCases.map(\.rawValue).joined(separator: ", "))))
    var kind: String

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(CaseHelpText.letterOut)))
    var out: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try browsing(common) { db, _, today, s in
            let kind = try CaseArguments.letterKind(self.kind, s)
            let letter = try db.letterPreview(caseID: id, kind: kind, today: today, draftNumber: s.text(CaseText.letterDraftNumber))
            guard let out, out != "-" else {
                print(letter.text, terminator: letter.text.hasSuffix("\n") ? "" : "\n")
                return
            }
            // Whole or not at all: a temporary file beside the target, renamed into place.
            let tmp = out + ".kawal-tmp"
            do {
                try Data(letter.text.utf8).write(to: URL(fileURLWithPath: tmp))
                if rename(tmp, out) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                try? FileManager.default.removeItem(atPath: tmp)
                throw CLIError(s.text(CaseText.cliCannotWrite, out, (error as NSError).localizedDescription))
            }
            FileHandle.standardError.write(Data((s.text(CaseText.cliLetterWritten, out) + "\n").utf8))
        }
    }
}
