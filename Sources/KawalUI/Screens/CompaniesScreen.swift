import KawalDomain

/// A column of the companies table.
struct TableColumn {
    enum ID { case name, kecamatan, kelurahan, sector, workers, status, stage, deadline, npwp }
    var id: ID
    var title: String
    var width: Int
    var alignRight = false
}

/// The companies table: columns that fit 80 cells, more and wider ones on wider terminals.
enum CompaniesLayout {
    static func columns(width: Int, strings s: Strings) -> [TableColumn] {
        let wide = width >= 110
        let extraWide = width >= 150
        var cols: [TableColumn] = [
            TableColumn(id: .kecamatan, title: extraWide ? s[.columnKecamatanWide] : s[.columnKecamatan], width: extraWide ? 18 : 7),
            TableColumn(id: .sector, title: s[.columnSector], width: wide ? 12 : 8),
            TableColumn(id: .workers, title: wide ? s[.columnWorkersWide] : s[.columnWorkers], width: wide ? 10 : 7, alignRight: true),
            TableColumn(id: .status, title: s[.columnStatus], width: wide ? 11 : 8),
            TableColumn(id: .stage, title: s[.columnStage], width: wide ? 12 : 11),
            TableColumn(id: .deadline, title: s[.columnDeadline], width: wide ? 11 : 8),
        ]
        if wide { cols.insert(TableColumn(id: .kelurahan, title: s[.columnKelurahan], width: 15), at: 0) }
        if extraWide { cols.insert(TableColumn(id: .npwp, title: s[.columnNPWP], width: 20), at: 0) }
        let fixed = cols.reduce(0) { $0 + $1.width + 1 }
        let nameWidth = max(10, width - fixed - 1)
        cols.insert(TableColumn(id: .name, title: s[.columnName], width: nameWidth), at: 0)
        // On narrow terminals, drop columns from the right of the least important until the table fits.
        var order: [TableColumn.ID] = [.sector, .kecamatan, .deadline, .stage, .workers]
        while cols.reduce(0, { $0 + $1.width + 1 }) > width, let drop = order.first {
            order.removeFirst()
            cols.removeAll { $0.id == drop }
            let used = cols.filter { $0.id != .name }.reduce(0) { $0 + $1.width + 1 }
            cols[0].width = max(10, width - used - 1)
        }
        return cols
    }

    static func cell(_ col: TableColumn, _ row: CompanyRow, _ s: Strings, wide: Bool) -> String {
        switch col.id {
        case .name: return row.displayName
        case .kecamatan: return col.width >= 18 ? row.kecamatan : Kecamatan.shortName(row.kecamatan)
        case .kelurahan: return row.kelurahan
        case .sector: return Sector.forCode(row.sectorCode).short
        case .workers:
            return "\(s.number(row.unprotectedWorkers))/\(s.number(row.estimatedWorkers))"
        case .status: return wide ? row.status.code : s.statusShort(row.status)
        case .stage: return row.stage.map { s.stageShort($0) } ?? s[.valueNone]
        case .deadline: return row.nextDeadline.map { wide ? s.mediumDate($0) : s.shortDate($0) } ?? ""
        case .npwp: return row.npwp?.formatted ?? ""
        }
    }
}

/// The companies screen: header with the count, the active filters and sort, the table,
/// the search line and the status bar.
enum CompaniesScreen {
    static func draw(_ b: inout Buffer, _ state: AppState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let list = state.list
        let count = list.total.map { s.format(.companiesCount, s.number($0) + (list.totalIsExact ? "" : "+")) } ?? s[.companiesCounting]
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s[.branchName])", right: count)
        drawCriteria(&b, state, ctx, y: 1)

