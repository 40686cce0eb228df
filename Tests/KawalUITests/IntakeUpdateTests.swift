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

        // A second press while the first runs does not start another: it asks whether to cancel.
        #expect(update(&state, .key(.char("e"))).isEmpty)
        #expect(state.message?.text == "Ekspor masih berjalan. Batalkan? (y = ya, tombol lain = lanjutkan)")
        // Any other key goes on as usual; the export is still said to be running.
        let cursor = state.list.cursor
        #expect(update(&state, .key(.char("j"))).allSatisfy { $0 != .cancelExport })
        #expect(state.list.cursor == cursor + 1)
        #expect(state.message == nil && state.exportQuestion == nil)
        #expect(view(state).text.split(separator: "\n")[22].hasPrefix("Mengekspor daftar yang tampil"))

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

    /// A million-row list takes half a minute to export: the line above the status bar counts
    /// the rows written against the list's count, and a late report changes nothing.
    @Test func aLongExportSaysHowFarItHasCome() {
        var state = AppState(size: Size(width: 80, height: 24), language: .id, today: Day(year: 2026, month: 11, day: 27)!, readOnly: false)
        FakeList(total: 1_500_000).settle(&state, start(&state))
        _ = update(&state, .key(.char("e")))
        func line() -> String { String(view(state).text.split(separator: "\n", omittingEmptySubsequences: false)[22]) }
        #expect(line() == "Mengekspor daftar yang tampil… · e batalkan")
        _ = update(&state, .exportProgress(rows: 420_000))
        #expect(line() == "Mengekspor daftar yang tampil… 420.000 dari 1.500.000 baris · e batalkan")
        // The user moves on, filters even: the count is the one the export started from.
        _ = update(&state, .key(.char("j")))
        state.list.total = 12
        _ = update(&state, .exportProgress(rows: 440_000))
        #expect(line() == "Mengekspor daftar yang tampil… 440.000 dari 1.500.000 baris · e batalkan")
        _ = update(&state, .exportFinished(path: "/data/k.csv", rows: 1_500_000))
        _ = update(&state, .exportProgress(rows: 1_500_000))
        #expect(state.exportProgress.rows == 440_000)
        #expect(line() == "1.500.000 baris diekspor ke /data/k.csv")

        // A search counted only up to a bound: the rows alone.
        state.list.totalIsExact = false
        _ = update(&state, .key(.char("e")))
        _ = update(&state, .exportProgress(rows: 20_000))
        #expect(line() == "Mengekspor daftar yang tampil… 20.000 baris · e batalkan")
        var en = state
        en.language = .en
        #expect(String(view(en).text.split(separator: "\n", omittingEmptySubsequences: false)[22]) == "Exporting the list as shown… 20,000 rows · e cancels")

        // e, then y: the export is asked to stop, and says so when it has.
        _ = update(&state, .key(.char("e")))
        #expect(update(&state, .key(.char("y"))) == [.cancelExport])
        #expect(state.exporting)
        #expect(line() == "Membatalkan ekspor…")
        _ = update(&state, .exportCancelled)
        #expect(!state.exporting)
        #expect(line() == "Ekspor dibatalkan; tidak ada berkas yang ditulis.")
        // y alone, with nothing asked, is not a cancel.
        _ = update(&state, .key(.char("e")))
        #expect(update(&state, .key(.char("y"))).allSatisfy { $0 != .cancelExport })
    }

    /// q while the export key's file is being written would drop it: Kawal asks first. Any key
    /// but y stays; y quits. With no export running, q quits at once. (Ctrl-C is a signal, the
    /// way out that always works: it quits and removes the half-written file.)
    @Test func quittingDuringAnExportAsksFirst() {
        var state = listState()
        _ = update(&state, .key(.char("e")))
        for _ in 0..<2 {
            _ = update(&state, .key(.char("q")))
            #expect(!state.quit)
            #expect(view(state).text.contains("Ekspor belum selesai; keluar membatalkannya. Keluar?"))
            _ = update(&state, .key(.char("n")))
            #expect(!state.quit && state.exporting)
        }
        _ = update(&state, .key(.char("q")))
        _ = update(&state, .key(.char("y")))
        #expect(state.quit)

        var done = listState()
        _ = update(&done, .key(.char("e")))
        _ = update(&done, .exportFinished(path: "/data/k.csv", rows: 3))
        _ = update(&done, .key(.char("q")))
        #expect(done.quit)
    }

    /// A database with no company yet says how lists come in, not that a search matched nothing;
    /// with a search, it is the search that matched nothing.
    @Test func anEmptyDatabaseSaysHowListsComeIn() {
        var state = AppState(size: Size(width: 80, height: 24), language: .id, today: Day(year: 2026, month: 11, day: 27)!, readOnly: false)
        FakeList(total: 0).settle(&state, start(&state))
        var text = view(state).text
        #expect(text.contains("Belum ada perusahaan di basis data ini."), "\(text)")
        #expect(text.contains("kawal import --source pemkot|bpjs"))
        #expect(!text.contains("Tekan Esc untuk menghapus pencarian"))
        var q = state.list.query
        q.search = "batik"
        FakeList(total: 0).settle(&state, requery(&state, q))
        text = view(state).text
        #expect(text.contains("Tidak ada perusahaan yang cocok."), "\(text)")
    }

    @Test func inEnglishTheExportUsesCommas() {
        var state = listState(.en)
        let effects = update(&state, .key(.char("e")))
        #expect(effects == [.exportList(query: CompanyQuery(), fileName: "kawal-companies-2026-11-27", delimiter: .comma, language: .en)])
    }
}

