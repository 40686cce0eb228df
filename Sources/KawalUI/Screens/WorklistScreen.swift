import KawalDomain

/// Where the worklist's parts go, and which line each entry falls on.
public enum WorklistLayout {
    /// First line of the sections: below up to three lines of counts (or the column headings)
    /// on a full terminal, below a single line of counts on a small one.
    public static func listTop(_ size: Size) -> Int { size.height >= 20 ? 4 : 2 }

    /// One line of the sections: a heading, an entry (by its index in `WorklistState.entries`),
    /// or the notice that a section is empty.
    enum Line: Hashable {
        case heading(TodaySection, count: Int, more: Bool)
        case entry(Int)
        case empty(TodaySection)
    }

    /// The sections shown: approvals only to those who approve (or when some are listed).
    static func sections(_ w: WorklistState) -> [TodaySection] { w.sections }

    static func lines(_ w: WorklistState) -> [Line] {
        guard let list = w.worklist else { return [] }
        var out: [Line] = []
        var index = 0
        for section in w.sections {
            let rows = list.rows(section)
            out.append(.heading(section, count: rows.count, more: list.truncated.contains(section)))
            if rows.isEmpty { out.append(.empty(section)) }
            for _ in rows {
                out.append(.entry(index))
                index += 1
            }
        }
        return out
    }

    /// The line the entry at `index` is drawn on.
    static func line(ofEntry index: Int, in w: WorklistState) -> Int {
        lines(w).firstIndex(of: .entry(index)) ?? 0
    }
}

