import Foundation

/// One terminal cell: a grapheme and its style. A wide grapheme occupies its cell and the
/// next one, which holds an empty `continuation` cell.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(" ")
    /// The right half of a wide grapheme.
    public static let continuation = Cell("")

    public var isContinuation: Bool { text.isEmpty }
}

/// The glyphs for borders and markers: Unicode where the terminal can show it, ASCII otherwise
/// (a non-UTF-8 locale, `TERM=vt100`).
public struct Glyphs: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var ellipsis: String
    public var marker: String
    public var current: String
    public var done: String
    public var pending: String
    public var up: String
    public var down: String
    public var unicode: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", marker: "▸", current: "●", done: "✓", pending: "○", up: "▲", down: "▼", unicode: true)
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", marker: ">", current: "*", done: "v", pending: "o", up: "^", down: "v", unicode: false)
}

/// A frame: every visible cell, drawn headlessly by the views and sent to the terminal as a diff.
///
/// `put` is the one entry point for text, and it makes data harmless: control characters
/// (C0, C1, DEL, ESC) and bidirectional overrides are replaced by visible stand-ins, so
/// nothing in a company name can reach the terminal as a command.
public struct Buffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (the selected row, for screen readers).
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0
    /// Replace non-ASCII graphemes with `?` (for terminals whose locale is not UTF-8).
    public var asciiOnly: Bool

    public init(size: Size, asciiOnly: Bool = false) {
        self.size = size
        self.asciiOnly = asciiOnly
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` at (x, y), cut to `maxWidth` cells (default: to the right edge), and
    /// returns the cells used. Wide graphemes that would straddle the edge become a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, x + (maxWidth ?? size.width))
        var col = x
        for raw in text {
            let ch = asciiOnly ? Buffer.asciiSafe(Buffer.sanitize(raw)) : Buffer.sanitize(raw)
            let w = TextWidth.of(ch)
            if col + w > limit {
                // Fill a half cell left by a wide grapheme at the edge.
                while col < limit { set(col, y, Cell(" ", style: style)); col += 1 }
                break
            }
            if col >= 0 {
                set(col, y, Cell(String(ch), style: style))
                if w == 2 { set(col + 1, y, Cell("", style: style)) }
            }
            col += w
        }
        return col - x
    }

    /// Writes `text` cut with an ellipsis to exactly `width` cells (padding with spaces).
    public mutating func put(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain, alignRight: Bool = false, glyphs: Glyphs = .unicode) {
        guard width > 0 else { return }
        let safe = Buffer.sanitize(text)
        let cut = TextWidth.truncate(safe, to: width, ellipsis: glyphs.ellipsis)
        let gap = max(0, width - TextWidth.of(cut))
        let padded = alignRight ? String(repeating: " ", count: gap) + cut : cut + String(repeating: " ", count: gap)
        put(padded, x: x, y: y, style: style, maxWidth: width)
    }

    /// Paints `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for yy in max(0, rect.y)..<min(size.height, rect.maxY) {
            for xx in max(0, rect.x)..<min(size.width, rect.maxX) {
                set(xx, yy, Cell(" ", style: style))
            }
        }
    }

    /// Sets the style of the cells of `rect`, keeping their text.
    public mutating func restyle(_ rect: Rect, style: Style) {
        for yy in max(0, rect.y)..<min(size.height, rect.maxY) {
            for xx in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[yy * size.width + xx].style = style
            }
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let i = y * size.width + x
        // Overwriting half of a wide grapheme blanks its other half.
        if cells[i].isContinuation, x > 0, !cell.isContinuation {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        if x + 1 < size.width, cells[i + 1].isContinuation, !cell.isContinuation, TextWidth.of(cell.text) < 2 {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// The text of the frame, one line per row, trailing spaces removed: the golden form.
    public var text: String {
        var lines: [String] = []
        for yy in 0..<size.height {
            var line = ""
            for xx in 0..<size.width { line += cells[yy * size.width + xx].text }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A harmless stand-in for a grapheme that must not reach the terminal raw.
    public static func sanitize(_ ch: Character) -> Character {
        for s in ch.unicodeScalars {
            let v = s.value
            if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }  // ␀…␟, e.g. ␛ for ESC
            if v == 0x7F { return "\u{2421}" }  // ␡
            if (0x80...0x9F).contains(v) { return "\u{FFFD}" }
            // Bidirectional overrides and isolates could reorder what follows.
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F {
                return "\u{FFFD}"
            }
            // Line and paragraph separators, and other non-characters the terminal may act on.
            if v == 0x2028 || v == 0x2029 || v == 0x85 { return "\u{FFFD}" }
        }
        return ch
    }

    /// `text` with each grapheme that must not reach the terminal raw replaced (`sanitize(_:)`):
    /// for file text printed outside a screen, too.
    public static func sanitize(_ text: String) -> String { String(text.map { sanitize($0) }) }

    /// The nearest printable ASCII character (after sanitising): accents dropped (`é` → `e`),
    /// dashes and dots made plain, `?` for the rest.
    public static func asciiSafe(_ ch: Character) -> Character {
        if let a = ch.asciiValue, a >= 0x20, a < 0x7F { return ch }
        switch ch {
        case "·", "•", "—", "–", "─": return "-"
        case "…": return "~"
        case "│": return "|"
        case "▸", "→": return ">"
        case "←": return "<"
        case "↔": return "="  // the duplicate review's "this one = that one?"
        case "⚠": return "!"  // the detail's "sources disagree"
        default: break
        }
        let folded = String(ch).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, let f = folded.first, let a = f.asciiValue, a >= 0x20, a < 0x7F { return f }
        return "?"
    }
}

extension Buffer {
    public static func == (a: Buffer, b: Buffer) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }

    public func hash(into h: inout Hasher) {
        h.combine(size)
        h.combine(cells)
    }
}
