/// The help screen, generated from the command table and the key map so it cannot drift
/// from the bindings.
enum HelpScreen {
    static func lines(_ state: AppState, _ glyphs: Glyphs) -> [(text: String, style: Style)] {
        let s = state.strings
        let map = state.keyMap.map
        var out: [(String, Style)] = []
        let groups: [(CommandContext, String)] = [
            (.worklist, s.text(CaseScreenText.helpGroupWorklist)), (.list, s[.helpGroupList]), (.detail, s[.helpGroupDetail]),
            (.caseAction, s.text(CaseScreenText.helpGroupCase)), (.letter, s.text(CaseScreenText.helpGroupLetter)),
            (.review, s.text(IntakeText.helpGroupReview)),
            (.global, s[.helpGroupGlobal]),
        ]
        for (context, title) in groups {
            if !out.isEmpty { out.append(("", .plain)) }
            out.append((title, .header))
            for c in Command.allCases where c.context == context {
                let keys = map.keys(for: c).map { Chrome.keyLabel($0, unicode: glyphs.unicode, strings: s) }.joined(separator: ", ")
                out.append(("  " + TextWidth.pad(keys, to: 22) + c.help(s), .plain))
            }
            if context == .review {
                // The review and the import history move as the list does, over pairs and imports.
                let keys = [Command.down, .up, .importHistory, .duplicateReview].map { c in
                    map.keys(for: c).map { Chrome.keyLabel($0, unicode: glyphs.unicode, strings: s) }.joined(separator: ", ")
                }
                out.append(("  " + TextWidth.pad(keys[0] + ", " + keys[1], to: 22) + s.text(IntakeText.helpReviewMove), .plain))
                out.append(("  " + TextWidth.pad(keys[2] + ", " + keys[3], to: 22) + s.text(IntakeText.helpReviewSwitch), .plain))
            }
        }
        out.append(("", .plain))
        out.append((s.text(CaseScreenText.helpGroupForm), .header))
        let formKeys: [([Key], CaseScreenText)] = [([.tab, .backTab], .helpFormMove), ([.enter], .helpFormSave), ([.escape], .helpFormCancel),
                                                   ([.left, .right, .char(" ")], .helpFormChoice), ([.ctrl("p")], .helpFormPreview)]
        for (keys, words) in formKeys {
            let labels = keys.map { Chrome.keyLabel($0, unicode: glyphs.unicode, strings: s) }.joined(separator: ", ")
            out.append(("  " + TextWidth.pad(labels, to: 22) + s.text(words), .plain))
        }
        out.append(("", .plain))
        out.append((s[.helpGroupSearch], .header))
        out.append(("  " + TextWidth.pad(s[.searchHintTyping], to: 22) + "Ctrl-U: \(s[.cmdClearSearch])", .plain))
        return out
    }

    static func draw(_ b: inout Buffer, _ state: AppState, scroll: Int, _ ctx: RenderContext) {
        let s = state.strings
        Chrome.titleBar(&b, state, left: "\(s[.appName]) · \(s[.helpTitle])", right: "")
        let all = lines(state, ctx.glyphs)
        let height = b.size.height - 3
        for i in 0..<height {
            let index = scroll + i
            guard index < all.count else { break }
            b.put(all[index].text, x: 1, y: 1 + i, width: b.size.width - 2, style: all[index].style, glyphs: ctx.glyphs)
        }
        b.put(s[.helpFooter], x: 1, y: b.size.height - 2, width: b.size.width - 2, style: .muted)
        Chrome.statusBar(&b, state, commands: [.back, .quit], glyphs: ctx.glyphs)
    }
}

func helpLineCount(_ state: AppState) -> Int { HelpScreen.lines(state, .unicode).count }
