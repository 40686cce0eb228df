/// Folds text for comparing and sorting: lower case, Latin diacritics removed.
///
/// `Café Léstari` → `cafe lestari`. The store keeps names folded this way (its sort and
/// search key), and the import's name matching starts from it.
public enum TextFold {
    /// `text` in lower case with Latin diacritics removed.
    public static func fold(_ text: String) -> String {
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            var out = [UInt8]()
            out.reserveCapacity(text.utf8.count)
            for b in text.utf8 { out.append(b >= 65 && b <= 90 ? b + 32 : b) }
            return String(decoding: out, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for s in text.lowercased().unicodeScalars {
            if (0x300...0x36F).contains(s.value) { continue }  // combining marks
            if let r = table[s.value] { out.append(contentsOf: r.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    private static let table: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
            ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ð", "d"),
        ]
        var t: [UInt32: String] = [:]
        for (chars, r) in groups { for s in chars.unicodeScalars { t[s.value] = r } }
        return t
    }()

    /// The folded words of `text`: letters and digits only, everything else separates words.
    public static func words(_ text: String) -> [String] {
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            // Lists are mostly ASCII: letters and digits by byte, no Unicode tables.
            var words: [String] = []
            var current: [UInt8] = []
            for b in text.utf8 {
                let lower = b >= 65 && b <= 90 ? b + 32 : b
                if (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57) {
                    current.append(lower)
                } else if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words
        }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for s in fold(text).unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                current.append(s)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
