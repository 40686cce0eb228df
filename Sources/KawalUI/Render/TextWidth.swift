import CWidth

/// Display width of text in terminal cells, per grapheme, with `wcwidth` — never `String.count`.
public enum TextWidth {
    /// Cells the grapheme takes: 0, 1 or 2. Unprintable graphemes count as 1 (they are shown as a replacement).
    public static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        if first.value < 0x80 { return 1 }
        // Emoji presentation selector makes a narrow symbol wide.
        if ch.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        let w = utf8Width(first.value)
        if w < 0 { return 1 }
        if w == 0 {
            // A combining mark on its own still takes a cell once sanitised.
            return 1
        }
        return min(w, 2)
    }

    /// `wcwidth` under a UTF-8 character locale, whatever the process locale is, so widths
    /// are the same in tests, in `kawal render` and on a terminal.
    private static func utf8Width(_ scalar: UInt32) -> Int { Int(kawal_wcwidth(scalar)) }

    /// Cells the whole string takes.
    public static func of(_ s: String) -> Int {
        var n = 0
        for ch in s { n += of(ch) }
        return n
    }

    /// The longest prefix of `s` that fits in `width` cells; adds `…` when cut (and `ellipsis` is true).
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let ew = of(ellipsis)
        var out = ""
        var used = 0
        for ch in s {
            let w = of(ch)
            if used + w > width - ew { break }
            out.append(ch)
            used += w
        }
        return out + ellipsis
    }

    /// `s` padded with spaces (or cut) to exactly `width` cells; `right` aligns to the right.
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let t = truncate(s, to: width)
        let gap = max(0, width - of(t))
        return right ? String(repeating: " ", count: gap) + t : t + String(repeating: " ", count: gap)
    }
}
