import Foundation
import Testing

/// `kawal case`, `kawal letter`, `kawal officer`, `kawal holiday` as scripts use them.
@Suite("Case command line")
struct CaseCommandTests {
    /// A demo database in a folder of its own.
    static func demo(companies: Int = 300) throws -> (folder: URL, path: String) {
        let dir = Harness.tempDir("kawal-case")
        let path = dir.appendingPathComponent("kawal.sqlite").path
        let r = try Harness.kawal(["demo", "--db", path, "--companies", String(companies), "--today", Harness.goldenToday])
        try #require(r.status == 0, "\(r.stderr)")
        return (dir, path)
    }

    /// `query`'s answer from the sqlite3 shell, which waits for a lock as Kawal does: the shared
    /// demo database is open in other tests at the same time, and a connection closing there
    /// checkpoints its write-ahead log.
    static func sql(_ path: String, _ query: String) throws -> String {
        let r = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 20000", path, query])
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything a case action may write.
    static func written(_ path: String) throws -> String {
        try sql(path, """
            SELECT (SELECT count(*) || '/' || max(id) FROM case_event), (SELECT group_concat(year || ':' || last) FROM letter_sequence),
                (SELECT group_concat(id || stage || ifnull(next_deadline, '') || ifnull(escalation_opens, '') || ifnull(promise_until, '')
                    || ifnull(referral_requested_by, '')) FROM compliance_case),
                (SELECT group_concat(registered_workers || status) FROM company)
            """)
    }

    /// Walks one case from identified to referred, hitting each guard once: every refusal exits
    /// 3 with its reason on stderr and writes nothing. The approval comes from another OS user.
    @Test func aCaseClimbsTheWholeLadderAndEveryGuardHolds() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
              getpwnam("nobody") != nil, getpwnam("daemon") != nil else { return }
        let (dir, db) = try Self.demo()
        // Other users write this database too: the folder and files are theirs as much as root's.
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) { chmod(dir.appendingPathComponent(name).path, 0o666) }
        chmod(dir.path, 0o777)
        let id = try Self.sql(db, "SELECT id FROM compliance_case WHERE stage = 'identified' ORDER BY id LIMIT 1")
        try #require(!id.isEmpty)

