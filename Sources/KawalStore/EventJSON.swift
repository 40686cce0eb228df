import Foundation
import KawalDomain

/// `EventDetail` as stored in `case_event.detail`: the JSON its `Codable` conformance reads,
/// written by hand because `JSONEncoder` is too slow for millions of demo events.
/// Keys in declaration order, nil values left out, days as ISO text.
enum EventJSON {
    static func encode(_ d: EventDetail) -> String {
        var bytes: [UInt8] = []
        encode(d, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON's UTF-8 to `bytes` (the demo loader writes it straight into its batch).
    static func encode(_ d: EventDetail, into bytes: inout [UInt8]) {
        var w = Writer(out: bytes)
        bytes = []  // `w` holds the only reference while writing, so appends never copy
        w.out.append(UInt8(ascii: "{"))
        w.string("letterKind", d.letterKind?.rawValue)
        w.string("letterNumber", d.letterNumber)
        w.string("delivery", d.delivery)
        w.string("deadline", d.deadline?.iso)
        w.string("visitKind", d.visitKind?.rawValue)
        w.string("outcome", d.outcome?.rawValue)
        if let o = d.officers {
            w.key("officers")
            w.out.append(UInt8(ascii: "["))
            for (i, s) in o.enumerated() {
                if i > 0 { w.out.append(UInt8(ascii: ",")) }
                w.quoted(s)
            }
            w.out.append(UInt8(ascii: "]"))
        }
        w.string("personMet", d.personMet)
        w.string("personRole", d.personRole)
        w.int("workersCounted", d.workersCounted.map(Int64.init))
        w.string("findings", d.findings)
        w.string("bapNumber", d.bapNumber)
        w.string("promiseUntil", d.promiseUntil?.iso)
        w.string("fromStage", d.fromStage?.rawValue)
        w.string("toStage", d.toStage?.rawValue)
        w.string("reason", d.reason)
        w.string("text", d.text)
        w.string("assignee", d.assignee)
        w.int("corrects", d.corrects)
        w.int("otherCase", d.otherCase)
        w.out.append(UInt8(ascii: "}"))
        bytes = w.out
    }

    static func decode(_ text: String) throws -> EventDetail {
        try JSONDecoder().decode(EventDetail.self, from: Data(text.utf8))
    }

    /// Writes UTF-8 bytes: appending to a byte array costs less than appending to a String.
    private struct Writer {
        var out: [UInt8]
        var first = true

        mutating func key(_ k: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            k.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }

        mutating func string(_ k: StaticString, _ v: String?) {
            guard let v else { return }
            key(k)
            quoted(v)
        }

        mutating func int(_ k: StaticString, _ v: Int64?) {
            guard let v else { return }
            key(k)
            out.append(contentsOf: String(v).utf8)
        }

        /// A JSON string: quotes, backslashes and control characters escaped; every other
        /// byte (UTF-8 of any character) copied as it is.
        mutating func quoted(_ s: String) {
            out.append(UInt8(ascii: "\""))
            defer { out.append(UInt8(ascii: "\"")) }
            var plain = true
            for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { plain = false; break }
            if plain { out.append(contentsOf: s.utf8); return }
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                default: out.append(b)
                }
            }
        }
    }
}
