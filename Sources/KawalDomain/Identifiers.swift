/// The identifier fields a company can carry, named in errors.
public enum IdentifierField: String, Sendable, CaseIterable, Codable {
    case npwp = "NPWP"
    case nib = "NIB"
    case npp = "NPP"
    case nik = "NIK"
    case kbli = "KBLI"
}

/// Why a typed identifier was refused. Names the field so the user knows what to fix.
public struct IdentifierError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// A character other than a digit or the usual punctuation (`.`, `-`, space).
        case invalidCharacter(Character)
        /// The wrong number of digits; `expected` lists the accepted counts.
        case wrongLength(got: Int, expected: [Int])
        /// A 16-digit NPWP must start with 0 (the old 15 digits prefixed with 0).
        case sixteenDigitsMustStartWithZero
        /// The check digit does not match.
        case checksum
        /// Nothing was given.
        case empty
        /// A number in scientific notation (`9,12043E+12`): a spreadsheet stored the identifier
        /// as a number and wrote it rounded, so its digits are lost and cannot be recovered.
        case scientificNotation
        /// Several codes in one cell (`13134, 46491`: a business with more than one KBLI).
        case severalCodes
    }

    public let field: IdentifierField
    public let value: String
    public let problem: Problem

    public init(field: IdentifierField, value: String, problem: Problem) {
        self.field = field
        self.value = value
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .invalidCharacter(let c): return "\(field.rawValue) \"\(value)\": invalid character \"\(c)\""
        case .wrongLength(let got, let expected):
            return "\(field.rawValue) \"\(value)\": \(got) digits, expected \(expected.map(String.init).joined(separator: " or "))"
        case .sixteenDigitsMustStartWithZero: return "\(field.rawValue) \"\(value)\": 16 digits must start with 0"
        case .checksum: return "\(field.rawValue) \"\(value)\": check digit does not match"
        case .empty: return "\(field.rawValue): empty"
        case .scientificNotation: return "\(field.rawValue) \"\(value)\": a number in scientific notation, digits lost"
        case .severalCodes: return "\(field.rawValue) \"\(value)\": more than one code"
        }
    }

    /// Plain digits, one short of the shortest length accepted, that a leading 0 would make
    /// valid: a spreadsheet that stored the identifier as a number may have dropped it
    /// (`01.234…` became `1234…`, KBLI `01111` became `1111`).
    public var mayHaveLostLeadingZero: Bool {
        guard case .wrongLength(let got, let expected) = problem, let shortest = expected.min(),
              got == shortest - 1, value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let padded = "0" + value
        switch field {
        case .npwp: return (try? NPWP(padded)) != nil
        case .nib: return (try? NIB(padded)) != nil
        case .npp: return (try? NPP(padded)) != nil
        case .nik: return (try? NIK(padded)) != nil
        case .kbli: return true
        }
    }
}

/// An identifier made of digits, validated on creation and stored and exchanged as its
/// canonical digits (a JSON or database value that fails validation is refused).
public protocol DigitIdentifier: Hashable, Sendable, Codable {
    var digits: String { get }
    init(_ raw: String) throws(IdentifierError)
}

extension DigitIdentifier {
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(digits)
    }
}

/// The punctuation people type inside an identifier (`.`, `-`, `/`, spaces, tabs), as an ASCII byte.
func isIdentifierPunctuation(_ b: UInt8) -> Bool {
    b == 0x2E || b == 0x2D || b == 0x2F || b == 0x20 || b == 0x09
}

/// Digits of an identifier, accepting the punctuation people type (`isIdentifierPunctuation`).
func identifierDigits(_ raw: String, field: IdentifierField) throws(IdentifierError) -> [UInt8] {
    var digits: [UInt8] = []
    for ch in raw {
        if let a = ch.asciiValue, a >= 48, a <= 57 {
            digits.append(a - 48)
        } else if let a = ch.asciiValue, isIdentifierPunctuation(a) {
            continue
        } else if (ch == "'" || ch == "’") && digits.isEmpty {
            // Typed before the digits to make a spreadsheet keep them as text (and the leading 0).
            continue
        } else {
            throw IdentifierError(field: field, value: raw, problem: isScientificNotation(raw) ? .scientificNotation : .invalidCharacter(ch))
        }
    }
    if digits.isEmpty { throw IdentifierError(field: field, value: raw, problem: .empty) }
    return digits
}

/// Whether `text` is a number as a spreadsheet writes it in scientific notation: digits, an
/// optional decimal part after `.` or `,`, then `E`, an optional sign and digits (`9,12043E+12`).
func isScientificNotation(_ text: String) -> Bool {
    var u = Array(text.utf8)[...]
    while let c = u.first, c == 32 || c == 9 { u.removeFirst() }
    while let c = u.last, c == 32 || c == 9 { u.removeLast() }
    var i = u.startIndex
    func digits() -> Int {
        let start = i
        while i < u.endIndex, u[i] >= 48, u[i] <= 57 { i += 1 }
        return i - start
    }
    guard digits() > 0 else { return false }
    if i < u.endIndex, u[i] == UInt8(ascii: ".") || u[i] == UInt8(ascii: ",") {
        i += 1
        guard digits() > 0 else { return false }
    }
    guard i < u.endIndex, u[i] == UInt8(ascii: "E") || u[i] == UInt8(ascii: "e") else { return false }
    i += 1
    if i < u.endIndex, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
    guard digits() > 0 else { return false }
    return i == u.endIndex
}

