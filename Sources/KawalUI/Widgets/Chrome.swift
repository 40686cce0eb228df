import KawalDomain

/// What every view needs besides the state: words, glyphs and whether to draw ASCII only.
public struct RenderContext: Sendable {
    public var glyphs: Glyphs
    public var asciiOnly: Bool

    public init(glyphs: Glyphs = .unicode, asciiOnly: Bool = false) {
        self.glyphs = glyphs
        self.asciiOnly = asciiOnly
    }
}

/// The title bar, the message line and the status bar shared by every screen.
enum Chrome {
    /// Row 0: the product, the place, and a title on the right.
    static func titleBar(_ b: inout Buffer, _ state: AppState, left: String, right: String) {
        let w = b.size.width
        b.fill(Rect(x: 0, y: 0, width: w, height: 1), style: .title)
        var rightText = right
        if state.readOnly { rightText = "[\(state.strings[.readOnlyNotice])] " + rightText }
        let rw = min(TextWidth.of(rightText), w / 2)
        b.put(" " + left, x: 0, y: 0, width: w - rw - 1, style: .title)
        b.put(rightText, x: w - rw - 1, y: 0, width: rw, style: .title, alignRight: true)
    }

    /// The bottom row: the next useful keys, generated from the command table.
    static func statusBar(_ b: inout Buffer, _ state: AppState, commands: [Command], glyphs: Glyphs) {
        let y = b.size.height - 1
        let w = b.size.width
        b.fill(Rect(x: 0, y: y, width: w, height: 1), style: .statusBar)
        var x = 0
        let map = state.keyMap.map
        for c in commands {
            guard let word = c.hint(state.strings), let key = map.keys(for: c).first else { continue }
            let k = keyLabel(key, unicode: glyphs.unicode, strings: state.strings)
            let need = TextWidth.of(k) + 1 + TextWidth.of(word) + 2
            if x + need > w { break }
            x += b.put(" " + k, x: x, y: y, style: Style(bold: true, reverse: true))
            x += b.put(" " + word + " ", x: x, y: y, style: .statusBar)
        }
    }

    /// The message line above the status bar (errors, notices).
    static func messageLine(_ b: inout Buffer, _ state: AppState) {
        guard let m = state.message else { return }
        b.put(m.text, x: 0, y: b.size.height - 2, width: b.size.width, style: m.isError ? .error : .accent)
    }

    static func keyLabel(_ key: Key, unicode: Bool = true, strings: Strings? = nil) -> String {
        switch key {
        case .char(" "): return strings?[.keySpace] ?? key.description
        case .up where !unicode: return "Up"
        case .down where !unicode: return "Down"
        case .left where !unicode: return "Left"
        case .right where !unicode: return "Right"
        default: return key.description
        }
    }

    /// A box with a title, cleared inside.
    static func box(_ b: inout Buffer, _ r: Rect, title: String, glyphs g: Glyphs) {
        b.fill(r)
        guard r.width >= 2, r.height >= 2 else { return }
        let hl = String(repeating: g.horizontal, count: r.width - 2)
        b.put(g.topLeft + hl + g.topRight, x: r.x, y: r.y)
        for yy in (r.y + 1)..<(r.maxY - 1) {
            b.put(g.vertical, x: r.x, y: yy)
            b.put(g.vertical, x: r.maxX - 1, y: yy)
        }
        b.put(g.bottomLeft + hl + g.bottomRight, x: r.x, y: r.maxY - 1)
        b.put(" " + title + " ", x: r.x + 2, y: r.y, style: .header, maxWidth: r.width - 4)
    }
}
