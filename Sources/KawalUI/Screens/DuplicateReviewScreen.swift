import KawalDomain

/// The review of possible duplicates: the selected pair side by side, with why it was flagged
/// and where the two differ, the other pending pairs below, and a confirmation before a decision.
enum DuplicateReviewScreen {
    static func draw(_ b: inout Buffer, _ state: AppState, _ r: DuplicateReviewState, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let right = r.loaded ? s.text(IntakeText.reviewCount, s.number(r.pending)) : ""
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s.text(IntakeText.reviewTitle))", right: right)
        var commands: [Command] = [.back, .importHistory, .help, .quit]
        defer {
            Chrome.messageLine(&b, state)
            Chrome.statusBar(&b, state, commands: commands, glyphs: ctx.glyphs)
        }
        guard r.loaded else {
            b.put(s[.loading], x: 1, y: 2, style: .muted)
            return
        }
        guard let pair = r.selected else {
            b.put(s.text(IntakeText.reviewEmpty), x: 1, y: 2, width: w - 2, style: .good, glyphs: ctx.glyphs)
            b.put(s.text(IntakeText.reviewEmptyHint), x: 1, y: 3, width: w - 2, style: .muted, glyphs: ctx.glyphs)
            return
        }
        commands = [.mergeDuplicate, .keepApart, .open, .openIncoming, .back, .help]
        let flagged = WIB.parts(pair.flaggedAt)
        let head = [s.text(IntakeText.reviewPairOf, s.number(r.position), s.number(r.pending)), reason(pair.reason, s),
                    s.text(IntakeText.reviewFlaggedBy, String(pair.importRunID), s.mediumDate(flagged.day))]
        b.put(head.joined(separator: " · "), x: 1, y: 1, width: w - 2, style: .accent, glyphs: ctx.glyphs)
        let bottom = drawPair(&b, state, pair, y: 2, ctx)
        drawOthers(&b, state, r, y: bottom, ctx)
        if let asked = r.confirming { drawConfirm(&b, state, pair, asked.decision, ctx) }
    }

    static func reason(_ r: DuplicateReason, _ s: Strings) -> String {
        switch r {
        case .sameNameSameKelurahan: return s.text(IntakeText.reasonSameKelurahan)
        case .sameNameSimilarAddress: return s.text(IntakeText.reasonSimilarAddress)
        }
    }

    /// One line of the comparison: its label, the two values, and whether they differ.
    typealias Compared = (label: String, existing: String, incoming: String, differ: Bool)

    /// The lines compared, each as (label, existing, incoming, whether they differ). The
    /// name, the address and the owner differ only by more than their spelling (`CompanyField.comparisonKey`):
    /// `JL HAYAM WURUK 7`, as BPJAMSOSTEK writes it, is `Jl. Hayam Wuruk No. 7`.
    static func rows(_ pair: DuplicatePair, _ s: Strings) -> [Compared] {
        let none = s[.valueNone]
        /// `field`: the company field whose values are compared by their key, not as shown.
        func both(_ label: IntakeText, comparing field: CompanyField? = nil, _ f: (Company) -> String)
            -> Compared {
            let a = f(pair.existing), c = f(pair.incoming)
            let differ = field.map { $0.comparisonKey($0.value(of: pair.existing)) != $0.comparisonKey($0.value(of: pair.incoming)) }
            return (s.text(label), a, c, differ ?? (a != c))
        }
        // The name differs by its words, not by capitals or punctuation (`CompanyName.matchKey`),
        // or by its legal form, which the line shows in front of it.
        var name = both(.fieldName) { $0.displayName }
        name.differ = pair.existing.legalForm != pair.incoming.legalForm
            || CompanyField.name.comparisonKey(pair.existing.name) != CompanyField.name.comparisonKey(pair.incoming.name)
        return [
            name,
            both(.fieldNPWP) { $0.npwp?.formatted ?? none },
            both(.fieldNIB) { $0.nib?.digits ?? none },
            both(.fieldNPP) { $0.npp?.digits ?? none },
            both(.fieldAddress, comparing: .address) { $0.address.isEmpty ? none : $0.address },
            // BPJAMSOSTEK's list gives the kecamatan without the kelurahan: it is still shown.
            both(.fieldKelurahan) { c in
                let place = [c.kelurahan, Kecamatan.shortName(c.kecamatan)].filter { !$0.isEmpty }.joined(separator: ", ")
                return place.isEmpty ? none : place
            },
            both(.fieldOwner, comparing: .owner) { c in c.owner.isEmpty ? none : c.owner },
            both(.fieldKBLI) { $0.sector.code.isEmpty ? none : "\($0.sector.code) \($0.sector.short)" },
            workers(pair, s),
            both(.fieldStatus) { $0.status.code },
            cases(pair, s),
        ]
    }

    /// Each company's current case, by number and stage. Marked when both are open: a merge
    /// then closes one of them (`CaseMergeRule`).
    private static func cases(_ pair: DuplicatePair, _ s: Strings) -> Compared {
        func summary(_ k: ComplianceCase?) -> String {
            guard let k else { return s[.valueNone] }
            return "#\(k.id) \(s.stageShort(k.stage))"
        }
        let bothOpen = pair.existingCase.map { !$0.stage.isEnd } == true && pair.incomingCase.map { !$0.stage.isEnd } == true
        return (s.text(IntakeText.fieldCase), summary(pair.existingCase), summary(pair.incomingCase), bothOpen)
    }

    private static func workers(_ pair: DuplicatePair, _ s: Strings) -> Compared {
        let a = s.workersSummary(pair.existing), c = s.workersSummary(pair.incoming)
        return (s[.fieldWorkers], a, c, a != c)
    }

    /// Draws the pair side by side from `y`; returns the first free row.
    static func drawPair(_ b: inout Buffer, _ state: AppState, _ pair: DuplicatePair, y: Int, _ ctx: RenderContext) -> Int {
        let s = state.strings
        let w = b.size.width
        let labelW = 10
        let colW = max(8, (w - labelW - 4) / 2)
        let leftX = 1 + labelW
        let divider = leftX + colW + 1
        let rightX = divider + 2
        b.put(s.text(IntakeText.reviewExisting, String(pair.existing.id)), x: leftX, y: y, width: colW, style: .header, glyphs: ctx.glyphs)
        b.put(s.text(IntakeText.reviewIncoming, String(pair.incoming.id)), x: rightX, y: y, width: w - rightX - 1, style: .header, glyphs: ctx.glyphs)
        var yy = y + 1
        for (label, a, c, differ) in rows(pair, s) where yy < b.size.height - 2 {
            let style: Style = differ ? .warning : .plain
            b.put(label, x: 1, y: yy, width: labelW - 1, style: .muted, glyphs: ctx.glyphs)
            b.put(a, x: leftX, y: yy, width: colW, style: style, glyphs: ctx.glyphs)
            b.put(c, x: rightX, y: yy, width: w - rightX - 1, style: style, glyphs: ctx.glyphs)
            yy += 1
        }
        for row in y..<yy { b.put(ctx.glyphs.vertical, x: divider, y: row, style: .muted) }
        return yy
    }

    /// How many rows the list of other pairs has at `size`: the pair takes the lines above it
    /// (its title, head, column heads, eleven compared values and the list's rule) and the
    /// message and status lines the two below. A page key moves by this much.
    static func listRows(_ size: Size) -> Int { max(1, size.height - 17) }

    /// The other pending pairs, the selected one marked, from `y` to above the message line.
    static func drawOthers(_ b: inout Buffer, _ state: AppState, _ r: DuplicateReviewState, y: Int, _ ctx: RenderContext) {
        let s = state.strings
        let w = b.size.width
        let last = b.size.height - 3
        guard y <= last else { return }
        b.put(String(repeating: ctx.glyphs.horizontal, count: w), x: 0, y: y, style: .muted)
        b.put(" " + s.text(IntakeText.reviewOthers) + " ", x: 2, y: y, style: .header)
        let height = last - y
        guard height > 0 else { return }
        let top = max(0, min(r.cursor - height / 2, r.pairs.count - height))
        let reasonW = min(26, w / 3)
        for i in 0..<height {
            let index = top + i
            guard index < r.pairs.count else { break }
            let p = r.pairs[index]
            let yy = y + 1 + i
            let selected = index == r.cursor
            if selected { b.put(ctx.glyphs.marker, x: 0, y: yy, style: .accent) }
            let names = "\(p.existing.displayName) ↔ \(p.incoming.displayName)"
            b.put(names, x: 2, y: yy, width: w - reasonW - 4, style: selected ? .header : .plain, glyphs: ctx.glyphs)
            b.put(reason(p.reason, s), x: w - reasonW - 1, y: yy, width: reasonW, style: .muted, glyphs: ctx.glyphs)
        }
    }

    static func drawConfirm(_ b: inout Buffer, _ state: AppState, _ pair: DuplicatePair, _ decision: DuplicateDecision, _ ctx: RenderContext) {
        let s = state.strings
        let width = min(66, b.size.width - 4)
        let e = pair.existing, i = pair.incoming
        let title: String
        let text: String
        switch decision {
        case .merge:
            title = s.text(IntakeText.confirmMergeTitle)
            text = s.text(IntakeText.confirmMerge, i.displayName, String(i.id), e.displayName, String(e.id))
        case .keepApart:
            title = s.text(IntakeText.confirmKeepApartTitle)
            text = s.text(IntakeText.confirmKeepApart, e.displayName, String(e.id), i.displayName, String(i.id))
        }
        var lines = wrap(text, width: width - 4)
        // On a short terminal the box keeps what must be read before y: who goes into whom, that
        // it cannot be undone, and the keys.
        let room = b.size.height - 2
        if lines.count + 4 > room, decision == .merge {
            lines = wrap(s.text(IntakeText.confirmMergeShort, i.displayName, String(i.id), e.displayName, String(e.id)), width: width - 4)
        }
        if lines.count + 4 > room {
            // Still too tall: the end of the text (the warning) is kept, the start shortened.
            let keep = max(1, room - 4)
            if lines.count > keep { lines = ["…"] + lines.suffix(keep - 1) }
            if keep == 1, let last = lines.last { lines = [last] }
        }
        let height = min(lines.count + 4, max(3, room))
        let rect = Rect(x: (b.size.width - width) / 2, y: max(1, (b.size.height - height) / 2), width: width, height: height)
        Chrome.box(&b, rect, title: title, glyphs: ctx.glyphs)
        for (n, line) in lines.enumerated() where rect.y + 1 + n < rect.maxY - 2 {
            b.put(line, x: rect.x + 2, y: rect.y + 1 + n, width: width - 4, glyphs: ctx.glyphs)
        }
        b.put(s.text(IntakeText.confirmKeys), x: rect.x + 2, y: rect.maxY - 2, width: width - 4, style: .accent, glyphs: ctx.glyphs)
    }
}
