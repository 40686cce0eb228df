import KawalDomain
import Testing
@testable import KawalUI

@Suite("Intake in the TUI")
struct IntakeUpdateTests {
    func listState(_ language: Language = .id) -> AppState {
        var state = AppState(size: Size(width: 80, height: 24), language: language, today: Day(year: 2026, month: 11, day: 27)!, readOnly: false)
        let fake = FakeList(total: 40)
        fake.settle(&state, start(&state))
        return state
    }

    @Test func theExportKeyExportsTheListAsShownAndSaysWhere() {
        var state = listState()
        let fake = FakeList(total: 40)
        // A search, a filter and a sort, as the user set them.
        fake.settle(&state, update(&state, .key(.char("/"))))
        for c in "batik" { fake.settle(&state, update(&state, .key(.char(c)))) }
        fake.settle(&state, update(&state, .key(.enter)))
        var q = state.list.query
        q.statuses = [.pwbd]
        q.sort = .deadline
        state.list.query = q

        let effects = update(&state, .key(.char("e")))
        #expect(effects == [.exportList(query: q, fileName: "kawal-perusahaan-2026-11-27", delimiter: .semicolon, language: .id)])
        #expect(state.exporting)
        #expect(view(state).text.contains("Mengekspor daftar yang tampil"))

        // A second press while the first runs does not start another.
        #expect(update(&state, .key(.char("e"))).isEmpty)
        #expect(state.message?.isError == true)

        _ = update(&state, .exportFinished(path: "/data/kawal-perusahaan-2026-11-27.csv", rows: 1_234))
        #expect(!state.exporting)
        #expect(view(state).text.contains("1.234 baris diekspor ke /data/kawal-perusahaan-2026-11-27.csv"))

        // A path too long for the line keeps its end, the file name.
        #expect(!update(&state, .key(.char("e"))).isEmpty)
        let long = "/home/petugas/dokumen/rapat-koordinasi-pemkot/november/minggu-keempat/kawal-perusahaan-2026-11-27-2.csv"
        _ = update(&state, .exportFinished(path: long, rows: 3))
        let line = view(state).text.split(separator: "\n")[22]
        #expect(line.hasPrefix("3 baris diekspor ke …"))
        #expect(line.hasSuffix("/kawal-perusahaan-2026-11-27-2.csv"))
        #expect(TextWidth.of(String(line)) <= 80)
        #expect(!update(&state, .key(.char("e"))).isEmpty)
        _ = update(&state, .exportFailed(message: "Gagal menulis x.csv: No space left on device."))
        #expect(!state.exporting)
        #expect(state.message == Message(text: "Gagal menulis x.csv: No space left on device.", isError: true))
    }

    @Test func inEnglishTheExportUsesCommas() {
        var state = listState(.en)
        let effects = update(&state, .key(.char("e")))
        #expect(effects == [.exportList(query: CompanyQuery(), fileName: "kawal-companies-2026-11-27", delimiter: .comma, language: .en)])
    }
}
