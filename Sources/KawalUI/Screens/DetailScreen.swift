import KawalDomain

/// Where the parts of the detail screen go.
public enum DetailLayout {
    /// First row of the next actions: below the profile and the ladder, or below the profile's
    /// stage line when the terminal is too narrow for the ladder column.
    static func actionsTop(_ size: Size) -> Int { ladderWidth(size) > 0 ? 11 : 12 }
    /// Rows of the next actions: the allowed ones, then the blocked ones with their reasons.
    /// One row for someone who can only look.
    static func actionRows(_ size: Size, canAct: Bool) -> Int {
        guard canAct else { return 1 }
        return size.height >= 24 ? 4 : size.height >= 18 ? 3 : 1
    }
    /// First row of the timeline (below its heading).
    public static func timelineTop(_ size: Size, canAct: Bool) -> Int { actionsTop(size) + actionRows(size, canAct: canAct) + 1 }
    /// Width of the ladder column; 0 when the terminal is too narrow for two columns.
    static func ladderWidth(_ size: Size) -> Int { size.width >= 70 ? 28 : 0 }
}

/// The company detail screen: profile with identifiers and their sources, the ladder with
/// the current stage marked, and the case timeline, newest first.
enum DetailScreen {
    static func draw(_ b: inout Buffer, _ state: AppState, _ d: DetailState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        guard let detail = d.detail else {
            Chrome.titleBar(&b, state, left: s[.appName], right: "")
            b.put(d.loaded ? s[.detailNotFound] : s[.loading], x: 1, y: 2, width: w - 2, style: d.loaded ? .error : .muted)
            Chrome.statusBar(&b, state, commands: [.back, .help], glyphs: ctx.glyphs)
            return
        }
        let c = detail.company
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(c.displayName)", right: c.status.code)
        let ladderW = DetailLayout.ladderWidth(b.size)
        let profileW = w - ladderW - (ladderW > 0 ? 1 : 0)
        b.put(s[.detailProfile], x: 1, y: 1, style: .header)
        drawProfile(&b, state, detail, x: 1, y: 2, width: profileW - 2, ctx)
        if ladderW > 0 {
            let lx = w - ladderW
            for yy in 1...10 { b.put(ctx.glyphs.vertical, x: lx - 1, y: yy, style: .muted) }
            b.put(s[.detailLadder], x: lx + 1, y: 1, style: .header)
            drawLadder(&b, state, detail, x: lx + 1, y: 2, width: ladderW - 2, ctx)
        }
        drawActions(&b, state, d, detail, y: DetailLayout.actionsTop(b.size), rows: DetailLayout.actionRows(b.size, canAct: state.canAct), ctx)
        let top = DetailLayout.timelineTop(b.size, canAct: state.canAct)
        let heading = " " + s[.detailTimeline] + " "
        b.put(String(repeating: ctx.glyphs.horizontal, count: w), x: 0, y: top - 1, style: .muted)
        b.put(heading, x: 2, y: top - 1, style: .header)
        drawTimeline(&b, state, detail, d.scroll, top: top, ctx)
        Chrome.messageLine(&b, state)
        Chrome.statusBar(&b, state, commands: state.detailFollowsList ? [.back, .nextMatch, .help, .quit] : [.back, .help, .quit],
                         glyphs: ctx.glyphs)
        SourcesPanel.draw(&b, state, d, detail, separator: top - 1, ctx)
    }