@Suite("Import history and duplicate review")
struct ReviewUpdateTests {
    static func company(_ id: Int64, _ name: String, workers: Int = 10, kelurahan: String = "Kauman") -> Company {
        Company(id: id, name: name, legalForm: .cv, npwp: nil, nib: nil, npp: nil, sector: Sector.forCode("13134"),
                address: "Jl. Hayam Wuruk No. \(id)", kelurahan: kelurahan, kecamatan: "Pekalongan Timur", phone: "", owner: "Siti",
                estimatedWorkers: workers, registeredWorkers: 0, scale: .kecil, status: .pwbd)
    }

    static func pair(_ id: Int64) -> DuplicatePair {
        DuplicatePair(id: id, existing: company(id * 10, "Batik Sekar \(id)"), incoming: company(id * 10 + 1, "Batik Sekar \(id)", workers: 12),
                      reason: .sameNameSameKelurahan, status: .pending, importRunID: 2, flaggedAt: 1_795_000_000)
    }

    static func run(_ id: Int64) -> ImportRun {
        ImportRun(id: id, source: id % 2 == 0 ? .bpjs : .pemkot, fileName: "/data/impor/daftar-\(id).csv", sha256: String(repeating: "ab", count: 32),
                  actor: "petugas.data", startedAt: 1_795_000_000 + id * 3600, finishedAt: 1_795_000_060 + id * 3600,
                  counts: ImportCounts(read: 10, new: 5, merged: 2, unchanged: 1, flagged: 1, rejected: 1), unknownColumns: ["Keterangan"])
    }

    func listState(readOnly: Bool = false) -> AppState {
        var state = AppState(size: Size(width: 80, height: 24), language: .id, today: Day(year: 2026, month: 11, day: 27)!, readOnly: readOnly)
        FakeList(total: 40).settle(&state, start(&state))
        return state
    }

