/// A single line of text being edited: a cursor between graphemes, insert and delete by
/// grapheme, and drawing that measures width per grapheme and scrolls to keep the cursor visible.
///
/// Control characters never enter the text (a pasted newline or escape is dropped), and what
/// is drawn goes through `Buffer.put`, which makes anything else harmless.
public struct TextField: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor, in graphemes from the start (0 … text.count).
    public private(set) var cursor: Int
    /// Graphemes accepted at most.
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 200) {
        let clean = String(text.filter(TextField.accepts).prefix(maxLength))
        self.text = clean
        self.cursor = clean.count
        self.maxLength = maxLength
    }

    /// Whether a typed grapheme may enter the text: no control characters, line breaks or
    /// direction overrides.
    static func accepts(_ ch: Character) -> Bool {
        Buffer.sanitize(ch) == ch && !ch.isNewline
    }

    /// Applies an editing key; returns false for a key the field does not use.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(c)
        case .backspace: deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
        case .ctrl("k"):
            text.removeSubrange(index(cursor)...)
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    public mutating func insert(_ c: Character) {
        guard TextField.accepts(c), text.count < maxLength else { return }
        let before = text.count
        text.insert(c, at: index(cursor))
        // A combining mark joins the grapheme before it: the count may not grow.
        cursor += text.count - before
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        text.remove(at: index(cursor - 1))
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: index(cursor))
    }

    mutating func deleteWordBackward() {
        var i = cursor
        let chars = Array(text)
        while i > 0, chars[i - 1] == " " { i -= 1 }
        while i > 0, chars[i - 1] != " " { i -= 1 }
        text.removeSubrange(index(i)..<index(cursor))
        cursor = i
    }

    /// Replaces the whole text, cursor at the end.
    public mutating func set(_ newText: String) {
        self = TextField(newText, maxLength: maxLength)
    }

    private func index(_ n: Int) -> String.Index { text.index(text.startIndex, offsetBy: n) }

    /// The part of the text shown in `width` cells, and where the cursor falls in it: the
    /// window slides so the cursor (one cell past the end at most) always shows.
    public func window(width: Int) -> (visible: String, cursorX: Int) {
        guard width > 0 else { return ("", 0) }
        let chars = Array(text)
        let widths = chars.map { TextWidth.of($0) }
        // Start as far left as possible while the cursor cell still fits.
        var start = 0
        var used = widths[0..<cursor].reduce(0, +)
        while used + 1 > width, start < cursor {
            used -= widths[start]
            start += 1
        }
        var visible = ""
        var w = 0
        var i = start
        while i < chars.count, w + widths[i] <= width {
            visible.append(chars[i])
            w += widths[i]
            i += 1
        }
        return (visible, used)
    }

    /// Draws the field at (x, y) in `width` cells; a focused field places the terminal cursor.
    public func draw(_ b: inout Buffer, x: Int, y: Int, width: Int, focused: Bool, style: Style) {
        let (visible, cx) = window(width: width)
        b.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        b.put(visible, x: x, y: y, style: style, maxWidth: width)
        if focused { b.cursor = (min(x + cx, x + width - 1), y) }
    }
}
