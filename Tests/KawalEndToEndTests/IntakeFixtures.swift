import Foundation
import KawalDomain
import Testing

/// The golden demo database after a month of intake: a Pemkot and a BPJAMSOSTEK list imported
/// through the real `kawal import`, leaving an import history, possible duplicates waiting for
/// review and a company whose sources disagree.
///
/// Built from the golden demo (a copy: the other goldens keep their 3,000 companies) and the
/// rows of companies read from it with `kawal export`, so it is the same on every machine. The
/// import records who ran it and when; those are set to fixed values afterwards (`sqlite3`), so
/// the screens do not depend on the login or the clock.
enum IntakeFixture {
    static let database: String = {
        do { return try build() } catch { preconditionFailure("intake fixture: \(error)") }
    }()

    struct Row: Decodable {
        var company_id: Int64
        var name: String
        /// Null when never given (stored as Perorangan).
        var legal_form: String?
        var npwp: String?
        var npp: String?
        var address: String?
        var kelurahan: String?
        var kecamatan: String?
        var kbli: String?
        /// Null when never given (stored as 0).
        var estimated_workers: Int?
        var registered_workers: Int
        var status: String
        var stage: String?
    }

    static func build() throws -> String {
        let dir = Harness.tempDir("kawal-intake")
        let db = dir.appendingPathComponent("intake.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: db)
        let export = try Harness.kawal(["export", "companies", "--db", db, "--format", "json"])
        guard export.status == 0 else { throw HarnessError("export: \(export.stderr)") }
        let rows = try JSONDecoder().decode([Row].self, from: Data(export.stdout.utf8))

        // Sources that disagree: a company on a case, with NPWP and NPP, that both lists report
        // with different estimated workers (the city 5 more, BPJAMSOSTEK 3 more than stored).
        guard let c = rows.first(where: {
            $0.status == "PDS-TK" && $0.npwp != nil && $0.npp != nil && ["visited", "warning1", "warning2"].contains($0.stage ?? "")
        }) else { throw HarnessError("no company for the conflict") }
        // Possible duplicates: the same name and kelurahan as existing companies, no identifier.
        var seen = Set<String>()
        let twins = rows.filter { ($0.legal_form ?? "Perorangan") != "Perorangan" && ($0.kelurahan ?? "") != "" && seen.insert($0.name).inserted }.prefix(3)

        let pemkot = ["Nama Usaha;Bentuk Usaha;NIB;NPWP;Alamat;Kelurahan;Kecamatan;KBLI;Jumlah Tenaga Kerja;Telepon;Pemilik;Keterangan"]
            + [[c.name, c.legal_form ?? "Perorangan", "", c.npwp ?? "", c.address ?? "", c.kelurahan ?? "", c.kecamatan ?? "", c.kbli ?? "",
                String((c.estimated_workers ?? 0) + 5), "", "", "data Dinperinaker"].joined(separator: ";")]
            + twins.map { t in
                [t.name, "", "", "", (t.address ?? "") + " (belakang pasar)", t.kelurahan ?? "", t.kecamatan ?? "", t.kbli ?? "",
                 "4", "", "", ""].joined(separator: ";")
            }
            + [["Konveksi Melati Baru", "CV", "", NPWP.make(prefix8: "71234567", tail6: "511000").formatted, "Jl. Sriwijaya No. 12",
                "Podosugih", "Pekalongan Barat", "14111", "9", "0285-421000", "Hj. Melati", ""].joined(separator: ";"),
               ["Warung Salah NPWP", "", "", "12.345", "Jl. Merdeka No. 1", "Kauman", "Pekalongan Timur", "56101", "2", "", "", ""]
                .joined(separator: ";")]
        let bpjs = ["NPP;Nama Perusahaan;NPWP;Alamat;Kecamatan;Status Kepesertaan;TK Terdaftar;TK Potensi"]
            + [[c.npp ?? "", c.name, c.npwp ?? "", c.address ?? "", c.kecamatan ?? "", c.status, String(c.registered_workers),
                String((c.estimated_workers ?? 0) + 3)].joined(separator: ";")]
        try (pemkot.joined(separator: "\r\n") + "\r\n").write(to: dir.appendingPathComponent("pemkot-november.csv"), atomically: true, encoding: .utf8)
        try (bpjs.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("bpjs-november.csv"), atomically: true, encoding: .utf8)

        for (source, file) in [("pemkot", "pemkot-november.csv"), ("bpjs", "bpjs-november.csv")] {
            // From the files' folder, as a user would run it.
            let script = "cd \"$1\" && exec \"$2\" import --source \"$3\" \"$4\" --db \"$5\" --today \(Harness.goldenToday)"
            let r = try Harness.run("/bin/sh", ["-c", script, "sh", dir.path, Harness.binary, source, file, db])
            // 3: imported, some rows rejected (the bad NPWP).
            guard r.status == 0 || r.status == 3 else { throw HarnessError("import \(file): \(r.status) \(r.stderr)") }
        }
        // The history records the file's whole path, here a temporary folder: pinned, with
        // the login and the times, so that the screens are the same on every run.
        let fixed = """
            UPDATE import_run SET actor = 'dewi.lestari',
                file_name = '/home/dewi.lestari/impor/' || CASE source WHEN 'pemkot' THEN 'pemkot-november.csv' ELSE 'bpjs-november.csv' END,
                started_at = 1795744800 + (id - 1) * 26000, finished_at = 1795744800 + (id - 1) * 26000 + 4;
            UPDATE duplicate_pair SET flagged_at = 1795744800;
            """
        let r = try Harness.run("/usr/bin/env", ["sqlite3", db, fixed])
        guard r.status == 0 else { throw HarnessError("sqlite3: \(r.stderr)") }
        return db
    }
}
