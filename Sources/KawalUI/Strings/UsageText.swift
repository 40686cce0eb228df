/// Strings of a command line Kawal cannot run as typed: a missing argument, an unknown
/// option, a value of the wrong kind. The parser's own English messages are read and said
/// again in these words (`kawal` target, `UsageError`).
public enum UsageText: String, CatalogueKey {
    case missing
    case missingOneOf
    case unknownOption
    case unknownOptionSuggestion
    case missingValue
    case unexpectedArgument
    case unexpectedArguments
    case takesNoValue
    case invalidValue
    case invalidValueOneOf
    case outOfRange
    case seeHelp

    public static let indonesian: [UsageText: String] = [
        .missing: "{0} belum diberikan.",
        .missingOneOf: "Berikan salah satu dari: {0}.",
        .unknownOption: "Opsi {0} tidak dikenal.",
        .unknownOptionSuggestion: "Opsi {0} tidak dikenal. Maksudnya {1}?",
        .missingValue: "Opsi {0} perlu nilai.",
        .unexpectedArgument: "Argumen \"{0}\" tidak diharapkan.",
        .unexpectedArguments: "{0} argumen tidak diharapkan: {1}.",
        .takesNoValue: "Opsi {0} tidak menerima nilai, tetapi diberi \"{1}\".",
        .invalidValue: "Nilai \"{0}\" tidak sah untuk {1}.",
        .invalidValueOneOf: "Nilai \"{0}\" tidak sah untuk {1}. Pilih salah satu: {2}.",
        .outOfRange: "{0} harus antara {1} dan {2}.",
        .seeHelp: "Lihat: {0} --help",
    ]

    public static let english: [UsageText: String] = [
        .missing: "{0} is missing.",
        .missingOneOf: "Give one of: {0}.",
        .unknownOption: "Unknown option {0}.",
        .unknownOptionSuggestion: "Unknown option {0}. Did you mean {1}?",
        .missingValue: "Option {0} needs a value.",
        .unexpectedArgument: "Unexpected argument \"{0}\".",
        .unexpectedArguments: "{0} unexpected arguments: {1}.",
        .takesNoValue: "Option {0} takes no value, but was given \"{1}\".",
        .invalidValue: "\"{0}\" is not a valid value for {1}.",
        .invalidValueOneOf: "\"{0}\" is not a valid value for {1}. Choose one of: {2}.",
        .outOfRange: "{0} must be between {1} and {2}.",
        .seeHelp: "See: {0} --help",
    ]
}
