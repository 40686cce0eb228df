import KawalDomain

/// A case form, full screen: one labelled field a line, its error in place below it, the
/// save error or the discard question above the status bar.
enum FormScreen {
    static func draw(_ b: inout Buffer, _ state: AppState, _ f: CaseFormState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s.text(title(f.kind)))", right: "")
        b.put(f.companyName, x: 1, y: 1, width: w - 2, style: .header, glyphs: ctx.glyphs)
        var y = 3
        if let notice = f.notice {
            let lines = Array(wrap(notice, width: w - 2).prefix(2))
            for (i, line) in lines.enumerated() { b.put(line, x: 1, y: 2 + i, width: w - 2, style: .warning, glyphs: ctx.glyphs) }
            y = 3 + lines.count
        }
        let labelW = min(22, max(10, w / 4))
        let inputX = 2 + labelW + 1
        let last = b.size.height - 4
        // Scroll so the focused field shows on small terminals.
        let rowsPerField = f.form.fields.map { $0.error == nil ? 1 : 2 }
        var first = 0
        while first < f.form.focus, rowsPerField[first...f.form.focus].reduce(0, +) > last - y + 1 { first += 1 }
        for i in first..<f.form.fields.count {
            let field = f.form.fields[i]
            guard y <= last else { break }
            let focused = i == f.form.focus
            let marker = focused ? ctx.glyphs.marker : " "
            b.put(marker, x: 0, y: y, style: focused ? .accent : .plain)
            b.put(field.label + (field.required ? " *" : ""), x: 2, y: y, width: labelW, style: focused ? .header : .plain, glyphs: ctx.glyphs)
            let inputW = inputWidth(field, available: w - inputX - 1)
            if field.isChoice {
                drawChoice(&b, field, x: inputX, y: y, width: inputW, focused: focused, ctx)
            } else {
                field.input.draw(&b, x: inputX, y: y, width: inputW, focused: focused,
                                 style: focused ? Style(reverse: true) : Style(underline: true))
                if field.kind == .date, inputX + inputW + 2 < w {
                    b.put(s.text(CaseScreenText.dateFormatHint), x: inputX + inputW + 2, y: y, width: w - inputX - inputW - 3, style: .muted)
                }
            }
            y += 1
            if let error = field.error, y <= last {
                b.put("\(ctx.glyphs.unicode ? "⚠" : "!") " + describe(error, field, state), x: inputX, y: y, width: w - inputX - 1, style: .error, glyphs: ctx.glyphs)
                y += 1
            }
        }
        let bottom = b.size.height - 2
        if f.form.confirmingDiscard {
            b.put(s.text(CaseScreenText.confirmDiscard), x: 0, y: bottom, width: w, style: .warning, glyphs: ctx.glyphs)
        } else if f.form.saving {
            b.put(s.text(CaseScreenText.saving), x: 0, y: bottom, width: w, style: .muted)
        } else if let error = f.form.saveError {
            // Up to two lines: a refusal names its date or missing item near its end.
            let lines = Array(wrap(error, width: w - 1).prefix(2))
            for (i, line) in lines.enumerated() {
                b.put(line, x: 0, y: bottom - lines.count + 1 + i, width: w, style: .error, glyphs: ctx.glyphs)
            }
        }
        statusBar(&b, state, f, ctx)
    }

    static func inputWidth(_ field: FormField, available: Int) -> Int {
        switch field.kind {
        case .date: return min(available, 12)
        case .number: return min(available, 10)
        case .choice(let options): return min(available, (options.map { TextWidth.of($0.label) }.max() ?? 4) + 4)
        case .text: return min(available, 48)
        }
    }

    static func drawChoice(_ b: inout Buffer, _ field: FormField, x: Int, y: Int, width: Int, focused: Bool, _ ctx: RenderContext) {
        let label = field.options.indices.contains(field.choice) ? field.options[field.choice].label : ""
        let (l, r) = ctx.glyphs.unicode ? ("◂", "▸") : ("<", ">")
        let style = focused ? Style(reverse: true) : Style(underline: true)
        b.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        b.put("\(l) \(label)", x: x, y: y, width: width - 2, style: style, glyphs: ctx.glyphs)
        b.put(r, x: x + width - 1, y: y, style: style)
        if focused { b.cursor = (x + 2, y) }
    }

    static func statusBar(_ b: inout Buffer, _ state: AppState, _ f: CaseFormState, _ ctx: RenderContext) {
        let s = state.strings
        let y = b.size.height - 1
        b.fill(Rect(x: 0, y: y, width: b.size.width, height: 1), style: .statusBar)
        var hints: [(String, CaseScreenText)] = [("Tab", .hintNextField), ("Enter", .hintSave), ("Esc", .hintCancel)]
        if f.kind == .letter { hints.append(("Ctrl-P", .hintPreview)) }
        if f.form.confirmingDiscard { hints = [("y", .hintDiscardYes), ("n", .hintDiscardNo)] }
        var x = 0
        for (key, word) in hints {
            let text = s.text(word)
            guard x + TextWidth.of(key) + TextWidth.of(text) + 3 <= b.size.width else { break }
            x += b.put(" " + key, x: x, y: y, style: Style(bold: true, reverse: true))
            x += b.put(" " + text + " ", x: x, y: y, style: .statusBar)
        }
    }

    static func title(_ kind: CaseFormKind) -> CaseScreenText {
        switch kind {
        case .letter: return .formLetter
        case .visit: return .formVisit
        case .contact: return .formContact
        case .promise: return .formPromise
        case .escalation: return .formEscalation
        case .approval: return .formApproval
        case .compliance: return .formCompliance
        case .closing: return .formClosing
        }
    }

    static func describe(_ error: FieldError, _ field: FormField, _ state: AppState) -> String {
        let s = state.strings
        switch error {
        case .required: return s.text(field.id == .reason ? CaseScreenText.errorReasonRequired : .errorRequired)
        case .badDate: return s.text(CaseScreenText.errorBadDate, state.today.slashed)
        case .badNumber: return s.text(CaseScreenText.errorBadNumber)
        case .notBefore(let d): return s.text(CaseScreenText.errorNotBefore, d.slashed)
        case .inFuture: return s.text(CaseScreenText.errorInFuture, state.today.slashed)
        }
    }
}