/// Luhn check over `digits` (the last one is the check digit).
func luhnValid(_ digits: ArraySlice<UInt8>) -> Bool {
    var sum = 0
    for (i, d) in digits.reversed().enumerated() {
        var v = Int(d)
        if i % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
        sum += v
    }
    return sum % 10 == 0
}

/// Indonesian tax identification number (*Nomor Pokok Wajib Pajak*).
///
/// Accepts the old 15 digits and the 16-digit form (`0` + the 15) used by companies since
/// PMK 112/2022, with or without punctuation. Checked as python-stdnum does: Luhn over the
/// first 9 of 15 digits. Always displays as `XX.XXX.XXX.X-XXX.XXX`.
public struct NPWP: DigitIdentifier, CustomStringConvertible {
    /// The canonical 15 digits.
    public let digits: String

    public init(_ raw: String) throws(IdentifierError) {
        var d = try identifierDigits(raw, field: .npwp)
        if d.count == 16 {
            guard d[0] == 0 else {
                throw IdentifierError(field: .npwp, value: raw, problem: .sixteenDigitsMustStartWithZero)
            }
            d.removeFirst()
        } else if d.count != 15 {
            throw IdentifierError(field: .npwp, value: raw, problem: .wrongLength(got: d.count, expected: [15, 16]))
        }
        guard luhnValid(d[0..<9]) else {
            throw IdentifierError(field: .npwp, value: raw, problem: .checksum)
        }
        digits = String(d.map { Character(String($0)) })
    }

    /// The 16-digit form (`0` followed by the 15 digits).
    public var sixteenDigits: String { "0" + digits }

    /// `XX.XXX.XXX.X-XXX.XXX`.
    public var formatted: String {
        let c = Array(digits)
        func s(_ r: Range<Int>) -> String { String(c[r]) }
        return "\(s(0..<2)).\(s(2..<5)).\(s(5..<8)).\(s(8..<9))-\(s(9..<12)).\(s(12..<15))"
    }

    public var description: String { formatted }

    /// Builds a valid NPWP from the first eight digits and a six-digit tail by computing the check digit.
    public static func make(prefix8: String, tail6: String) -> NPWP {
        precondition(prefix8.count == 8 && tail6.count == 6)
        for check in 0...9 {
            if let n = try? NPWP(prefix8 + String(check) + tail6) { return n }
        }
        preconditionFailure("no check digit")
    }
}

/// Business identification number from OSS (*Nomor Induk Berusaha*): 13 digits, no public checksum.
public struct NIB: DigitIdentifier, CustomStringConvertible {
    public let digits: String

    public init(_ raw: String) throws(IdentifierError) {
        let d = try identifierDigits(raw, field: .nib)
        guard d.count == 13 else {
            throw IdentifierError(field: .nib, value: raw, problem: .wrongLength(got: d.count, expected: [13]))
        }
        digits = String(d.map { Character(String($0)) })
    }

    public var description: String { digits }
}

/// BPJS Ketenagakerjaan employer registration number (*Nomor Pendaftaran Perusahaan*).
///
/// Eight digits are what branches see; the format is not published, so it is checked for
/// digits and length only. A company that never registered (PWBD) has none.
public struct NPP: DigitIdentifier, CustomStringConvertible {
    public static let acceptedLengths = [8]
    public let digits: String

    public init(_ raw: String) throws(IdentifierError) {
        let d = try identifierDigits(raw, field: .npp)
        guard NPP.acceptedLengths.contains(d.count) else {
            throw IdentifierError(field: .npp, value: raw, problem: .wrongLength(got: d.count, expected: NPP.acceptedLengths))
        }
        digits = String(d.map { Character(String($0)) })
    }

    public var description: String { digits }
}

/// A person's national identity number (*Nomor Induk Kependudukan*). Personal data: display masked.
public struct NIK: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    public init(_ raw: String) throws(IdentifierError) {
        let d = try identifierDigits(raw, field: .nik)
        guard d.count == 16 else {
            throw IdentifierError(field: .nik, value: raw, problem: .wrongLength(got: d.count, expected: [16]))
        }
        digits = String(d.map { Character(String($0)) })
    }

    /// The first six digits (the region) and the last two; the rest hidden.
    public var masked: String {
        String(digits.prefix(6)) + String(repeating: "*", count: 8) + String(digits.suffix(2))
    }

    public var description: String { masked }
}
