import Foundation
import KawalDomain

/// `EventDetail` as stored in `case_event.detail`: the JSON its `Codable` conformance reads,
/// written by hand because `JSONEncoder` is too slow for millions of demo events.
/// Keys in declaration order, nil values left out, days as ISO text.
enum EventJSON {
    static func encode(_ d: EventDetail) -> String {
        var w = Writer()
        w.string("letterKind", d.letterKind?.rawValue)
        w.string("letterNumber", d.letterNumber)
        w.string("delivery", d.delivery)
        w.string("deadline", d.deadline?.iso)
        w.string("visitKind", d.visitKind?.rawValue)
        w.string("outcome", d.outcome?.rawValue)
        if let o = d.officers {
            w.key("officers")
            w.out += "["
            for (i, s) in o.enumerated() {
                if i > 0 { w.out += "," }
                w.quoted(s)
            }
            w.out += "]"
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
        w.out += "}"
        return w.out
    }

    static func decode(_ text: String) throws -> EventDetail {
        try JSONDecoder().decode(EventDetail.self, from: Data(text.utf8))
    }

    private struct Writer {
        var out = "{"
        var first = true

        mutating func key(_ k: String) {
            if !first { out += "," }
            first = false
            out += "\""
            out += k
            out += "\":"
        }

        mutating func string(_ k: String, _ v: String?) {
            guard let v else { return }
            key(k)
            quoted(v)
        }

        mutating func int(_ k: String, _ v: Int64?) {
            guard let v else { return }
            key(k)
            out += String(v)
        }

        mutating func quoted(_ s: String) {
            out += "\""
            var plain = true
            for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { plain = false; break }
            if plain {
                out += s
            } else {
                for u in s.unicodeScalars {
                    switch u {
                    case "\"": out += "\\\""
                    case "\\": out += "\\\\"
                    case "\n": out += "\\n"
                    case "\r": out += "\\r"
                    case "\t": out += "\\t"
                    default:
                        if u.value < 0x20 {
                            let h = String(u.value, radix: 16)
                            out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                        } else {
                            out.unicodeScalars.append(u)
                        }
                    }
                }
            }
            out += "\""
        }
    }
}