    /// The next actions: allowed ones on their keys, blocked ones greyed out with their reason.
    static func drawActions(_ b: inout Buffer, _ state: AppState, _ d: DetailState, _ detail: CompanyDetail, y: Int, rows: Int, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        guard detail.complianceCase != nil else { return }
        var x = -1
        if !state.canAct {
            x = 1 + b.put(s.text(CaseScreenText.actionsLabel), x: 1, y: y, style: .header)
            let why = describe(state.readOnly ? BlockReason.readOnly : .notAnOfficer, s)
            b.put(why, x: x + 2, y: y, width: max(0, w - x - 3), style: .muted, glyphs: ctx.glyphs)
            return
        }
        guard let outlook = d.outlook else {
            b.put(s[.loading], x: 1, y: y, style: .muted)
            return
        }
        let map = state.keyMap.map
        func key(_ c: Command) -> String { map.keys(for: c).first.map { Chrome.keyLabel($0, unicode: ctx.glyphs.unicode, strings: s) } ?? "" }
        func named(_ c: Command) -> String { "\(key(c)) \(c.hint(s) ?? "")" }
        var commands = outlook.options.filter { $0.blocked == nil }.map { Command.opening($0.kind) }
        commands.append(.previewLetter)
        // Blocked actions, grouped by reason, one reason a line. Moving up shows its own reason
        // even when the stage form is open for stepping down.
        var groups: [(reason: BlockReason, labels: [String])] = []
        func add(_ r: BlockReason, _ l: String) {
            if let i = groups.firstIndex(where: { $0.reason == r }) { groups[i].labels.append(l) } else { groups.append((r, [l])) }
        }
        let moveUp = "\(key(.escalate)) \(s.text(CaseScreenText.moveUp))"
        if let up = outlook.upBlocked, outlook.option(.escalation)?.blocked == nil { add(up, moveUp) }
        for o in outlook.options {
            if let r = o.blocked { add(r, o.kind == .escalation ? moveUp : named(Command.opening(o.kind))) }
        }
        // The allowed ones flow over as many lines as they need.
        var yy = y
        let indent = 3
        for c in commands {
            let need = 2 + TextWidth.of(named(c))
            if x + need > w - 1 {
                guard yy + 1 < y + rows else { break }
                yy += 1
                x = indent - 2
            }
            x += 2
            x += b.put(key(c), x: x, y: yy, style: .key)
            x += b.put(" " + (c.hint(s) ?? ""), x: x, y: yy)
        }
        yy += 1
        for (i, g) in groups.enumerated() where yy < y + rows {
            let left = y + rows - yy
            let rest = groups.count - 1 - i
            if left == 1, rest > 0 {
                let text = groups[i...].flatMap(\.labels).joined(separator: ", ") + ": " + s.text(CaseScreenText.blockedSeveral)
                b.put(text, x: indent, y: yy, width: w - indent - 1, style: .muted, glyphs: ctx.glyphs)
                break
            }
            // A long reason takes a second line when the rows leave room for the groups after it.
            let lines = wrap(g.labels.joined(separator: ", ") + ": " + describe(g.reason, s), width: w - indent - 1)
            let take = max(1, min(lines.count, left - rest))
            for (j, line) in lines.prefix(take).enumerated() {
                let last = j == take - 1 && take < lines.count
                b.put(last ? line + " " + lines[take...].joined(separator: " ") : line, x: indent + (j > 0 ? 2 : 0), y: yy,
                      width: w - indent - 1 - (j > 0 ? 2 : 0), style: .muted, glyphs: ctx.glyphs)
                yy += 1
            }
        }
        if rows == 1, !groups.isEmpty, x + 4 < w {
            b.put(" " + s.text(CaseScreenText.blockedSeveral), x: x, y: y, width: w - x - 1, style: .muted, glyphs: ctx.glyphs)
        }
        // An open promise, unless a reason above already says so.
        let saidPromise = groups.contains { if case .policy(.promisePending) = $0.reason { true } else { false } }
        if let promise = outlook.waitingOnPromise, !saidPromise, yy < y + rows {
            b.put(s.text(CaseScreenText.waitingOnPromise, s.mediumDate(promise)), x: indent, y: yy, width: w - indent - 1, style: .warning, glyphs: ctx.glyphs)
        }
    }

    static func sourcesText(_ detail: CompanyDetail, _ field: String, _ s: Strings) -> String {
        let src = detail.sources(of: field)
        return src.isEmpty ? "" : "(" + src.map { s.source($0) }.joined(separator: ", ") + ")"
    }

    static func drawProfile(_ b: inout Buffer, _ state: AppState, _ detail: CompanyDetail, x: Int, y: Int, width: Int, _ ctx: RenderContext) {
        let s = state.strings
        let c = detail.company
        let labelW = 8
        var yy = y
        func line(_ label: String, _ value: String, _ note: String = "", style: Style = .plain) {
            b.put(label, x: x, y: yy, width: labelW, style: .muted)
            let used = b.put(value, x: x + labelW, y: yy, style: style, maxWidth: width - labelW)
            if !note.isEmpty, used + 1 < width - labelW {
                b.put(" " + note, x: x + labelW + used, y: yy, style: .muted, maxWidth: width - labelW - used)
            }
            yy += 1
        }
        let none = s[.valueNone]
        line(s[.fieldNPWP], c.npwp?.formatted ?? none, sourcesText(detail, "npwp", s))
        line(s[.fieldNIB], c.nib?.digits ?? none, sourcesText(detail, "nib", s))
        line(s[.fieldNPP], c.npp?.digits ?? none, sourcesText(detail, "npp", s))
        // A company only BPJAMSOSTEK lists has no KBLI, kelurahan, owner or phone: a dash, not a gap.
        line(s[.fieldKBLI], c.sector.code.isEmpty ? none : "\(c.sector.code) \(c.sector.label)")
        line(s[.fieldAddress], c.address.isEmpty ? none : c.address)
        line("", [c.kelurahan, c.kecamatan].filter { !$0.isEmpty }.joined(separator: ", "))
        var who = c.owner.isEmpty ? [] : [c.owner]
        if !c.phone.isEmpty { who.append("\(s[.fieldPhone]) \(c.phone)") }
        line(s[.fieldOwner], who.isEmpty ? none : who.joined(separator: " · "))
        // A worker count no list gave is unknown, not zero: its scale and the unprotected
        // workers would be guesses (`Company.givenEstimatedWorkers`), shown as a dash.
        line(s[.fieldScale], "\(c.givenScale.map { s.scale($0) } ?? none) · \(s[.fieldStatus]) \(c.status.code)")
        line(s[.fieldWorkers], s.workersSummary(c),
             style: c.givenUnprotectedWorkers.map { $0 > 0 ? .warning : .good } ?? .plain)
        if DetailLayout.ladderWidth(b.size) == 0, let kase = detail.complianceCase {
            line(s[.fieldStage], s.stage(kase.stage) + (kase.nextDeadline.map { " · \(s[.fieldDeadline]) \(s.mediumDate($0))" } ?? ""))
        }
    }

