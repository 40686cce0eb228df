import ArgumentParser
import Foundation
import KawalUI

/// A command line Kawal cannot run as typed, said in the user's language. The argument parser
/// words its errors in English; `translate` reads its message and says it again through the
/// catalogue (`UsageText`), and `hint` names the command's help.
enum UsageError {
    /// The language `--lang` asks for, read from the raw arguments (before the parser, or after
    /// it failed); Indonesian when not given or not known.
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

    /// `kawal help case --lang en`: the parser's `help` takes no options, so `--lang` (read
    /// from the raw arguments all the same) is taken out of its arguments.
    static func withoutLanguageForHelp(_ arguments: [String]) -> [String] {
        guard arguments.first == "help" else { return arguments }
        var out: [String] = []
        var skip = false
        for a in arguments {
            if skip { skip = false; continue }
            if a == "--lang" { skip = true; continue }
            if a.hasPrefix("--lang=") { continue }
            out.append(a)
        }
        return out
    }

    /// The strings of the language the command line asks for: for the help pages, which are
    /// drawn before any command runs, and for commands without the common options.
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

/// A `--help` page in the user's language. The texts of our commands come from the catalogues
/// already (`HelpText`, `CaseHelpText`); the parser adds its headings and a few phrases of its
/// own in English, which are said again here.
enum HelpPage {
    static func translate(_ page: String, _ s: Strings) -> String {
        guard s.language != .en else { return page }
        let en = Strings(.en)
        return page.components(separatedBy: "\n").map { raw in
            var line = raw
            for key in [HelpText.pageOverview, .pageUsage, .pageArguments, .pageOptions, .pageSubcommands] where line.hasPrefix(en.text(key)) {
                line = s.text(key) + line.dropFirst(en.text(key).count)
            }
            if let m = line.wholeMatch(of: /(\s*)See '(.+) <subcommand>' for detailed help\./) {
                line = m.1 + s.text(HelpText.pageSeeHelp, String(m.2))
            }
            // A default subcommand is marked in the column before the descriptions: the
            // replacement keeps the width, so the column stays where it was.
            let mark = en.text(HelpText.pageDefaultSubcommand), ours = s.text(HelpText.pageDefaultSubcommand)
            if let r = line.range(of: mark + " ") {
                let pad = max(1, mark.count + 1 - ours.count)
                line.replaceSubrange(r, with: ours + String(repeating: " ", count: pad))
            }
            line = line.replacingOccurrences(of: en.text(HelpText.pageShowHelp), with: s.text(HelpText.pageShowHelp))
            return line.replacingOccurrences(of: en.text(HelpText.pageDefault), with: s.text(HelpText.pageDefault))
        }.joined(separator: "\n")
    }
}