        let cols = CompaniesLayout.columns(width: w, strings: s)
        let wide = w >= 110
        var x = 1
        for c in cols {
            b.put(c.title, x: x, y: 2, width: c.width, style: Style(bold: true, underline: true), alignRight: c.alignRight, glyphs: ctx.glyphs)
            x += c.width + 1
        }
        let tableTop = 3
        let height = state.tableHeight
        if !list.loaded {
            b.put(s[.loading], x: 1, y: tableTop, style: .muted)
        } else if list.rows.isEmpty, list.query.trimmedSearch.isEmpty, !list.query.hasFilters {
            // Nothing searched or filtered: the database holds no company yet. Say how they come in.
            b.put(s.text(IntakeText.noCompaniesYet), x: 1, y: tableTop, width: w - 2)
            for (i, line) in wrap(s.text(IntakeText.noCompaniesYetHint), width: w - 2).enumerated() where tableTop + 1 + i < b.size.height - 2 {
                b.put(line, x: 1, y: tableTop + 1 + i, width: w - 2, style: .muted)
            }
        } else if list.rows.isEmpty {
            b.put(s[.noCompanies], x: 1, y: tableTop, width: w - 2)
            b.put(s[.noCompaniesHint], x: 1, y: tableTop + 1, width: w - 2, style: .muted)
        }
        for i in 0..<height {
            let index = list.top + i
            guard index < list.rows.count else { break }
            let row = list.rows[index]
            let y = tableTop + i
            let selected = index == list.cursor
            let base: Style = selected ? .selected : .plain
            if selected {
                b.fill(Rect(x: 0, y: y, width: w, height: 1), style: base)
                b.put(ctx.glyphs.marker, x: 0, y: y, style: base)
                b.cursor = (0, y)
            }
            var x = 1
            for c in cols {
                var style = base
                if !selected {
                    switch c.id {
                    case .deadline: style = deadlineStyle(row.nextDeadline, today: state.today)
                    default: break
                    }
                }
                b.put(CompaniesLayout.cell(c, row, s, wide: wide), x: x, y: y, width: c.width, style: style, alignRight: c.alignRight, glyphs: ctx.glyphs)
                x += c.width + 1
            }
        }
        // Rows still loading below the window (fast scrolling past it).
        if list.loaded, !list.atEnd, list.rows.count - list.top < height {
            let y = tableTop + max(0, list.rows.count - list.top)
            if y < tableTop + height { b.put(s[.loading], x: 1, y: y, style: .muted) }
        }
        drawSearchLine(&b, state, ctx)
        // An export runs on while the user works on: said until it ends, once its message is gone.
        if state.exporting, state.message == nil, state.search == nil {
            let p = state.exportProgress
            let text = if p.rows == 0 {
                s.text(IntakeText.exportRunning)
            } else if let total = p.total, total >= p.rows {
                s.text(IntakeText.exportRunningOf, s.number(p.rows), s.number(total))
            } else {
                s.text(IntakeText.exportRunningRows, s.number(p.rows))
            }
            b.put(text, x: 0, y: b.size.height - 2, width: b.size.width, style: .muted)
        }
        Chrome.messageLine(&b, state)
        if state.search == nil {
            var commands: [Command] = [.open, .search, .filter, .sort, .help, .quit]
            if !list.query.trimmedSearch.isEmpty || list.query.hasFilters { commands.insert(.clearSearch, at: 4) }
            Chrome.statusBar(&b, state, commands: commands, glyphs: ctx.glyphs)
            drawPosition(&b, state)
        } else {
            let y = b.size.height - 1
            b.fill(Rect(x: 0, y: y, width: w, height: 1), style: .statusBar)
            b.put(" " + s[.searchHintTyping], x: 0, y: y, width: w, style: .statusBar)
        }
    }

    /// Row 1: search, filters and sort in words.
    static func drawCriteria(_ b: inout Buffer, _ state: AppState, _ ctx: RenderContext, y: Int) {
        let s = state.strings
        let q = state.list.query
        var parts: [String] = []
        if !q.trimmedSearch.isEmpty { parts.append("\(s[.searchLabel]): \"\(q.trimmedSearch)\"") }
        var filters: [String] = []
        if !q.statuses.isEmpty { filters.append(ComplianceStatus.allCases.filter(q.statuses.contains).map(\.code).joined(separator: ",")) }
        if !q.stages.isEmpty { filters.append(Stage.allCases.filter(q.stages.contains).map { s.stageShort($0) }.joined(separator: ",")) }
        if !q.kecamatan.isEmpty { filters.append(q.kecamatan.sorted().map(Kecamatan.shortName).joined(separator: ",")) }
        if !q.sectors.isEmpty { filters.append(q.sectors.sorted().map { Sector.forCode($0).short }.joined(separator: ",")) }
        parts.append("\(s[.filterLabel]): " + (filters.isEmpty ? s[.filterNone] : filters.joined(separator: " · ")))
        let descending = q.sort.descendingByDefault != q.reversed
        let arrow = descending ? ctx.glyphs.down : ctx.glyphs.up
        let sortText = "\(s[.sortLabel]): \(s.sort(q.sort)) \(arrow)"
        let w = b.size.width
        let sw = TextWidth.of(sortText)
        let left = parts.joined(separator: "  ")
        let filtered = !q.trimmedSearch.isEmpty || q.hasFilters
        b.put(left, x: 1, y: y, width: max(0, w - sw - 3), style: filtered ? .accent : .muted, glyphs: ctx.glyphs)
        b.put(sortText, x: w - sw - 1, y: y, style: .muted)
    }

    /// The line above the status bar while typing a search.
    static func drawSearchLine(_ b: inout Buffer, _ state: AppState, _ ctx: RenderContext) {
        guard let edit = state.search else { return }
        let y = b.size.height - 2
        let prompt = "/" + edit.text
        let used = b.put(prompt, x: 0, y: y, style: .plain, maxWidth: b.size.width - 1)
        b.cursor = (min(used, b.size.width - 1), y)
    }

    /// Position of the selection, on the right of the status bar: `1.234 dari 12.345`.
    static func drawPosition(_ b: inout Buffer, _ state: AppState) {
        let s = state.strings
        guard let pos = state.list.absoluteCursor, let total = state.list.total, total > 0 else { return }
        let text = " " + s.format(.positionOf, s.number(pos + 1), s.number(total) + (state.list.totalIsExact ? "" : "+")) + " "
        let w = TextWidth.of(text)
        // Only when the hints leave room.
        let y = b.size.height - 1
        var free = 0
        for xx in stride(from: b.size.width - 1, through: 0, by: -1) {
            if b[xx, y].text == " " { free += 1 } else { break }
        }
        if free > w + 1 { b.put(text, x: b.size.width - w, y: y, style: .statusBar) }
    }

    static func deadlineStyle(_ d: Day?, today: Day) -> Style {
        guard let d else { return .plain }
        if d < today { return Style(foreground: .red, bold: true) }
        if today.days(to: d) <= 3 { return Style(foreground: .yellow) }
        return .plain
    }
}