    static func drawLadder(_ b: inout Buffer, _ state: AppState, _ detail: CompanyDetail, x: Int, y: Int, width: Int, _ ctx: RenderContext) {
        let s = state.strings
        guard let kase = detail.complianceCase else {
            b.put(s[.detailNoCase], x: x, y: y, width: width, style: .muted)
            return
        }
        let reached = detail.stageReached
        let currentRung = kase.stage.rung
        for (i, stage) in Stage.ladder.enumerated() {
            let yy = y + i
            let date = reached[stage].map { s.shortDate($0) } ?? ""
            let glyph: String
            let style: Style
            if stage == kase.stage {
                glyph = ctx.glyphs.current
                style = Style(foreground: stage == .referred ? .red : .cyan, bold: true)
            } else if let r = currentRung, i < r {
                glyph = ctx.glyphs.done
                style = .plain
            } else if currentRung == nil, reached[stage] != nil {
                glyph = ctx.glyphs.done
                style = .plain
            } else {
                glyph = ctx.glyphs.pending
                style = .muted
            }
            let dateW = 8
            b.put(glyph, x: x, y: yy, style: style)
            b.put(s.stageShort(stage), x: x + 2, y: yy, width: width - dateW - 3, style: style, glyphs: ctx.glyphs)
            b.put(date, x: x + width - dateW, y: yy, width: dateW, style: .muted, alignRight: true)
        }
        let yy = y + Stage.ladder.count
        if kase.stage.isEnd {
            let date = reached[kase.stage].map { " " + s.shortDate($0) } ?? ""
            b.put("\(ctx.glyphs.current) \(s.stage(kase.stage))\(date)", x: x, y: yy, width: width,
                  style: kase.stage == .compliant ? Style(foreground: .green, bold: true) : Style(bold: true), glyphs: ctx.glyphs)
        } else if let due = kase.nextDeadline {
            b.put("\(s[.fieldDeadline]) \(s.mediumDate(due))", x: x, y: yy, width: width,
                  style: CompaniesScreen.deadlineStyle(due, today: state.today), glyphs: ctx.glyphs)
        }
    }

    static func drawTimeline(_ b: inout Buffer, _ state: AppState, _ detail: CompanyDetail, _ scroll: Int, top: Int, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let height = state.timelineHeight
        if detail.events.isEmpty {
            b.put(detail.complianceCase == nil ? s[.detailNoCase] : s[.detailNoEvents], x: 1, y: top, width: w - 2, style: .muted)
            return
        }
        let actorW = w >= 100 ? 18 : 13
        for i in 0..<height {
            let index = scroll + i
            guard index < detail.events.count else { break }
            let e = detail.events[index]
            let y = top + i
            b.put(s.mediumDate(e.occurredOn), x: 1, y: y, width: 11, style: .muted)
            b.put(s.eventKind(e.kind), x: 13, y: y, width: 12, style: .accent, glyphs: ctx.glyphs)
            b.put(s.eventSummary(e), x: 26, y: y, width: w - 26 - actorW - 2, glyphs: ctx.glyphs)
            b.put(detail.actorName(e), x: w - actorW - 1, y: y, width: actorW, style: .muted, alignRight: true, glyphs: ctx.glyphs)
        }
        if scroll > 0 { b.put(ctx.glyphs.up, x: w - 1, y: top, style: .muted) }
        if scroll + height < detail.events.count { b.put(ctx.glyphs.down, x: w - 1, y: top + height - 1, style: .muted) }
    }
}

extension Strings {
    /// `12 est. · 3 terdaftar · 9 belum`; a count no list gave, and the difference it would
    /// give, as a dash.
    func workersSummary(_ c: Company) -> String {
        let none = self[.valueNone]
        return format(.workersSummary, c.givenEstimatedWorkers.map { number($0) } ?? none, number(c.registeredWorkers),
                      c.givenUnprotectedWorkers.map { number($0) } ?? none)
    }
}