        func as_(_ user: String?, _ today: String, _ args: [String]) throws -> Harness.Result {
            let full = args + ["--db", db, "--today", today]
            guard let user else { return try Harness.kawal(full) }
            let group = user == "nobody" ? "nogroup" : user
            return try Harness.run("/usr/bin/setpriv", ["--reuid=\(user)", "--regid=\(group)", "--clear-groups", Harness.binary] + full)
        }
        func done(_ today: String, _ args: [String], by user: String? = nil, says: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try as_(user, today, args)
            #expect(r.status == 0, "\(args): \(r.stderr)", sourceLocation: sourceLocation)
            if let says { #expect(r.stdout.contains(says), "\(r.stdout)", sourceLocation: sourceLocation) }
        }
        func refused(_ today: String, _ args: [String], by user: String? = nil, because reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try Self.written(db)
            let r = try as_(user, today, args)
            #expect(r.status == 3, "\(args): \(r.status) \(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.contains(reason), "\(args): \(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(try Self.written(db) == before, "\(args) wrote something", sourceLocation: sourceLocation)
        }

        // A login the branch does not know may browse, and is told why it cannot act.
        try done("2026-12-01", ["case", "show", id], by: "nobody", says: "Teridentifikasi")
        try refused("2026-12-01", ["case", "note", id, "Coba"], by: "nobody", because: "belum terdaftar sebagai petugas")
        try refused("2026-12-01", ["officer", "add", "daemon", "--name", "Teguh Santoso", "--role", "supervisor"], by: "nobody",
                    because: "kawal officer add nobody")
        // The creator of the database is its admin and registers the supervisors.
        try done("2026-12-01", ["officer", "add", "nobody", "--name", "Sri Rahayu", "--role", "supervisor"], says: "Sri Rahayu")
        try done("2026-12-01", ["officer", "add", "daemon", "--name", "Teguh Santoso", "--role", "supervisor"])
        let officers = try Harness.kawal(["officer", "list", "--db", db])
        #expect(officers.stdout.contains("Sri Rahayu") && officers.stdout.contains("Supervisor"))

        // One stage at a time.
        try refused("2026-12-01", ["case", "escalate", id, "--to", "warning1", "--reason", "Tidak kooperatif"],
                    because: "naikkan dulu ke Pemberitahuan/Sosialisasi")
        try done("2026-12-01", ["case", "escalate", id, "--to", "notified", "--reason", "Surat dikirim manual"], says: "Pemberitahuan")
        try done("2026-12-01", ["case", "escalate", id, "--to", "visited", "--reason", "Dikunjungi tanpa berita acara"])
        // Teguran I needs a persuasive contact on record.
        try refused("2026-12-02", ["case", "log-letter", id, "--kind", "warning1"], because: "kontak persuasif")
        try done("2026-12-02", ["case", "log-visit", id, "--kind", "kunjungan", "--date", "02/12/2026", "--outcome", "met",
                                "--workers", "12", "--note", "Pemilik bersedia", "--promise", "2026-12-15"], says: "15 Des 2026")
        // An open promise holds escalation until its day has passed.
        try refused("2026-12-15", ["case", "log-letter", id, "--kind", "warning1"], because: "s/d 15 Des 2026")
        try done("2026-12-16", ["case", "log-letter", id, "--kind", "warning1"], says: "Teguran I")
        // Teguran II: 10 working days after Teguran I, past Christmas and New Year.
        try refused("2026-12-31", ["case", "log-letter", id, "--kind", "warning2"],
                    because: "Teguran II bisa dikirim mulai Senin, 4 Januari 2027 (10 hari kerja setelah Teguran I)")
        try done("2027-01-04", ["case", "log-letter", id, "--kind", "warning2"], says: "Teguran II")
        // The examination: after Teguran II's deadline (Isra Mikraj on 6 January does not count).
        try refused("2027-01-19", ["case", "log-visit", id, "--kind", "pemeriksaan", "--date", "2027-01-19", "--outcome", "met", "--bap", "BAP/7/PKL/2027"],
                    because: "Pemeriksaan bisa dilakukan mulai Rabu, 20 Januari 2027")
        try done("2027-01-20", ["case", "log-visit", id, "--kind", "pemeriksaan", "--date", "2027-01-20", "--outcome", "refused"], says: "Pemeriksaan")
        // The sanction recommendation needs a BAP.
        try refused("2027-01-20", ["case", "log-letter", id, "--kind", "sanctionRecommendation"], because: "nomor BAP")
        try done("2027-01-21", ["case", "log-visit", id, "--kind", "pemeriksaan", "--date", "2027-01-21", "--outcome", "met", "--bap", "BAP/7/PKL/2027"])
        try done("2027-01-21", ["case", "log-letter", id, "--kind", "sanctionRecommendation"], says: "Rekomendasi Sanksi")
        // The referral: 30 days at the sanction stage, a justification, a supervisor who did not ask.
        try refused("2027-02-19", ["case", "escalate", id, "--to", "referred", "--reason", "Tidak ada itikad baik"], by: "nobody",
                    because: "mulai Sabtu, 20 Februari 2027 (30 hari")
        try refused("2027-02-22", ["case", "escalate", id, "--to", "referred", "--reason", " "], by: "nobody", because: "justifikasi tertulis")
        try refused("2027-02-22", ["case", "approve", id], by: "nobody", because: "Belum ada permintaan limpah")
        try done("2027-02-22", ["case", "escalate", id, "--to", "referred", "--reason", "Tidak ada itikad baik setelah TMP2T"], by: "nobody",
                 says: "menunggu persetujuan")
        try refused("2027-02-22", ["case", "approve", id], by: "nobody", because: "petugas yang mengajukannya")
        try refused("2027-02-22", ["case", "approve", id], because: "Hanya Supervisor")
        try done("2027-02-23", ["case", "approve", id], by: "daemon", says: "Limpah ke Kejaksaan")
        try refused("2027-02-23", ["case", "escalate", id, "--to", "referred", "--reason", "Lagi"], because: "tahap tertinggi")

        // The history says who did what, and the case shows it is referred.
        let show = try Harness.kawal(["case", "show", id, "--db", db, "--today", "2027-02-23", "--json"])
        #expect(show.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(json["stage"] as? String == "referred")
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.contains { $0["kind"] as? String == "approvalRequest" && $0["actor"] as? String == "nobody" })
        #expect(events.contains { $0["kind"] as? String == "approval" && $0["actor"] as? String == "daemon" })
        let actions = try #require(json["actions"] as? [[String: Any]])
        #expect(actions.contains { $0["action"] as? String == "escalate" && $0["refusal"] as? String == "noHigherStage" })
        let text = try Harness.kawal(["case", "show", id, "--db", db, "--today", "2027-02-23", "--lang", "en"])
        #expect(text.stdout.contains("Teguh Santoso") && text.stdout.contains("Next actions:"))
        // The letters were numbered and kept as sent.
        let letter = try Harness.kawal(["letter", id, "--kind", "warning1", "--db", db, "--today", "2027-02-23"])
        #expect(letter.stdout.contains("TEGURAN TERTULIS PERTAMA") && letter.stdout.contains("16 Desember 2026"))
        #expect(letter.stdout.contains("/TGR1/KC-PKL/XII/2026"))
        let out = dir.appendingPathComponent("skk.txt").path
        let draft = try Harness.kawal(["letter", id, "--kind", "referral", "--db", db, "--today", "2027-02-23", "--out", out])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Kejaksaan Negeri"))
    }

    @Test func usageErrorsExitTwoAndOtherFailuresOne() throws {
        let db = Harness.demoDatabase
        for (args, word) in [(["case", "log-letter", "1", "--kind", "teguran3"], "teguran3"), (["case", "show", "987654"], "987654"),
                             (["case", "list", "--stage", "lunas"], "lunas"), (["case", "log-letter", "1"], "--kind"),
                             (["case", "close", "1", "--reason", "bosan"], "bosan"), (["case", "promise", "1", "--until", "31/02/2027"], "31/02/2027"),
                             (["officer", "add", "x y", "--name", "X", "--role", "petugas"], "x y")] {
            let r = try Harness.kawal(args + ["--db", db, "--today", Harness.goldenToday])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(word), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        let broken = try Self.demo(companies: 20)
        let folder = broken.folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{{#company_name}} tanpa penutup".write(to: folder.appendingPathComponent("notification.mustache"), atomically: true, encoding: .utf8)
        let id = try Self.sql(broken.path, "SELECT id FROM compliance_case WHERE stage NOT IN ('compliant', 'closed') ORDER BY id LIMIT 1")
        let before = try Self.written(broken.path)
        let r = try Harness.kawal(["case", "log-letter", id, "--kind", "notification", "--db", broken.path, "--today", Harness.goldenToday])
        #expect(r.status == 1)
        #expect(r.stderr.contains("notification.mustache") && r.stderr.contains("rusak"), "\(r.stderr)")
        #expect(try Self.written(broken.path) == before)
    }

    /// Two processes logging letters at the same moment never share a number.
    @Test func twoWritersNeverShareALetterNumber() throws {
        let (_, db) = try Self.demo()
        let ids = try Self.sql(db, "SELECT id FROM compliance_case WHERE stage NOT IN ('compliant', 'closed', 'identified') ORDER BY id LIMIT 40")
            .split(separator: "\n").map(String.init)
        try #require(ids.count == 40)
        let before = Int(try Self.sql(db, "SELECT count(*) FROM case_event WHERE kind = 'letter'"))!
        let halves = [Array(ids[..<20]), Array(ids[20...])]
        let script = """
            trap : INT
            ok=0
            for id in "$@"; do "$KAWAL" case log-letter "$id" --kind notification --db "$DB" --today \(Harness.goldenToday) >/dev/null && ok=$((ok+1)); done
            echo $ok
            """
        let results = UnsafeMutableTransferBox<[Harness.Result?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = try? Harness.run("/bin/sh", ["-c", script, "sh"] + halves[i], environment: ["KAWAL": Harness.binary, "DB": db])
            results.lock.withLock { results.value[i] = r }
        }
        for r in results.value {
            #expect(r?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "20", "\(r?.stderr ?? "")")
        }
        #expect(Int(try Self.sql(db, "SELECT count(*) FROM case_event WHERE kind = 'letter'")) == before + 40)
        let numbers = try Self.sql(db, "SELECT count(*), count(DISTINCT json_extract(detail, '$.letterNumber')) FROM case_event WHERE letter_body IS NOT NULL")
        #expect(numbers == "40|40")
        let all = try Self.sql(db, "SELECT count(*) - count(DISTINCT json_extract(detail, '$.letterNumber')) FROM case_event WHERE kind = 'letter'")
        #expect(all == "0")
    }

    @Test func theHolidayTableIsEditableByTheAdmin() throws {
        let (_, db) = try Self.demo(companies: 10)
        let list = try Harness.kawal(["holiday", "list", "--year", "2026", "--db", db])
        #expect(list.stdout.split(separator: "\n").count == 17)
        #expect(list.stdout.contains("2026-03-19  Kamis   Hari Suci Nyepi"))
        #expect(try Harness.kawal(["holiday", "add", "2026-12-24", "Cuti bersama Natal", "--db", db]).status == 0)
        #expect(try Harness.kawal(["holiday", "list", "--year", "2026", "--db", db]).stdout.contains("Cuti bersama Natal"))
        #expect(try Harness.kawal(["holiday", "remove", "24/12/2026", "--db", db]).status == 0)
        let again = try Harness.kawal(["holiday", "remove", "2026-12-24", "--db", db])
        #expect(again.status == 1 && again.stderr.contains("2026-12-24"))
    }
}

/// A value shared by the threads of a test, behind a lock.
final class UnsafeMutableTransferBox<T>: @unchecked Sendable {
    let lock = NSLock()
    var value: T
    init(_ value: T) { self.value = value }
}