/// "Hari ini": what is due today, why, and the open cases per stage.
enum WorklistScreen {
    static func draw(_ b: inout Buffer, _ state: AppState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let wl = state.worklist
        let scopeText = wl.scope == .mine
            ? s.text(CaseScreenText.scopeMine, state.officer.display)
            : s.text(CaseScreenText.scopeAll)
        let date = w >= 70 ? "\(s.weekday(state.today)), \(s.longDate(state.today))" : s.mediumDate(state.today)
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s.text(CaseScreenText.worklistTitle)) · \(date)",
                        right: scopeText)
        guard wl.worklist != nil else {
            b.put(s[.loading], x: 1, y: 2, style: .muted)
            Chrome.messageLine(&b, state)
            Chrome.statusBar(&b, state, commands: [.scope, .today, .help, .quit], glyphs: ctx.glyphs)
            return
        }
        let countLines = drawCounts(&b, state, y: 1, maxLines: WorklistLayout.listTop(b.size) - 1, ctx)
        let cols = columns(width: w, all: wl.scope == .all)
        var x = 2
        // Column headings when the counts leave their row free.
        for (title, width) in [(s.text(CaseScreenText.columnCompany), cols.name), (s[.columnStage], cols.stage),
                               (s.text(CaseScreenText.columnWhy), cols.reason), (s.text(CaseScreenText.columnOfficer), cols.officer)] where width > 0 && countLines < WorklistLayout.listTop(b.size) - 1 {
            b.put(title, x: x, y: 3, width: width, style: Style(bold: true, underline: true), glyphs: ctx.glyphs)
            x += width + 1
        }
        let lines = WorklistLayout.lines(wl)
        let entries = wl.entries
        let height = worklistHeight(state)
        for i in 0..<height {
            let index = wl.top + i
            guard index < lines.count else { break }
            let y = WorklistLayout.listTop(b.size) + i
            switch lines[index] {
            case .heading(let section, let count, let more):
                let text = s.text(heading(section)) + " · " + s.number(count) + (more ? "+" : "")
                b.put(text, x: 1, y: y, width: w - 2, style: .header, glyphs: ctx.glyphs)
            case .empty(let section):
                b.put(s.text(emptyText(section)), x: 2, y: y, width: w - 3, style: .muted, glyphs: ctx.glyphs)
            case .entry(let e):
                drawEntry(&b, state, entries[e], y: y, selected: e == wl.cursor, cols: cols, ctx)
            }
        }
        if wl.top > 0 { b.put(ctx.glyphs.up, x: w - 1, y: WorklistLayout.listTop(b.size), style: .muted) }
        if wl.top + height < lines.count { b.put(ctx.glyphs.down, x: w - 1, y: WorklistLayout.listTop(b.size) + height - 1, style: .muted) }
        Chrome.messageLine(&b, state)
        Chrome.statusBar(&b, state, commands: [.open, .scope, .today, .help, .quit], glyphs: ctx.glyphs)
    }

    struct Columns { var name: Int; var stage: Int; var reason: Int; var officer: Int }

    static func columns(width: Int, all: Bool) -> Columns {
        let officer = all && width >= 70 ? 14 : 0
        let stage = width >= 60 ? 11 : 0
        let rest = width - 2 - stage - officer - (stage > 0 ? 1 : 0) - (officer > 0 ? 1 : 0) - 1
        // The reason gets what it needs ("tenggat lewat 49 hari · 09/10/26"), the name the rest.
        let name = max(10, min(32, rest - 34))
        return Columns(name: name, stage: stage, reason: max(0, rest - name - 1), officer: officer)
    }

    static func drawEntry(_ b: inout Buffer, _ state: AppState, _ e: TodayEntry, y: Int, selected: Bool, cols: Columns, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let base: Style = selected ? .selected : .plain
        if selected {
            b.fill(Rect(x: 0, y: y, width: w, height: 1), style: base)
            b.put(ctx.glyphs.marker, x: 0, y: y, style: base)
            b.cursor = (0, y)
        }
        var x = 2
        b.put(e.companyName, x: x, y: y, width: cols.name, style: base, glyphs: ctx.glyphs)
        x += cols.name + 1
        if cols.stage > 0 {
            b.put(s.stageShort(e.stage), x: x, y: y, width: cols.stage, style: base, glyphs: ctx.glyphs)
            x += cols.stage + 1
        }
        let (why, urgent) = reason(e, state)
        b.put(why, x: x, y: y, width: cols.reason, style: selected ? base : (urgent ? Style(foreground: .red, bold: true) : .plain), glyphs: ctx.glyphs)
        x += cols.reason + 1
        if cols.officer > 0 {
            b.put(e.assigneeName ?? e.assignee ?? s[.valueNone], x: x, y: y, width: cols.officer, style: selected ? base : .muted, glyphs: ctx.glyphs)
        }
    }

    /// Why the entry is on the list, in words, and whether it is overdue.
    static func reason(_ e: TodayEntry, _ state: AppState) -> (String, Bool) {
        let s = state.strings
        let today = state.today
        switch e.reason {
        case .deadline(let d):
            let late = d.days(to: today)
            if late <= 0 { return (s.text(CaseScreenText.whyDeadlineToday), false) }
            return (s.text(CaseScreenText.whyDeadlineLate, s.number(late), s.shortDate(d)), true)
        case .promise(let d):
            let left = today.days(to: d)
            if left > 0 { return (s.text(CaseScreenText.whyPromiseSoon, s.shortDate(d), s.number(left)), false) }
            if left == 0 { return (s.text(CaseScreenText.whyPromiseToday), false) }
            return (s.text(CaseScreenText.whyPromiseLate, s.shortDate(d), s.number(-left)), true)
        case .mayEscalate(let to):
            return (s.text(CaseScreenText.whyMayEscalate, s.stage(to)), false)
        case .approval(let by, let on):
            return (s.text(CaseScreenText.whyApproval, by, s.shortDate(on)), false)
        }
    }

    static func heading(_ section: TodaySection) -> CaseScreenText {
        switch section {
        case .deadlines: return .sectionDeadlines
        case .promises: return .sectionPromises
        case .escalations: return .sectionEscalations
        case .approvals: return .sectionApprovals
        }
    }

    static func emptyText(_ section: TodaySection) -> CaseScreenText {
        switch section {
        case .deadlines: return .emptyDeadlines
        case .promises: return .emptyPromises
        case .escalations: return .emptyEscalations
        case .approvals: return .emptyApprovals
        }
    }

    /// Rows 1–3: cases per stage, the ladder in order then the ends, wrapped by width;
    /// returns the rows used.
    @discardableResult
    static func drawCounts(_ b: inout Buffer, _ state: AppState, y: Int, maxLines: Int, _ ctx: RenderContext) -> Int {
        let s = state.strings
        // Wrapped between stages, never inside one: "Teguran I 54" stays on one line.
        guard let counts = state.worklist.stageCounts else {
            b.put(s.text(CaseScreenText.countsLabel) + ": " + s[.loading], x: 1, y: y, style: .muted)
            return 1
        }
        var parts = Stage.allCases.map { "\(s.stageShort($0)) \(s.number(counts[$0] ?? 0))" }
        parts[0] = s.text(CaseScreenText.countsLabel) + ": " + parts[0]
        let width = b.size.width - 2
        var lines: [String] = [""]
        for p in parts {
            let candidate = lines[lines.count - 1].isEmpty ? p : lines[lines.count - 1] + "  " + p
            if TextWidth.of(candidate) <= width || lines[lines.count - 1].isEmpty { lines[lines.count - 1] = candidate } else { lines.append(p) }
        }
        if lines.count > maxLines {
            // The rest on the last line, cut with an ellipsis.
            lines = Array(lines.prefix(maxLines - 1)) + [lines[(maxLines - 1)...].joined(separator: "  ")]
        }
        for (i, line) in lines.enumerated() {
            b.put(line, x: 1, y: y + i, width: width, style: .muted, glyphs: ctx.glyphs)
        }
        return lines.count
    }
}
