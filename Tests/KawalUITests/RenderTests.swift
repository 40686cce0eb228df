import KawalDomain
import Testing
@testable import KawalUI

@Suite("Buffer")
struct BufferTests {
    @Test func controlCharactersAndEscapesAreShownHarmlessly() {
        var b = Buffer(size: Size(width: 40, height: 1))
        b.put("PT \u{1B}[31mMerah\u{07}\u{9B}2J\u{202E}x", x: 0, y: 0)
        let text = b.text
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(text.hasPrefix("PT ␛[31mMerah␇"))
    }

    @Test func widthIsMeasuredPerGraphemeWithWcwidth() {
        #expect(TextWidth.of("Batik") == 5)
        #expect(TextWidth.of("Café") == 4)
        #expect(TextWidth.of("Cafe\u{301}") == 4)  // e + combining acute is one grapheme
        #expect(TextWidth.of("🎨") == 2)
        #expect(TextWidth.of("蝴蝶") == 4)
        #expect(TextWidth.of("👩‍👩‍👧") == 2)
    }

    @Test func wideGraphemesNeverStraddleTheEdge() {
        var b = Buffer(size: Size(width: 5, height: 1))
        let used = b.put("ab🎨🎨", x: 0, y: 0)
        #expect(used == 5)
        #expect(b[2, 0].text == "🎨")
        #expect(b[3, 0].isContinuation)
        #expect(b[4, 0].text == " ")
    }

    @Test func truncationAddsAnEllipsisByWidth() {
        #expect(TextWidth.truncate("Batik Sekar Jagad", to: 8) == "Batik S…")
        #expect(TextWidth.truncate("🎨🎨🎨", to: 4) == "🎨…")
        #expect(TextWidth.pad("12", to: 5, right: true) == "   12")
    }

    @Test func asciiOnlyReplacesWhatALatin1TerminalCannotShow() {
        var b = Buffer(size: Size(width: 10, height: 1), asciiOnly: true)
        b.put("Café🎨 Ñ·—", x: 0, y: 0)
        #expect(b.text == "Cafe? N--\n")
        // The duplicate review's pair arrow reads as a question of sameness.
        var pair = Buffer(size: Size(width: 11, height: 1), asciiOnly: true)
        pair.put("A ↔ B ← C ⚠", x: 0, y: 0)
        #expect(pair.text == "A = B < C !\n")
    }
}

@Suite("Strings")
struct StringsTests {
    /// Every string catalogue: the core one and each feature's.
    static let allCatalogues: [any CatalogueKey.Type] = [StringKey.self, IntakeText.self, CaseText.self, ImportText.self, CaseScreenText.self, UsageText.self, HelpText.self, CaseHelpText.self]

    @Test func everyCatalogueIsCompleteInBothLanguages() {
        for catalogue in Self.allCatalogues { checkComplete(catalogue) }
    }

    private func checkComplete<K: CatalogueKey>(_: K.Type) {
        for key in K.allCases {
            #expect(K.indonesian[key] != nil, "missing Indonesian: \(K.self).\(key)")
            #expect(K.english[key] != nil, "missing English: \(K.self).\(key)")
            #expect(!(K.indonesian[key] ?? "").isEmpty || key.rawValue == "valueNone", "empty: \(K.self).\(key)")
            for i in 0..<6 {
                let id = K.indonesian[key] ?? "", en = K.english[key] ?? ""
                #expect(id.contains("{\(i)}") == en.contains("{\(i)}"), "\(K.self).\(key) placeholder {\(i)}")
            }
        }
        #expect(K.indonesian.count == K.allCases.count)
        #expect(K.english.count == K.allCases.count)
    }

    @Test func indonesianNumbersAndDates() {
        let id = Strings(.id)
        let en = Strings(.en)
        #expect(id.number(12_345) == "12.345")
        #expect(id.number(1_000_000) == "1.000.000")
        #expect(id.number(999) == "999")
        #expect(en.number(12_345) == "12,345")
        // Shortened only when the full figure does not fit, and rounded down.
        #expect(id.number(999_999, fitting: 7) == "999.999")
        #expect(id.number(999_999, fitting: 6) == "999rb")
        #expect(id.number(1_000_000, fitting: 6) == "1,0jt")
        #expect(id.number(1_549_999, fitting: 5) == "1,5jt")
        #expect(id.number(12_345_678, fitting: 5) == "12jt")
        #expect(id.number(12_345, fitting: 5) == "12rb")
        #expect(id.number(999, fitting: 2) == "999")
        #expect(en.number(250_400, fitting: 5) == "250k")
        #expect(en.number(1_500_000, fitting: 5) == "1.5M")
        let d = Day(year: 2022, month: 1, day: 17)!
        #expect(id.longDate(d) == "17 Januari 2022")
        #expect(en.longDate(d) == "17 January 2022")
        #expect(id.mediumDate(Day(year: 2022, month: 8, day: 5)!) == "05 Agu 2022")
        #expect(id.shortDate(d) == "17/01/22")
        #expect(id.weekday(Day(year: 2022, month: 1, day: 31)!) == "Senin")
        #expect(id.format(.companiesCount, id.number(12_345)) == "12.345 perusahaan")
    }

    @Test func everyStageHasLabels() {
        for s in Stage.allCases {
            #expect(!Strings(.id).stage(s).isEmpty)
            #expect(TextWidth.of(Strings(.id).stageShort(s)) <= 11)
            #expect(TextWidth.of(Strings(.en).stageShort(s)) <= 11)
        }
        #expect(Strings(.id).stage(.referred) == "Limpah ke Kejaksaan (SKK)")
    }
}

@Suite("Key map")
struct KeyMapTests {
    @Test func everyCommandHasAKeyAndNoKeyIsBoundTwice() {
        let map = KeyMap.standard
        for c in Command.allCases { #expect(!map.keys(for: c).isEmpty, "\(c) has no key") }
        var seen: Set<Key> = []
        for (_, keys) in map.bindings {
            for k in keys {
                #expect(!seen.contains(k), "\(k) bound twice")
                seen.insert(k)
            }
        }
    }

    @Test func helpListsEveryCommandWithItsKeys() {
        var state = makeState(Size(width: 80, height: 80))
        _ = start(&state)
        _ = update(&state, .key(.char("?")))
        #expect(helpLineCount(state) < 77)
        let text = view(state).text
        for c in Command.allCases {
            #expect(text.contains(c.help(Strings(.id))), "\(c) missing from help")
            let first = Chrome.keyLabel(KeyMap.standard.keys(for: c)[0])
            #expect(text.contains(first), "key \(first) missing from help")
        }
    }
}

@Suite("Labels fit their columns")
struct LabelWidthTests {
    @Test func eventKindsFitTheTimelineColumn() {
        for lang in Language.allCases {
            for k in EventKind.allCases {
                #expect(TextWidth.of(Strings(lang).eventKind(k)) <= 12, "\(lang) \(k)")
            }
        }
    }

    @Test func narrowStatusFitsEightCells() {
        for st in ComplianceStatus.allCases { #expect(TextWidth.of(Strings(.id).statusShort(st)) <= 8) }
    }
}
