import KawalDomain

// Data intake in the TUI: exporting the list as shown, the import history and the review of
// possible duplicates. Called from `update`; pure like it.

/// A command of the companies list that belongs to data intake.
func intakeListCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
    let s = state.strings
    switch command {
    case .exportList:
        guard !state.exporting else {
            state.message = Message(text: s.text(IntakeText.exportBusy), isError: true)
            return []
        }
        state.exporting = true
        state.message = Message(text: s.text(IntakeText.exportRunning), isError: false)
        // Excel in an Indonesian locale splits on `;`, in an English one on `,`.
        let name = s.text(IntakeText.exportFileBaseCompanies) + "-" + state.today.iso
        return [.exportList(query: state.list.query, fileName: name, delimiter: state.language == .id ? .semicolon : .comma, language: state.language)]
    default:
        return []
    }
}

/// An answer to an intake effect.
func intakeUpdate(_ state: inout AppState, _ action: Action) -> [Effect] {
    let s = state.strings
    switch action {
    case .exportFinished(let path, let rows):
        state.exporting = false
        // The path's end (the file name) matters most: a path too long for the line loses its start.
        let words = s.text(IntakeText.exportDone, s.number(rows), "")
        let room = max(12, state.size.width - TextWidth.of(words))
        state.message = Message(text: s.text(IntakeText.exportDone, s.number(rows), TextWidth.truncateStart(path, to: room)), isError: false)
    case .exportFailed(let message):
        state.exporting = false
        state.message = Message(text: message, isError: true)
    default:
        break
    }
    return []
}

extension TextWidth {
    /// The longest suffix of `s` that fits in `width` cells, after `…` when cut: for paths, whose end says most.
    static func truncateStart(_ s: String, to width: Int) -> String {
        guard width > 1 else { return width == 1 ? "…" : "" }
        if of(s) <= width { return s }
        var out: [Character] = []
        var used = 0
        for ch in s.reversed() {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return "…" + String(out.reversed())
    }
}
