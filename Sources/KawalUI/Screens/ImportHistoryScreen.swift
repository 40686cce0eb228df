import KawalDomain

/// A moment shown in Western Indonesian Time (UTC+7), where the branch is: the same text
/// whatever the machine's time zone.
public enum WIB {
    /// The day and `HH:MM` of `seconds` since 1970 UTC.
    public static func parts(_ seconds: Int64) -> (day: Day, time: String) {
        let local = seconds + 7 * 3600
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let rest = Int(local - days * 86_400)
        let h = rest / 3600, m = rest % 3600 / 60
        return (Day(serial: Int(days)), (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)")
    }

    /// `27/11/26 09:15`: fits a table column.
    public static func short(_ seconds: Int64, _ s: Strings) -> String {
        let p = parts(seconds)
        return s.shortDate(p.day) + " " + p.time
    }

    /// `27 Nov 2026 09:15`: for a line of text.
    public static func medium(_ seconds: Int64, _ s: Strings) -> String {
        let p = parts(seconds)
        return s.mediumDate(p.day) + " " + p.time
    }
}

/// Where the parts of the import history go.
enum ImportHistoryLayout {
    /// Lines under the table about the selected import: a rule, file, SHA-256, who and when,
    /// counts (two lines when a million-row list's figures need them), the rejected file,
    /// ignored columns.
    static let detailLines = 8
}

/// The import history: who imported which file when, from which list, and what it did.
enum ImportHistoryScreen {
    struct Column {
        var title: IntakeText
        var width: Int
        var right: Bool
    }

    static func draw(_ b: inout Buffer, _ state: AppState, _ h: ImportHistoryState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let right = h.loaded ? s.text(IntakeText.historyCount, s.number(h.total)) : ""
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s.text(IntakeText.historyTitle))", right: right)
        let commands: [Command] = [.back, .duplicateReview, .help, .quit]
        defer {
            Chrome.messageLine(&b, state)
            Chrome.statusBar(&b, state, commands: commands, glyphs: ctx.glyphs)
        }
        guard h.loaded else {
            b.put(s[.loading], x: 1, y: 2, style: .muted)
            return
        }
        guard !h.runs.isEmpty else {
            for (i, line) in wrap(s.text(IntakeText.historyEmpty), width: w - 2).enumerated() where 2 + i < b.size.height - 2 {
                b.put(line, x: 1, y: 2 + i, width: w - 2, style: .muted, glyphs: ctx.glyphs)
            }
            return
        }
        var numbers: [(IntakeText, Int)] = [
            (.historyColRead, 6), (.historyColNew, 5), (.historyColMerged, 6), (.historyColUnchanged, 5),
            (.historyColFlagged, 5), (.historyColRejected, 5),
        ]
        // On a narrow terminal the counts that need no attention go first, unchanged rows, then
        // rows read, merged and new, so that the possible duplicates and the rejected rows keep
        // their columns (the panel below has every figure).
        for dropped in [IntakeText.historyColUnchanged, .historyColRead, .historyColMerged, .historyColNew]
            where 14 + 1 + 6 + 1 + 6 + 1 + numbers.reduce(0, { $0 + $1.1 + 1 }) > w - 1 {
            numbers.removeAll { $0.0 == dropped }
        }
        let fixed = 14 + 1 + 6 + 1 + numbers.reduce(0) { $0 + $1.1 + 1 }
        let fileW = max(6, w - 2 - fixed)
        var cols = [Column(title: .historyColWhen, width: 14, right: false), Column(title: .historyColSource, width: 6, right: false),
                    Column(title: .historyColFile, width: fileW, right: false)]
        cols += numbers.map { Column(title: $0.0, width: $0.1, right: true) }
        var x = 1
        for c in cols {
            b.put(s.text(c.title), x: x, y: 1, width: c.width, style: Style(bold: true, underline: true), alignRight: c.right, glyphs: ctx.glyphs)
            x += c.width + 1
        }
        let height = importHistoryHeight(b.size)
        for i in 0..<height {
            let index = h.top + i
            guard index < h.runs.count else { break }
            let run = h.runs[index]
            let y = 2 + i
            let selected = index == h.cursor
            let base: Style = selected ? .selected : .plain
            if selected {
                b.fill(Rect(x: 0, y: y, width: w, height: 1), style: base)
                b.put(ctx.glyphs.marker, x: 0, y: y, style: base)
                b.cursor = (0, y)
            }
            let c = run.counts
            // A count too wide for its column (a million-row list) is shortened; the panel below has it in full.
            let counts: [IntakeText: Int] = [.historyColRead: c.read, .historyColNew: c.new, .historyColMerged: c.merged,
                                             .historyColUnchanged: c.unchanged, .historyColFlagged: c.flagged, .historyColRejected: c.rejected]
            let cells = [WIB.short(run.startedAt, s), s.source(run.source.dataSource), fileName(run.fileName)]
                + cols.dropFirst(3).map { s.number(counts[$0.title] ?? 0, fitting: $0.width) }
            var x = 1
            for (col, text) in zip(cols, cells) {
                var style = base
                if !selected, col.title == .historyColFlagged, c.flagged > 0 { style = .warning }
                if !selected, col.title == .historyColRejected, c.rejected > 0 { style = .error }
                b.put(text, x: x, y: y, width: col.width, style: style, alignRight: col.right, glyphs: ctx.glyphs)
                x += col.width + 1
            }
        }
        if h.total > h.runs.count {
            let note = s.text(IntakeText.historyShowing, s.number(h.runs.count), s.number(h.total))
            b.put(note, x: w - TextWidth.of(note) - 1, y: 2 + height - 1, style: .muted)
        }
        if let run = h.selected { drawSelected(&b, state, run, y: 2 + height, ctx) }
    }

