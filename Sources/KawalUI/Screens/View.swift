import KawalDomain

/// Draws the whole frame for `state`: every visible cell, headlessly.
public func view(_ state: AppState, _ ctx: RenderContext = RenderContext()) -> Buffer {
    var b = Buffer(size: state.size, asciiOnly: ctx.asciiOnly)
    if state.isTooSmall {
        TooSmallScreen.draw(&b, state)
        return b
    }
    switch state.stack.last {
    case nil where state.root == .worklist:
        WorklistScreen.draw(&b, state, ctx)
    case nil:
        CompaniesScreen.draw(&b, state, ctx)
        if let menu = state.filterMenu { Menus.drawFilter(&b, state, menu, ctx) }
        if let cursor = state.sortMenu { Menus.drawSort(&b, state, cursor: cursor, ctx) }
    case .detail(let d)?:
        DetailScreen.draw(&b, state, d, ctx)
    case .help(let scroll)?:
        HelpScreen.draw(&b, state, scroll: scroll, ctx)
    case .importHistory(let h)?:
        ImportHistoryScreen.draw(&b, state, h, ctx)
    case .duplicates(let r)?:
        DuplicateReviewScreen.draw(&b, state, r, ctx)
    case .form(let f)?:
        FormScreen.draw(&b, state, f, ctx)
    case .letter(let l)?:
        LetterScreen.draw(&b, state, l, ctx)
    }
    return b
}

/// Shown below the minimum size: a plain notice, never a crash.
enum TooSmallScreen {
    static func draw(_ b: inout Buffer, _ state: AppState) {
        let s = state.strings
        let min = AppState.minimumSize
        let text = s[.tooSmallTitle] + ". " + s.format(.tooSmallBody, String(min.width), String(min.height), String(state.size.width), String(state.size.height))
        let lines = wrap(text, width: b.size.width)
        for (i, l) in lines.enumerated() where i < b.size.height { b.put(l, x: 0, y: i) }
    }
}

/// Greedy word wrap by display width.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        let candidate = line.isEmpty ? String(word) : line + " " + word
        if TextWidth.of(candidate) <= width {
            line = candidate
        } else {
            if !line.isEmpty { lines.append(line) }
            var w = String(word)
            while TextWidth.of(w) > width {
                let head = TextWidth.truncate(w, to: width, ellipsis: "")
                lines.append(head)
                w = String(w.dropFirst(head.count))
            }
            line = w
        }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
