import Foundation
import Testing

/// Data intake in a real terminal: the export key, the import history, the duplicate review.
@Suite("Intake in the terminal", .serialized)
struct IntakeTerminalTests {
    /// Starts kawal in tmux in `folder` (where the export key writes).
    func start(db: String, folder: URL, lang: String = "id") throws -> TmuxSession {
        let cmd = "trap : INT; cd \(folder.path) && env TERM=xterm-256color LANG=C.UTF-8 \(Harness.binary) --db \(db) --today \(Harness.goldenToday) --lang \(lang)"
        let session = try TmuxSession(command: "sh -c '\(cmd)'")
        try session.leaveWorklist()
        return session
    }

    @Test func theExportKeyWritesWhatTheListShows() throws {
        let folder = Harness.tempDir("kawal-export-key")
        let t = try start(db: Harness.demoDatabase, folder: folder)
        try t.waitFor("3.000 perusahaan")
        try t.send("/")
        try t.send("batik", literal: true)
        try t.send("Enter")
        let screen = try t.waitUntil("the search count") { $0.contains("Cari: \"batik\"") && !$0.contains("menghitung") && !$0.contains("+ perusahaan") }
        let header = try #require(screen.split(separator: "\n").first)
        let shown = try #require(Int(header.split(separator: " ").dropLast().last?.replacingOccurrences(of: ".", with: "") ?? ""))
        try t.send("e")
        let done = try t.waitFor("baris diekspor ke")
        let path = folder.appendingPathComponent("kawal-perusahaan-\(Harness.goldenToday).csv").path
        let shownText = header.split(separator: " ").dropLast().last.map(String.init) ?? ""
        #expect(done.contains("\(shownText) baris diekspor ke"), "\(done)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0].hasPrefix("ID Perusahaan;Nama Usaha;"))
        #expect(lines.count == shown + 1)
        // A second export never overwrites the first.
        try t.send("e")
        try t.waitFor("-2.csv")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kawal-perusahaan-\(Harness.goldenToday)-2.csv").path))
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
    }
}