    /// The last part of a path: the table shows file names, the panel below the whole path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func drawSelected(_ b: inout Buffer, _ state: AppState, _ run: ImportRun, y: Int, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        b.put(String(repeating: ctx.glyphs.horizontal, count: w), x: 0, y: y, style: .muted)
        let labelW = 10
        var yy = y + 1
        // Never onto the message line (a terminal too short for the whole panel).
        let end = min(y + ImportHistoryLayout.detailLines, b.size.height - 2)
        func line(_ label: String, _ value: String, style: Style = .plain) {
            guard yy < end else { return }
            b.put(label, x: 1, y: yy, width: labelW - 1, style: .muted, glyphs: ctx.glyphs)
            b.put(value, x: labelW, y: yy, width: w - labelW - 1, style: style, glyphs: ctx.glyphs)
            yy += 1
        }
        line(s.text(IntakeText.historyFile), TextWidth.truncateStart(run.fileName, to: w - labelW - 1))
        line(s.text(IntakeText.historyHash), run.sha256)
        line(s.text(IntakeText.historyBy), s.text(IntakeText.historyByValue, run.actor, WIB.medium(run.startedAt, s),
                                                  WIB.parts(run.finishedAt).time))
        /// `text` wrapped from `yy`, on at most `limit` lines and none past the panel; the
        /// last line shown ends with an ellipsis when more would follow.
        func paragraph(_ text: String, limit: Int, style: Style = .plain) {
            let lines = wrap(text, width: w - 2)
            let shown = min(lines.count, limit, end - yy)
            for i in 0..<max(0, shown) {
                let rest = i == shown - 1 ? lines[i...].joined(separator: " ") : lines[i]
                b.put(rest, x: 1, y: yy, width: w - 2, style: style, glyphs: ctx.glyphs)
                yy += 1
            }
        }
        // The figures in full, on a second line when they need it: the table shortens them.
        let c = run.counts
        paragraph(s.text(IntakeText.historyCounts, s.number(c.read), s.number(c.new), s.number(c.merged), s.number(c.unchanged),
                         s.number(c.flagged), s.number(c.rejected)), limit: 2)
        if let rejected = run.rejectedFile {
            line(s.text(IntakeText.historyRejected), TextWidth.truncateStart(rejected, to: w - labelW - 1))
        }
        if !run.unknownColumns.isEmpty {
            paragraph(s.text(IntakeText.historyUnknown) + ": " + run.unknownColumns.joined(separator: ", "), limit: .max, style: .muted)
        }
    }
}
