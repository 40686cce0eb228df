import ArgumentParser
import Foundation
import KawalUI

/// A command line Kawal cannot run as typed, said in the user's language. The argument parser
/// words its errors in English; `translate` reads its message and says it again through the
/// catalogue (`UsageText`), and `hint` names the command's help.
enum UsageError {
    /// The language `--lang` asks for, read from the raw arguments (the parser that would read
    /// it has just failed); Indonesian when not given or not known.
    static func language(_ arguments: [String]) -> Language {
        var lang: String?
        var i = arguments.startIndex
        while i < arguments.endIndex, arguments[i] != "--" {
            let a = arguments[i]
            if a == "--lang", i + 1 < arguments.endIndex {
                lang = arguments[i + 1]
                i += 1
            } else if a.hasPrefix("--lang=") {
                lang = String(a.dropFirst("--lang=".count))
            }
            i += 1
        }
        return lang.flatMap { Language(rawValue: $0.lowercased()) } ?? .id
    }

    /// The strings of the language the command line asks for, for a command without the common
    /// options (the benchmarks).
    static var strings: Strings { Strings(language(Array(CommandLine.arguments.dropFirst()))) }

    /// The parser's message in `s`'s words. A message it does not know (ours, from a
    /// `validate`, is already in the user's words) is returned as it is.
    static func translate(_ message: String, _ s: Strings) -> String {
        if let m = message.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return s.text(UsageText.missing, String(m.1))
        }
        if let m = message.wholeMatch(of: /Missing one of: '(.+)'/) {
            return s.text(UsageText.missingOneOf, m.1.replacingOccurrences(of: "', '", with: ", "))
        }
        if let m = message.wholeMatch(of: /Unknown option '(.+?)'\. Did you mean '(.+)'\?/) {
            return s.text(UsageText.unknownOptionSuggestion, String(m.1), String(m.2))
        }
        if let m = message.wholeMatch(of: /Unknown option '(.+)'/) {
            return s.text(UsageText.unknownOption, String(m.1))
        }
        if let m = message.wholeMatch(of: /Missing value for '(.+)'/) {
            return s.text(UsageText.missingValue, String(m.1))
        }
        if let m = message.wholeMatch(of: /Unexpected argument '(.+)'/) {
            return s.text(UsageText.unexpectedArgument, String(m.1))
        }
        if let m = message.wholeMatch(of: /(\d+) unexpected arguments: '(.+)'/) {
            return s.text(UsageText.unexpectedArguments, String(m.1), m.2.replacingOccurrences(of: "', '", with: ", "))
        }
        if let m = message.wholeMatch(of: /The option '(.+?)' does not take any value, but '(.*)' was specified\./) {
            return s.text(UsageText.takesNoValue, String(m.1), String(m.2))
        }
        if let m = message.wholeMatch(of: /The value '(.*?)' is invalid for '(.+?)'(?:\. Please provide one of (.+)\.)?/) {
            if let choices = m.3 { return s.text(UsageText.invalidValueOneOf, String(m.1), String(m.2), String(choices)) }
            return s.text(UsageText.invalidValue, String(m.1), String(m.2))
        }
        return message
    }

    /// `kawal import`, `kawal case escalate`: the subcommands the arguments name, from the
    /// root, for the hint to that command's help.
    static func command(_ arguments: [String], root: any ParsableCommand.Type) -> String {
        var path = [root._commandName]
        var current = root
        for a in arguments {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == a }) else { continue }
            path.append(a)
            current = next
        }
        return path.joined(separator: " ")
    }
}
