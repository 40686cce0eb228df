import KawalDomain

/// Values that differ between sources, on the company detail: a notice on the timeline's rule,
/// and on `v` a panel that shows, for each such field, the value each source gave and the one in use.
enum SourcesPanel {
    static func draw(_ b: inout Buffer, _ state: AppState, _ d: DetailState, _ detail: CompanyDetail, separator: Int, _ ctx: RenderContext) {
        let s = state.strings
        let conflicts = detail.conflicts
        let w = b.size.width
        if !conflicts.isEmpty && !d.showSources {
            let notice = " " + s.text(IntakeText.conflictNotice, s.number(conflicts.count)) + " "
            let nw = TextWidth.of(notice)
            let heading = TextWidth.of(" " + s[.detailTimeline] + " ") + 3
            if heading + nw < w { b.put(notice, x: w - nw - 1, y: separator, style: .warning) }
        }
        guard d.showSources else { return }
        // As tall as what it lists (a rule, the header, a line a field, a rule), at most down to the message line.
        let rect = Rect(x: 0, y: separator, width: w, height: min(max(4, conflicts.count + 3), b.size.height - 2 - separator))
        Chrome.box(&b, rect, title: s.text(IntakeText.sourcesTitle) + " · " + detail.company.displayName, glyphs: ctx.glyphs)
        let inner = rect.inset(1)
        guard !conflicts.isEmpty else {
            b.put(s.text(IntakeText.sourcesNone), x: inner.x + 1, y: inner.y, width: inner.width - 2, style: .good, glyphs: ctx.glyphs)
            return
        }
        let sources = DataSource.allCases.filter { src in conflicts.contains { $0.values.contains { $0.source == src } } }
        let labelW = 14
        let colW = max(6, (inner.width - 1 - labelW) / (sources.count + 1) - 1)
        var x = inner.x + 1 + labelW
        for src in sources {
            b.put(s.source(src), x: x, y: inner.y, width: colW, style: Style(bold: true, underline: true), glyphs: ctx.glyphs)
            x += colW + 1
        }
        b.put(s.text(IntakeText.sourcesUsed), x: x, y: inner.y, width: colW, style: Style(bold: true, underline: true), glyphs: ctx.glyphs)
        for (i, conflict) in conflicts.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            b.put(label(conflict.field, s), x: inner.x + 1, y: y, width: labelW - 1, style: .muted, glyphs: ctx.glyphs)
            let used = conflict.field.value(of: detail.company)
            var x = inner.x + 1 + labelW
            for src in sources {
                let value = conflict.values.first { $0.source == src }?.value
                let style: Style = value == used ? .header : .warning
                b.put(value.map { display(conflict.field, $0, s) } ?? "", x: x, y: y, width: colW, style: style, glyphs: ctx.glyphs)
                x += colW + 1
            }
            b.put(display(conflict.field, used, s), x: x, y: y, width: colW, style: .header, glyphs: ctx.glyphs)
        }
        b.put(s.text(IntakeText.sourcesHint), x: inner.maxX - TextWidth.of(s.text(IntakeText.sourcesHint)) - 1, y: rect.maxY - 1, style: .muted)
    }

    static func label(_ f: CompanyField, _ s: Strings) -> String {
        let key: IntakeText
        switch f {
        case .name: key = .fieldName
        case .legalForm: key = .fieldLegalForm
        case .npwp: key = .fieldNPWP
        case .nib: key = .fieldNIB
        case .npp: key = .fieldNPP
        case .kbli: key = .fieldKBLI
        case .address: key = .fieldAddress
        case .kelurahan: key = .fieldKelurahan
        case .kecamatan: key = .fieldKecamatan
        case .phone: key = .fieldPhone
        case .owner: key = .fieldOwner
        case .estimatedWorkers: key = .fieldEstimatedWorkers
        case .registeredWorkers: key = .fieldRegisteredWorkers
        case .status: key = .fieldStatus
        }
        return s.text(key)
    }

    /// A stored value as people read it: an NPWP in its display form, numbers grouped.
    static func display(_ f: CompanyField, _ value: String, _ s: Strings) -> String {
        if value.isEmpty { return s[.valueNone] }
        switch f {
        case .npwp: return (try? NPWP(value))?.formatted ?? value
        case .estimatedWorkers, .registeredWorkers: return Int(value).map { s.number($0) } ?? value
        default: return value
        }
    }
}