    /// An import another program makes is said once, on whatever screen is open; the imports
    /// there when the session began are not.
    @Test func anImportMadeElsewhereIsSaidOnce() {
        var state = AppState(size: Size(width: 80, height: 24), language: .id, today: Day(year: 2026, month: 11, day: 27)!, readOnly: false)
        #expect(start(&state).contains(.loadLatestImport))
        _ = update(&state, .latestImportLoaded(Self.run(2)))
        #expect(state.message == nil)
        #expect(update(&state, .databaseChanged).contains(.loadLatestImport))
        _ = update(&state, .latestImportLoaded(Self.run(2)))
        #expect(state.message == nil)
        _ = update(&state, .latestImportLoaded(Self.run(3)))
        #expect(state.message?.text == "Impor #3 (Pemkot, petugas.data): 5 baru, 2 digabung, 1 perlu ditinjau")
        #expect(state.message.map { TextWidth.of($0.text) <= 80 } == true)
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .latestImportLoaded(Self.run(3)))
        #expect(state.message == nil)
        // A database with no import yet: the first one is said too.
        var empty = state
        empty.latestImport = .unknown
        _ = update(&empty, .latestImportLoaded(nil))
        _ = update(&empty, .latestImportLoaded(Self.run(1)))
        #expect(empty.message?.text.hasPrefix("Impor #1 (Pemkot, ") == true)
    }

    /// At 60 columns the counts that need no attention give way, so that the possible
    /// duplicates and the rejected rows keep their columns, headings and figures alike.
    @Test func aNarrowHistoryKeepsTheDuplicatesAndRejectedColumns() {
        var state = listState()
        _ = update(&state, .resized(Size(width: 60, height: 24)))
        _ = update(&state, .key(.char("i")))
        _ = update(&state, .importRunsLoaded(runs: [Self.run(2)], total: 1))
        let lines = view(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasSuffix("Dupl. Tolak"), "\(lines[1])")
        #expect(!lines[1].contains("Sama"))
        // The row's last two figures stand under them: 1 possible duplicate, 1 rejected.
        #expect(lines[2].hasSuffix("    1     1"), "\(lines[2])")
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func theImportHistoryListsRunsAndShowsTheSelectedOnesDetails() {
        var state = listState()
        #expect(update(&state, .key(.char("i"))) == [.loadImportRuns(limit: ImportHistoryState.limit)])
        #expect(view(state).text.contains("Memuat"))
        _ = update(&state, .importRunsLoaded(runs: (1...30).reversed().map(Self.run), total: 30))
        var text = view(state).text
        #expect(text.contains("Riwayat impor"))
        #expect(text.contains("30 impor"))
        #expect(text.contains("daftar-30.csv"))
        #expect(text.contains("/data/impor/daftar-30.csv"))
        #expect(text.contains("petugas.data"))
        #expect(text.contains("Keterangan"))
        // WIB is UTC+7 whatever the machine's zone: 1795000000 + 30 h is 2026-11-19 17:06:40 UTC.
        #expect(text.contains("20/11/26 00:06"))
        for _ in 0..<20 { _ = update(&state, .key(.char("j"))) }
        guard case .importHistory(let h)? = state.stack.last else { Issue.record("not on the history"); return }
        #expect(h.cursor == 20)
        #expect(h.top > 0 && h.cursor < h.top + importHistoryHeight(state.size))
        text = view(state).text
        #expect(text.contains("/data/impor/daftar-10.csv"))
        #expect(!text.contains("Ditolak "))
        // An import whose rejected file is still there says where it is.
        var runs = (1...30).reversed().map(Self.run)
        runs[20].rejectedFile = "/data/impor/daftar-10.csv.rejected.csv"
        _ = update(&state, .importRunsLoaded(runs: runs, total: 30))
        #expect(view(state).text.contains("\n Ditolak  /data/impor/daftar-10.csv.rejected.csv\n"), "\(view(state).text)")
        _ = update(&state, .key(.escape))
        #expect(state.stack.isEmpty)
    }

    @Test func aMillionRowImportFitsTheHistoryTable() {
        var state = listState()
        _ = update(&state, .key(.char("i")))
        var big = Self.run(1)
        big.counts = ImportCounts(read: 1_000_000, new: 500_000, merged: 449_000, unchanged: 1000, flagged: 12_345, rejected: 37_655)
        big.unknownColumns = (1...30).map { "Kolom Tambahan \($0)" }
        _ = update(&state, .importRunsLoaded(runs: [big], total: 1))
        let lines = view(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let row = lines.first(where: { $0.contains("daftar-1.csv") }) else { Issue.record("no row"); return }
        #expect(!row.contains("…"))
        #expect(row.hasSuffix(" 1,0jt 500rb  449rb 1.000  12rb  37rb"))
        // The panel under the table keeps the exact figures, on a second line when they need it.
        let panel = lines.drop { !$0.hasPrefix(" SHA-256") }
        let counts = panel.dropFirst(2).prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(counts == "1.000.000 dibaca: 500.000 baru, 449.000 digabung, 1.000 sama, 12.345 kemungkinan duplikat, 37.655 ditolak",
                "\(lines.joined(separator: "\n"))")
        // Ignored columns fill the panel's last lines and end with an ellipsis, above the message line.
        #expect(lines[20].hasPrefix(" Kolom diabaikan: Kolom Tambahan 1, "))
        #expect(lines[21].hasSuffix("…"))
        #expect(lines[22].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    /// On the smallest terminal the panel stops above the message line.
    @Test func theHistoryPanelKeepsOffTheMessageLineOnASmallTerminal() {
        var state = AppState(size: Size(width: 40, height: 10), language: .id, today: Day(year: 2026, month: 11, day: 27)!, readOnly: false)
        FakeList(total: 40).settle(&state, start(&state))
        _ = update(&state, .key(.char("i")))
        var run = Self.run(1)
        run.rejectedFile = "/data/impor/daftar-1.csv.rejected.csv"
        _ = update(&state, .importRunsLoaded(runs: [run], total: 1))
        state.message = Message(text: "Pesan untuk pengguna", isError: false)
        let lines = view(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[7].hasPrefix(" 10 dibaca: 5 baru, 2 digabung") && lines[7].hasSuffix("…"), "\(lines.joined(separator: "\n"))")
        #expect(lines[8] == "Pesan untuk pengguna")
        #expect(!lines.contains { $0.contains("Ditolak ") })
    }

    @Test func aPairIsMergedOnlyAfterConfirmation() {
        var state = listState()
        #expect(update(&state, .key(.char("D"))) == [.loadDuplicates(page: .first, limit: DuplicateReviewState.limit)])
        let pairs = [Self.pair(1), Self.pair(2), Self.pair(3)]
        _ = update(&state, .duplicatesLoaded(pairs: pairs, pending: 3))
        var text = view(state).text
        #expect(text.contains("Pasangan 1 dari 3"))
        #expect(text.contains("nama sama, kelurahan sama"))
        #expect(text.contains("Sudah ada · #10"))
        #expect(text.contains("Dari impor · #11"))
        _ = update(&state, .key(.char("j")))
        #expect(view(state).text.contains("Pasangan 2 dari 3"))

        // M asks first; n cancels without an effect.
        #expect(update(&state, .key(.char("M"))).isEmpty)
        text = view(state).text
        #expect(text.contains("Gabungkan?"))
        #expect(text.contains("y ya"))
        #expect(update(&state, .key(.char("n"))).isEmpty)
        #expect(!view(state).text.contains("Gabungkan?"))

        // M then y merges the selected pair.
        _ = update(&state, .key(.char("M")))
        #expect(update(&state, .key(.char("y"))) == [.resolveDuplicate(pair: pairs[1], decision: .merge, today: state.today)])
        let effects = update(&state, .duplicateResolved(pair: pairs[1], decision: .merge))
        // The same page is read again, from its first pair.
        #expect(effects.contains(.loadDuplicates(page: .from(1), limit: DuplicateReviewState.limit)))
        // The list behind is read again: a company is gone.
        #expect(effects.contains { if case .loadPage = $0 { return true } else { return false } })
        #expect(view(state).text.contains("Digabung: #21 ke #20"))
        _ = update(&state, .duplicatesLoaded(pairs: [pairs[0], pairs[2]], pending: 2))
        #expect(view(state).text.contains("Pasangan 2 dari 2"))

        // B then Enter keeps the pair apart.
        _ = update(&state, .key(.char("B")))
        #expect(view(state).text.contains("Bukan duplikat?"))
        #expect(update(&state, .key(.enter)) == [.resolveDuplicate(pair: pairs[2], decision: .keepApart, today: state.today)])
        _ = update(&state, .duplicateResolved(pair: pairs[2], decision: .keepApart))
        #expect(view(state).text.contains("Ditandai bukan duplikat: #30 dan #31"))
    }

    /// Before deciding, either company can be opened: Enter the one already there, o the one the
    /// import added. Esc comes back to the same pair.
    @Test func eitherCompanyOfThePairOpens() {
        var state = listState()
        _ = update(&state, .key(.char("D")))
        _ = update(&state, .duplicatesLoaded(pairs: [Self.pair(1), Self.pair(2)], pending: 2))
        _ = update(&state, .key(.char("j")))
        #expect(view(state).text.contains("o Buka impor"))
        #expect(update(&state, .key(.char("o"))) == [.loadDetail(id: 21)])
        guard case .detail(let d)? = state.stack.last else { Issue.record("no detail"); return }
        #expect(d.id == 21)
        _ = update(&state, .key(.escape))
        #expect(view(state).text.contains("Pasangan 2 dari 2"))
        #expect(update(&state, .key(.enter)) == [.loadDetail(id: 20)])
        // A company opened from the review has no next one: the list's next row is unrelated.
        #expect(!state.detailFollowsList)
        #expect(update(&state, .key(.char("n"))).isEmpty && update(&state, .key(.char("N"))).isEmpty)
        guard case .detail(let still)? = state.stack.last else { Issue.record("no detail"); return }
        #expect(still.id == 20)
        #expect(!view(state).text.contains("n Berikut"))
        // Opened from the list, it has.
        var list = listState()
        _ = update(&list, .key(.enter))
        #expect(list.detailFollowsList)
        #expect(update(&list, .key(.char("n"))).contains { if case .loadDetail = $0 { return true } else { return false } })
    }

    /// A queue longer than a page: moving past either end of the page reads the next or the
    /// previous one, G and g read the last and the first, and the header counts in the whole queue.
    @Test func theReviewMovesThroughAQueueLongerThanAPage() {
        var state = listState()
        _ = update(&state, .key(.char("D")))
        let page1 = (1...100).map { Self.pair(Int64($0)) }
        _ = update(&state, .duplicatesLoaded(pairs: page1, pending: 250, first: 0))
        _ = update(&state, .key(.char("G")))
        // G reads the last page; meanwhile the keys wait for it.
        #expect(view(state).text.contains("Pasangan 1 dari 250"))
        #expect(update(&state, .key(.char("G"))).isEmpty)
        let page3 = (151...250).map { Self.pair(Int64($0)) }
        _ = update(&state, .duplicatesLoaded(pairs: page3, pending: 250, first: 150))
        #expect(view(state).text.contains("Pasangan 250 dari 250"))
        #expect(update(&state, .key(.char("j"))).isEmpty)
        // Up from the top of the page reads the page before it, and lands on its last pair.
        for _ in 0..<99 { _ = update(&state, .key(.char("k"))) }
        #expect(view(state).text.contains("Pasangan 151 dari 250"))
        #expect(update(&state, .key(.char("k"))) == [.loadDuplicates(page: .before(151), limit: DuplicateReviewState.limit)])
        let page2 = (51...150).map { Self.pair(Int64($0)) }
        _ = update(&state, .duplicatesLoaded(pairs: page2, pending: 250, first: 50))
        #expect(view(state).text.contains("Pasangan 150 dari 250"))
        // Down from the end of it reads the page after it, and lands on its first pair.
        #expect(update(&state, .key(.char("j"))) == [.loadDuplicates(page: .after(150), limit: DuplicateReviewState.limit)])
        _ = update(&state, .duplicatesLoaded(pairs: page3, pending: 250, first: 150))
        #expect(view(state).text.contains("Pasangan 151 dari 250"))
        #expect(view(state).text.contains("Batik Sekar 151"))
        #expect(update(&state, .key(.char("g"))) == [.loadDuplicates(page: .first, limit: DuplicateReviewState.limit)])
        _ = update(&state, .duplicatesLoaded(pairs: page1, pending: 250, first: 0))
        #expect(view(state).text.contains("Pasangan 1 dari 250"))
        // Page keys move a screenful of the list below the pair (7 rows at 80x24), and on into
        // the next page of the queue from the end of this one.
        #expect(DuplicateReviewScreen.listRows(state.size) == 7)
        _ = update(&state, .key(.pageDown))
        #expect(view(state).text.contains("Pasangan 8 dari 250"))
        _ = update(&state, .key(.pageUp))
        #expect(view(state).text.contains("Pasangan 1 dari 250"))
        for _ in 0..<15 { _ = update(&state, .key(.pageDown)) }
        #expect(view(state).text.contains("Pasangan 100 dari 250"))
        #expect(update(&state, .key(.pageDown)) == [.loadDuplicates(page: .after(100), limit: DuplicateReviewState.limit)])
        _ = update(&state, .duplicatesLoaded(pairs: page2.map { Self.pair($0.id + 50) }, pending: 250, first: 100))
        #expect(view(state).text.contains("Pasangan 101 dari 250"))
        #expect(update(&state, .key(.pageUp)) == [.loadDuplicates(page: .before(101), limit: DuplicateReviewState.limit)])
        _ = update(&state, .duplicatesLoaded(pairs: page1, pending: 250, first: 0))
        #expect(view(state).text.contains("Pasangan 100 dari 250"))
        _ = update(&state, .key(.char("g")))
        // A page all decided elsewhere, with pairs before it: the last of them are read.
        _ = update(&state, .key(.char("G")))
        _ = update(&state, .duplicatesLoaded(pairs: page3, pending: 250, first: 150))
        #expect(update(&state, .duplicatesLoaded(pairs: [], pending: 150, first: 0)) == [.loadDuplicates(page: .last, limit: DuplicateReviewState.limit)])
        _ = update(&state, .duplicatesLoaded(pairs: Array(page2.suffix(100)), pending: 150, first: 50))
        #expect(view(state).text.contains("Pasangan 150 dari 150"))
    }

    /// BPJAMSOSTEK's list has no kelurahan and no KBLI: its side shows the kecamatan, and a
    /// dash for the sector, like every other value it does not give.
    @Test func aPairFromTheBPJSListShowsItsKecamatanAndNoSector() {
        var state = listState()
        _ = update(&state, .key(.char("D")))
        var incoming = Self.company(21, "Batik Sekar", kelurahan: "")
        incoming.sector = Sector.forCode("")
        let pair = DuplicatePair(id: 1, existing: Self.company(20, "Batik Sekar"), incoming: incoming,
                                 reason: .sameNameSimilarAddress, status: .pending, importRunID: 2, flaggedAt: 1_795_000_000)
        _ = update(&state, .duplicatesLoaded(pairs: [pair], pending: 1))
        let lines = view(state).text.split(separator: "\n").map(String.init)
        let place = lines.first { $0.hasPrefix(" Kelurahan ") } ?? ""
        #expect(place.hasSuffix("│ Timur"), "\(place)")
        #expect(place.contains("Kauman, Timur"))
        let kbli = lines.first { $0.hasPrefix(" KBLI ") } ?? ""
        #expect(kbli.hasSuffix("│ —"), "\(kbli)")
    }

    /// Values that differ are highlighted; an address or an owner BPJAMSOSTEK writes in
    /// capitals without punctuation is the same value, and is not.
    @Test func onlyValuesThatReallyDifferAreHighlighted() {
        var state = listState()
        _ = update(&state, .key(.char("D")))
        var existing = Self.company(20, "Batik Sekar"), incoming = Self.company(21, "Batik Sekar", workers: 12)
        existing.address = "Jl. Hayam Wuruk No. 7"
        incoming.address = "JL HAYAM WURUK 7"
        existing.owner = "Hj. Siti"
        incoming.owner = "HJ SITI"
        let pair = DuplicatePair(id: 1, existing: existing, incoming: incoming,
                                 reason: .sameNameSimilarAddress, status: .pending, importRunID: 2, flaggedAt: 1_795_000_000)
        _ = update(&state, .duplicatesLoaded(pairs: [pair], pending: 1))
        let screen = view(state)
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func highlighted(_ label: String) -> Bool {
            guard let y = lines.firstIndex(where: { $0.hasPrefix(" \(label) ") }) else { Issue.record("no \(label) row"); return false }
            return screen[11, y].style == .warning
        }
        #expect(!highlighted("Alamat") && !highlighted("Pemilik") && !highlighted("Nama"))
        #expect(highlighted("TK"))
        // A name the other list writes in capitals, with a dot, is the same name.
        var capitals = incoming
        capitals.name = "BATIK SEKAR."
        _ = update(&state, .duplicatesLoaded(pairs: [DuplicatePair(id: 1, existing: existing, incoming: capitals, reason: .sameNameSimilarAddress,
                                                                   status: .pending, importRunID: 2, flaggedAt: 1_795_000_000)], pending: 1))
        let named = view(state)
        let nameY = named.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(" Nama ") } ?? 0
        #expect(named[11, nameY].style != .warning)
        capitals.legalForm = .pt
        _ = update(&state, .duplicatesLoaded(pairs: [DuplicatePair(id: 1, existing: existing, incoming: capitals, reason: .sameNameSimilarAddress,
                                                                   status: .pending, importRunID: 2, flaggedAt: 1_795_000_000)], pending: 1))
        #expect(view(state)[11, nameY].style == .warning)
        incoming.address = "JL HAYAM WURUK 17"
        _ = update(&state, .duplicatesLoaded(pairs: [DuplicatePair(id: 1, existing: existing, incoming: incoming, reason: .sameNameSimilarAddress,
                                                                   status: .pending, importRunID: 2, flaggedAt: 1_795_000_000)], pending: 1))
        let moved = view(state)
        let y = moved.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(" Alamat ") } ?? 0
        #expect(moved[11, y].style == .warning)
    }

    /// Each company's case is shown, and marked when both are open: merging then closes one.
    @Test func theCasesAreShownAndMarkedWhenBothAreOpen() {
        var state = listState()
        _ = update(&state, .key(.char("D")))
        let day = Day(year: 2026, month: 11, day: 2)!
        func pair(_ existing: Stage?, _ incoming: Stage?) -> DuplicatePair {
            DuplicatePair(id: 1, existing: Self.company(20, "Batik Sekar"), incoming: Self.company(21, "Batik Sekar"),
                          reason: .sameNameSimilarAddress, status: .pending, importRunID: 2, flaggedAt: 1_795_000_000,
                          existingCase: existing.map { ComplianceCase(id: 7, companyID: 20, stage: $0, openedOn: day, nextDeadline: nil, assignee: nil) },
                          incomingCase: incoming.map { ComplianceCase(id: 9, companyID: 21, stage: $0, openedOn: day, nextDeadline: nil, assignee: nil) })
        }
        func row(_ p: DuplicatePair) -> (text: String, marked: Bool) {
            _ = update(&state, .duplicatesLoaded(pairs: [p], pending: 1))
            let screen = view(state)
            let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let y = lines.firstIndex(where: { $0.hasPrefix(" Kasus ") }) else { Issue.record("no Kasus row"); return ("", false) }
            return (lines[y], screen[11, y].style == .warning)
        }
        let both = row(pair(.warning1, .identified))
        #expect(both.text.contains("#7 Teguran I") && both.text.hasSuffix("│ #9 Teridentif."), "\(both.text)")
        #expect(both.marked)
        #expect(!row(pair(.warning1, .closed)).marked)
        let none = row(pair(nil, .identified))
        #expect(none.text.contains("Kasus     —") && !none.marked, "\(none.text)")
    }

    /// On a short terminal the merge question still says who goes into whom, that it cannot be
    /// undone, and which keys answer it.
    @Test func theMergeQuestionFitsAShortTerminal() {
        for (size, language, warning, keys) in [(Size(width: 40, height: 10), Language.id, "Tidak dapat", "y ya · n/Esc batal"),
                                                (Size(width: 60, height: 15), .id, "Tidak dapat dibatalkan.", "y ya · n/Esc batal"),
                                                (Size(width: 40, height: 10), .en, "be undone.", "y yes · n/Esc cancel")] {
            var state = listState()
            state.language = language
            _ = update(&state, .resized(size))
            _ = update(&state, .key(.char("D")))
            _ = update(&state, .duplicatesLoaded(pairs: [Self.pair(1)], pending: 1))
            _ = update(&state, .key(.char("M")))
            let text = view(state).text
            #expect(text.contains(keys), "\(text)")
            #expect(text.contains(warning), "\(text)")
            #expect(text.contains("#11"), "\(text)")
        }
    }

    /// A question on screen is about one pair. When another Kawal decides that pair and the
    /// review is read again, the question goes, and y then decides nothing; a refresh that
    /// keeps the pair keeps the question on it.
    @Test func aConfirmationIsWithdrawnWhenItsPairIsDecidedElsewhere() {
        var state = listState()
        _ = update(&state, .key(.char("D")))
        let pairs = [Self.pair(1), Self.pair(2), Self.pair(3)]
        _ = update(&state, .duplicatesLoaded(pairs: pairs, pending: 3))
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("M")))
        #expect(view(state).text.contains("Gabungkan?"))
        // Pair 3 decided elsewhere: the question about pair 2 stays.
        _ = update(&state, .duplicatesLoaded(pairs: [pairs[0], pairs[1]], pending: 2))
        #expect(view(state).text.contains("Gabungkan?"))
        #expect(view(state).text.contains("#21"))
        // Pair 2 decided elsewhere: pair 3 (or 1) takes its place, and no question is left on it.
        _ = update(&state, .duplicatesLoaded(pairs: [pairs[0], pairs[2]], pending: 2))
        let text = view(state).text
        #expect(!text.contains("Gabungkan?"))
        #expect(text.contains("Pasangan yang ditanyakan sudah diputuskan orang lain"))
        #expect(update(&state, .key(.char("y"))).isEmpty)
        // Asked again, the question is about the pair now selected.
        _ = update(&state, .key(.char("B")))
        let selected = state.stack.last.flatMap { if case .duplicates(let r) = $0 { return r.selected } else { return nil } }
        #expect(update(&state, .key(.char("y"))) == [.resolveDuplicate(pair: selected!, decision: .keepApart, today: state.today)])
    }

    @Test func aPairDecidedElsewhereOrAReadOnlyDatabaseIsExplained() {
        var state = listState(readOnly: true)
        _ = update(&state, .key(.char("D")))
        _ = update(&state, .duplicatesLoaded(pairs: [Self.pair(1)], pending: 1))
        #expect(update(&state, .key(.char("M"))).isEmpty)
        #expect(state.message?.isError == true)
        #expect(!view(state).text.contains("Gabungkan?"))

        var rw = listState()
        _ = update(&rw, .key(.char("D")))
        _ = update(&rw, .duplicatesLoaded(pairs: [Self.pair(1)], pending: 1))
        _ = update(&rw, .key(.char("B")))
        _ = update(&rw, .key(.char("y")))
        let effects = update(&rw, .duplicateResolveFailed(pair: Self.pair(1), failure: .alreadyDecided(.merged)))
        #expect(effects == [.loadDuplicates(page: .from(1), limit: DuplicateReviewState.limit)])
        #expect(view(rw).text.contains("Sudah diputuskan orang lain (digabung)"))
        _ = update(&rw, .duplicatesLoaded(pairs: [], pending: 0))
        #expect(view(rw).text.contains("Tidak ada kemungkinan duplikat"))
    }

    /// BPJAMSOSTEK's list has no KBLI, kelurahan, owner or phone: a company only it lists shows
    /// dashes there, not a stray label, comma or gap.
    @Test func aCompanyOnlyBPJAMSOSTEKListsShowsDashesForWhatItDoesNotGive() throws {
        var state = listState()
        let row = try ImportRecord.check(
            ["87654321", "Toko Biasa Saja", "", "", "Pekalongan Barat", "PWBD", "0", "5"],
            header: ImportLayout.match(header: ["NPP", "Nama Perusahaan", "NPWP", "Alamat", "Kecamatan", "Status Kepesertaan", "TK Terdaftar", "TK Potensi"],
                                       source: .bpjs),
            source: .bpjs).get()
        var company = row.newCompany()
        company.id = 7
        state.stack.append(.detail(DetailState(id: 7)))
        _ = update(&state, .detailLoaded(id: 7, detail: CompanyDetail(company: company, sources: [], complianceCase: nil, events: [])))
        let lines = view(state).text.split(separator: "\n").map { String($0.prefix(50)) }
        let profile = Array(lines[5...9])
        #expect(profile == [
            " KBLI    —                                        ",
            " Alamat  —                                        ",
            "         Pekalongan Barat                         ",
            " Pemilik —                                        ",
            " Skala   kecil · Status PWBD                      ",
        ], "\(profile)")
        company.owner = "Siti"
        company.phone = "0285-411"
        company.kelurahan = "Kergon"
        _ = update(&state, .detailLoaded(id: 7, detail: CompanyDetail(company: company, sources: [], complianceCase: nil, events: [])))
        let text = view(state).text
        #expect(text.contains(" Pemilik Siti · Telp. 0285-411 ") && text.contains(" Kergon, Pekalongan Barat "), "\(text)")
        company.owner = ""
        _ = update(&state, .detailLoaded(id: 7, detail: CompanyDetail(company: company, sources: [], complianceCase: nil, events: [])))
        #expect(view(state).text.contains(" Pemilik Telp. 0285-411 "))
    }

    /// A list that gives no worker count leaves it unknown: the detail and the review show a
    /// dash for it, its scale and the unprotected workers, not 0, "mikro" and 0.
    @Test func aWorkerCountNoListGaveIsShownAsUnknown() throws {
        var state = listState()
        let row = try ImportRecord.check(["Toko Tanpa Angka", "Jl. A 1", "Kauman", "Pekalongan Timur"],
                                         header: ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan"], source: .pemkot),
                                         source: .pemkot).get()
        var company = row.newCompany()
        company.id = 8
        state.stack.append(.detail(DetailState(id: 8)))
        _ = update(&state, .detailLoaded(id: 8, detail: CompanyDetail(company: company, sources: [], complianceCase: nil, events: [])))
        var text = view(state).text
        #expect(text.contains(" Skala   — · Status PWBD "), "\(text)")
        #expect(text.contains(" TK      — est. · 0 terdaftar · — belum "), "\(text)")
        company.estimatedWorkers = 4
        company.scale = .forWorkers(4)
        _ = update(&state, .detailLoaded(id: 8, detail: CompanyDetail(company: company, sources: [], complianceCase: nil, events: [])))
        text = view(state).text
        #expect(text.contains(" TK      4 est. · 0 terdaftar · 4 belum "), "\(text)")
    }

    @Test func conflictingSourcesShowBothValuesWithTheirSources() {
        var state = listState()
        var company = Self.company(5, "Batik Sekar", workers: 12)
        company.npwp = NPWP.make(prefix8: "01234567", tail6: "511000")
        let detail = CompanyDetail(company: company, sources: [
            SourcedValue(field: "estimatedWorkers", source: .pemkot, value: "12"),
            SourcedValue(field: "estimatedWorkers", source: .bpjs, value: "20"),
            SourcedValue(field: "address", source: .pemkot, value: "Jl. Hayam Wuruk No. 5"),
            SourcedValue(field: "address", source: .bpjs, value: "Jl. Hayam Wuruk 15"),
            // The same name, as BPJAMSOSTEK writes names: no conflict.
            SourcedValue(field: "name", source: .pemkot, value: "Batik Sekar"),
            SourcedValue(field: "name", source: .bpjs, value: "BATIK SEKAR"),
            SourcedValue(field: "npwp", source: .pemkot, value: company.npwp!.digits),
            SourcedValue(field: "npwp", source: .bpjs, value: company.npwp!.digits),
        ], complianceCase: nil, events: [])
        state.stack.append(.detail(DetailState(id: 5)))
        _ = update(&state, .detailLoaded(id: 5, detail: detail))
        #expect(view(state).text.contains("2 data berbeda antar sumber"))
        _ = update(&state, .key(.char("v")))
        let text = view(state).text
        #expect(text.contains("Sumber data"))
        let workers = text.split(separator: "\n").first { $0.contains("TK potensi") }.map(String.init) ?? ""
        #expect(workers.contains("12") && workers.contains("20"), "\(text)")
        #expect(text.contains("Pemkot") && text.contains("BPJS"))
        let panel = text.split(separator: "\n").drop { !$0.contains("Sumber data") }
        #expect(!panel.contains { $0.contains("NPWP") || $0.contains("BATIK SEKAR") }, "agreeing sources are not listed")
        // Esc closes the panel, not the detail.
        _ = update(&state, .key(.escape))
        guard case .detail(let d)? = state.stack.last else { Issue.record("left the detail"); return }
        #expect(!d.showSources)
    }
}

@Suite("Intake screens from the worklist")
struct IntakeFromWorklistTests {
    @Test func anOfficerOnTheWorklistReachesTheImportHistoryAndTheReview() {
        var state = AppState(size: Size(width: 80, height: 24), language: .id, today: Day(year: 2026, month: 11, day: 27)!,
                             readOnly: false, officer: ActingOfficer(login: "dewi", name: "Dewi", role: .petugas, hasOpenCases: true))
        guard state.root == .worklist else { Issue.record("an officer starts on the worklist"); return }
        #expect(update(&state, .key(.char("i"))) == [.loadImportRuns(limit: ImportHistoryState.limit)])
        _ = update(&state, .key(.escape))
        #expect(state.stack.isEmpty && state.root == .worklist)
        #expect(update(&state, .key(.char("D"))) == [.loadDuplicates(page: .first, limit: DuplicateReviewState.limit)])
        guard case .duplicates? = state.stack.last else { Issue.record("the review did not open"); return }
    }
}