/// Where the letter preview's text starts, and its lines wrapped to the screen.
public enum LetterLayout {
    public static let top = 2

    /// The letter's lines fitted to `width`. A paragraph the template filled to its own width
    /// (lines of 60 cells or more running on) is reflowed as one; other lines are wrapped alone,
    /// continuing under their indent (or under the value of a `label : value` line). Short lines
    /// (addresses, headings) and the spacing inside lines stay as they are.
    static func wrapped(_ lines: [String], width: Int) -> [String] {
        guard width > 4, lines.contains(where: { TextWidth.of($0) > width }) else { return lines }
        func indentOf(_ l: String) -> String { String(l.prefix { $0 == " " }) }
        func tabular(_ l: String) -> Bool { l.trimmingCharacters(in: .whitespaces).contains("  ") || l.contains(" : ") }
        var out: [String] = []
        var i = 0
        while i < lines.count {
            var line = lines[i]
            let indent = indentOf(line)
            while TextWidth.of(line) >= 60, !tabular(line), i + 1 < lines.count, !tabular(lines[i + 1]),
                  !lines[i + 1].trimmingCharacters(in: .whitespaces).isEmpty, indentOf(lines[i + 1]) == indent {
                i += 1
                line += " " + lines[i].dropFirst(indent.count)
            }
            // Continuations hang under the value of "label : value", else under the indent.
            var hang = indent.count
            if let colon = line.range(of: " : ") { hang = TextWidth.of(String(line[..<colon.upperBound])) }
            if hang > width / 2 { hang = indent.count }
            out += breakLine(line, width: width, hang: hang)
            i += 1
        }
        return out
    }

    /// Breaks one line at spaces (or anywhere, for a word longer than the width), keeping its spacing.
    static func breakLine(_ line: String, width: Int, hang: Int) -> [String] {
        var out: [String] = []
        var rest = Substring(line)
        var prefix = ""
        while TextWidth.of(prefix + rest) > width {
            let room = width - prefix.count
            var used = 0
            var cut = rest.startIndex
            var lastSpace: String.Index?
            for idx in rest.indices {
                let w = TextWidth.of(rest[idx])
                if used + w > room { break }
                if rest[idx] == " " { lastSpace = idx }
                used += w
                cut = rest.index(after: idx)
            }
            let end = lastSpace.map { $0 > rest.startIndex ? $0 : cut } ?? cut
            out.append(prefix + rest[..<end])
            rest = rest[end...].drop { $0 == " " }
            prefix = String(repeating: " ", count: hang)
            if rest.isEmpty { break }
        }
        if !rest.isEmpty || out.isEmpty { out.append(prefix + rest) }
        return out
    }
}

/// The letter preview: the text as it would be sent, scrollable, `w` writes it to a file.
enum LetterScreen {
    static func draw(_ b: inout Buffer, _ state: AppState, _ l: LetterPreviewState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s.text(CaseScreenText.previewTitle)) · \(s.letterKind(l.kind))", right: "")
        b.put(l.companyName, x: 1, y: 1, width: w - 2, style: .header, glyphs: ctx.glyphs)
        let height = max(1, b.size.height - LetterLayout.top - 2)
        if let failure = l.failure {
            b.put(describe(failure, s), x: 1, y: LetterLayout.top, width: w - 2, style: .error, glyphs: ctx.glyphs)
        } else if let raw = l.lines {
            let lines = LetterLayout.wrapped(raw, width: w - 2)
            for i in 0..<height {
                let index = l.scroll + i
                guard index < lines.count else { break }
                b.put(lines[index], x: 1, y: LetterLayout.top + i, width: w - 2, glyphs: ctx.glyphs)
            }
            if l.scroll > 0 { b.put(ctx.glyphs.up, x: w - 1, y: LetterLayout.top, style: .muted) }
            if l.scroll + height < lines.count { b.put(ctx.glyphs.down, x: w - 1, y: LetterLayout.top + height - 1, style: .muted) }
        } else {
            b.put(s[.loading], x: 1, y: LetterLayout.top, style: .muted)
        }
        Chrome.messageLine(&b, state)
        Chrome.statusBar(&b, state, commands: [.writeLetter, .back, .help], glyphs: ctx.glyphs)
    }
}
