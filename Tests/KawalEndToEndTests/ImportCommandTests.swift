import Foundation
import KawalDomain
import Testing

/// `kawal import` through the real binary: the summary, exit codes, the rejected file, and
/// an import killed while it runs.
@Suite("Import command")
struct ImportCommandTests {
    static let pemkotHeader = "Nama Usaha;Bentuk Usaha;NIB;NPWP;Alamat;Kelurahan;Kecamatan;KBLI;Jumlah Tenaga Kerja;Telepon;Pemilik;Catatan"

    func sql(_ db: String, _ query: String) throws -> String {
        let r = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 20000", db, query])
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A command line the parser cannot read (the parser words it in English) is said in the
    /// user's language on one line, with the command's help named; exit 2, nothing written.
    @Test func aCommandLineThatCannotBeReadIsExplainedInTheUsersLanguage() throws {
        let dir = Harness.tempDir("kawal-usage")
        let db = dir.appendingPathComponent("k.sqlite").path
        for (args, line) in [
            (["import"], "kawal: --source <source> belum diberikan. Lihat: kawal import --help"),
            (["import", "--source", "pemkot"], "kawal: <file> belum diberikan. Lihat: kawal import --help"),
            (["import", "--lang", "en", "--source", "pemkot"], "kawal: <file> is missing. See: kawal import --help"),
            (["import", "--source", "pemkot", "a.csv", "--dry-rn"], "kawal: Opsi --dry-rn tidak dikenal. Maksudnya --dry-run? Lihat: kawal import --help"),
            (["import", "--source", "pemkot", "a.csv", "--lang=en", "-x"], "kawal: Unknown option -x. See: kawal import --help"),
            (["import", "--source", "pemkot", "a.csv", "b.csv"], "kawal: Argumen \"b.csv\" tidak diharapkan. Lihat: kawal import --help"),
            (["import", "--source", "pemkot", "a.csv", "--dry-run=ya"], "kawal: Opsi --dry-run tidak menerima nilai, tetapi diberi \"ya\". Lihat: kawal import --help"),
            (["export", "companies", "--out"], "kawal: Opsi --out <out> perlu nilai. Lihat: kawal export --help"),
            (["demo", "--companies", "banyak"], "kawal: Nilai \"banyak\" tidak sah untuk --companies <companies>. Lihat: kawal demo --help"),
            (["demo", "--companies", "0", "--lang", "en"], "kawal: --companies must be between 1 and 10000000. See: kawal demo --help"),
            (["case", "show", "1", "2", "3"], "kawal: 2 argumen tidak diharapkan: 2, 3. Lihat: kawal case show --help"),
        ] {
            let r = try Harness.kawal(args + ["--db", db])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr == line + "\n", "\(args)")
            #expect(r.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func summaryExitCodesAndRejectedFile() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("pemkot.csv").path
        let text = "\u{FEFF}\(Self.pemkotHeader)\r\n"
            + "CV. Batik Sekar Jaya;CV;1234567890123;;\"Jl. Seruni; No. 4\";Kauman;Pekalongan Timur;13134;25;;Siti;x\r\n"
            + "Toko Dua;;;;Jl. Dua;Medono;Pekalongan Barat;;dua;;;\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))

        let dry = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--dry-run", "--today", Harness.goldenToday])
        #expect(dry.status == 3, "\(dry.stderr)")
        #expect(dry.stdout.contains("Uji coba impor daftar"))
        // There was no database yet: the dry run counted against an empty one and created none.
        #expect(dry.stdout.contains("Basis data \(db) belum ada: uji coba dihitung seperti pada basis data kosong.\n"
                                    + "Uji coba: tidak ada yang ditulis ke \(db).\n"), "\(dry.stdout)")
        #expect(!FileManager.default.fileExists(atPath: file + ".rejected.csv"))
        #expect(!FileManager.default.fileExists(atPath: db))

        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let expected = """
            Impor daftar Pemkot dari \(file) (pemisah ;)
              Dibaca                2
              Baru                  1
              Digabung              0
              Tidak berubah         0
              Kemungkinan duplikat  0
              Ditolak               1
            Kolom tidak dikenal (diabaikan): "Catatan"
            Baris yang ditolak ditulis ke \(file).rejected.csv
            Kasus baru dibuka: 1; catatan kepatuhan pada kasus terbuka: 0

            """
        #expect(r.stdout.hasPrefix(expected), "\(r.stdout)")
        // The summary names the database, and that this import created it.
        #expect(r.stdout.contains("Basis data \(db) belum ada, jadi dibuat baru untuk impor ini.\n"
                                  + "Tercatat di \(db) sebagai impor #1 oleh "), "\(r.stdout)")
        // The dry run printed the same counts.
        #expect(dry.stdout.contains("  Baru                  1\n") && dry.stdout.contains("  Ditolak               1\n"))
        // Byte for byte: the byte order mark, the delimiter and the CRLF line ends of the file it came from.
        let rejected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file + ".rejected.csv")), as: UTF8.self)
        #expect(rejected == "\u{FEFF}\(Self.pemkotHeader);Baris;Alasan\r\n"
                + "Toko Dua;;;;Jl. Dua;Medono;Pekalongan Barat;;dua;;;;3;Jumlah Tenaga Kerja bukan bilangan bulat nol atau lebih: dua\r\n")
        #expect(try sql(db, "SELECT name || '|' || address || '|' || stage FROM company") == "Batik Sekar Jaya|Jl. Seruni; No. 4|identified")
        #expect(try sql(db, "SELECT read_count, new_count, rejected_count, length(sha256) FROM import_run") == "2|1|1|64")

        // A clean file: exit 0, and the old rejected file is gone; in English.
        let clean = dir.appendingPathComponent("clean.csv").path
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan\nToko Tiga,Jl. Tiga,Kauman,Pekalongan Timur\n".utf8).write(to: URL(fileURLWithPath: clean))
        let ok = try Harness.kawal(["import", "--source", "pemkot", clean, "--db", db, "--lang", "en", "--today", Harness.goldenToday])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("Import of the City list from \(clean) (delimiter ,)\n  Read                 1\n  New                  1\n"), "\(ok.stdout)")
        #expect(ok.stdout.contains("\nRecorded in \(db) as import #2 by "), "\(ok.stdout)")
        #expect(!ok.stdout.contains("did not exist"))
        // A dry run on the database that now exists says where it wrote nothing.
        let dry2 = try Harness.kawal(["import", "--source", "pemkot", clean, "--db", db, "--dry-run", "--lang", "en", "--today", Harness.goldenToday])
        #expect(dry2.status == 0, "\(dry2.stderr)")
        #expect(dry2.stdout.hasSuffix("\nDry run: nothing was written to \(db).\n"), "\(dry2.stdout)")
    }

    /// A sheet as a city office keeps it in Excel and saves it: Excel's `sep=;` line, a title,
    /// headings in capitals with a short "BENTUK", the worker heading merged over L, P and JML,
    /// a legal form after the name, dashes for nothing, a line break inside an address, a phone
    /// number stored as a number, a `Kec.` before a place, a bad NIB, a JUMLAH row and a
    /// heading for the kecamatan's group. Every company arrives as it should, the bad row alone
    /// is refused, and the summary says what was skipped and how the counts were read.
    @Test func aSheetAsACityOfficeSavesItImportsWhole() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("pemkot-des.csv").path
        let npwp = NPWP.make(prefix8: "71234567", tail6: "511000")
        let sheet = [
            "sep=;", "DAFTAR PERUSAHAAN BELUM TERDAFTAR BPJS KETENAGAKERJAAN;;;;;;;;;;;;", ";;;;;;;;;;;;",
            "NO;NAMA PERUSAHAAN;BENTUK;NIB;NPWP;ALAMAT;KELURAHAN;KECAMATAN;KBLI;JUMLAH TENAGA KERJA;;;NO. HP",
            ";;;;;;;;;L;P;JML;",
            ";KECAMATAN PEKALONGAN TIMUR;;;;;;;;;;;",
            "1;BATIK SEKAR JAYA, CV;;9120001234567;\(npwp.formatted);Jl. Seruni No. 4;Kauman;Kec. Pekalongan Timur;13134;10;15;25;81234567890",
            "2;Toko Sumber Rejeki;UD;-;-;Jl. Hayam Wuruk 7;Medono;Pekalongan Barat;47111;2;1;3;-",
            "3;\"Konveksi \"\"Putra\"\"\";CV;9120001234568;;\"Jl. Gajah Mada\r\nGg. 3\";Kergon;PEKALONGAN BARAT;14111;4;4;8;0285-421234",
            "4;Batik Lama;PT;12345;;Jl. Jetayu 1;Panjang Wetan;Pekalongan Utara;13134;5;5;10;",
            ";JUMLAH;;;;;;;;21;25;46;",
        ]
        try Data(([0xEF, 0xBB, 0xBF] + Array(sheet.map { $0 + "\r\n" }.joined().utf8))).write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stdout.contains("\n  Dibaca                4\n  Baru                  3\n"), "\(r.stdout)")
        let skipped = [
            "Baris di atas judul kolom dilewati: 2",
            "Baris JUMLAH/TOTAL (bukan perusahaan) dilewati: 1 (yang pertama di baris 12)",
            "Baris judul bagian (misalnya KECAMATAN PEKALONGAN BARAT) dilewati: 1 (yang pertama di baris 6)",
            "Judul kolom dua baris: baris kedua (baris 5) dilewati",
            "  \"JUMLAH TENAGA KERJA\" dibaca dari sub-kolom \"JML\"",
            "Kolom tidak dikenal (diabaikan): \"NO\"",
        ]
        #expect(r.stdout.contains("\n" + skipped.joined(separator: "\n") + "\n"), "\(r.stdout)")
        #expect(try sql(db, "SELECT name || '|' || legal_form || '|' || estimated_workers || '|' || coalesce(phone, '') || '|' || kecamatan"
                           + " || '|' || address || '|' || coalesce(nib, '') || '|' || coalesce(npwp, '') FROM company ORDER BY id") == """
            BATIK SEKAR JAYA|CV|25|081234567890|Pekalongan Timur|Jl. Seruni No. 4|9120001234567|\(npwp.digits)
            Toko Sumber Rejeki|UD|3||Pekalongan Barat|Jl. Hayam Wuruk 7||
            Konveksi "Putra"|CV|8|0285-421234|Pekalongan Barat|Jl. Gajah Mada Gg. 3|9120001234568|
            """)
        let rejected = try String(contentsOfFile: file + ".rejected.csv", encoding: .utf8)
        #expect(rejected.contains("\r\n4;Batik Lama;PT;12345;") && rejected.contains(";;;;;;;;;L;P;JML;;;\r\n"), "\(rejected)")
    }

    /// A list on a folder the user cannot write to (a share of the city's office, say): its
    /// refused rows cannot go beside it. Nothing is imported, no database is left behind, and
    /// the message says what to do, with nothing else printed around it.
    @Test func aListInAFolderTheUserCannotWriteToSaysToCopyIt() throws {
        let dir = Harness.tempDir("kawal-import")
        let share = dir.appendingPathComponent("share"), own = dir.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        defer {
            chmod(share.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let list = share.appendingPathComponent("daftar.csv").path
        try Data("Nama Usaha;Alamat;Kelurahan;Kecamatan;NPWP\nToko A;Jl. A;Kergon;Pekalongan Barat;\nToko B;Jl. B;Kergon;Pekalongan Barat;12.345\n".utf8)
            .write(to: URL(fileURLWithPath: list))
        let db = own.appendingPathComponent("k.sqlite").path
        let arguments = ["import", "--source", "pemkot", list, "--db", db, "--today", Harness.goldenToday]
        var r: Harness.Result
        if geteuid() == 0 {
            // Root writes anywhere: the import runs as `nobody`, from a path to the program it can
            // reach. A hard link, where it can be: a copy is a file just written, which a process
            // another test starts meanwhile may inherit open for writing, and running it then
            // fails ("Text file busy") until that process lets go; the run is tried again.
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"))
            let program = dir.appendingPathComponent("kawal").path
            if link(Harness.binary, program) != 0 {
                // Written through a descriptor closed on exec: a child inherits it only until it runs its program.
                let bytes = try Data(contentsOf: URL(fileURLWithPath: Harness.binary))
                let fd = open(program, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
                try #require(fd >= 0)
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                try #require(written == bytes.count)
            }
            #expect(chmod(dir.path, 0o755) == 0 && chown(own.path, 65534, 65534) == 0)
            var attempt = 0
            repeat {
                if attempt > 0 { usleep(200_000) }
                attempt += 1
                r = try Harness.run("/usr/bin/setpriv", ["--reuid", "65534", "--regid", "65534", "--clear-groups", program] + arguments,
                                    environment: ["HOME": own.path])
            } while r.status == 126 && r.stderr.contains("Text file busy") && attempt < 10
        } else {
            #expect(chmod(share.path, 0o555) == 0)
            r = try Harness.kawal(arguments)
        }
        #expect(r.status == 1)
        #expect(r.stderr == "kawal: Tidak dapat menulis baris yang ditolak ke \(list).rejected.csv: tidak ada izin. Tidak ada yang diimpor. "
                + "Baris yang ditolak ditulis di samping daftar, jadi foldernya harus bisa Anda tulisi: salin daftar ke folder Anda sendiri "
                + "(misalnya folder rumah) dan impor salinannya.\n", "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: own.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: share.path) == ["daftar.csv"])
    }

    @Test func aSecondHeadingRowIsSkippedAndHowItWasReadIsSaid() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("daftar.csv").path
        try Data(("Nama Usaha;Alamat;Kelurahan;Kecamatan;Jumlah TK;\n;;;;L;P\nToko Tiga;Jl. Tiga;Kauman;Pekalongan Timur;3;4\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\n  Read                 1\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\nColumn headings on two rows: the second (line 2) skipped\n"
                                  + "  \"Jumlah TK\" summed from its sub-columns \"L\", \"P\"\n"), "\(r.stdout)")
        #expect(try sql(db, "SELECT estimated_workers FROM company") == "7")
    }

    /// An OSS export: the worker count in four columns of its own, and the header repeated
    /// where two exports were joined. The count is their sum, and the summary says so.
    @Test func workerCountsInColumnsOfTheirOwnAreSummedAndSaidSo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("oss.csv").path
        let header = "Nama Usaha;Alamat;Kelurahan;Kecamatan;Jumlah TKI Laki-laki;Jumlah TKI Perempuan;Jumlah TKA Laki-laki;Jumlah TKA Perempuan\n"
        try Data((header + "Toko Tiga;Jl. Tiga;Kauman;Pekalongan Timur;10;12;1;0\n" + header
                  + "Toko Empat;Jl. Empat;Kauman;Pekalongan Timur;;3;;\n").utf8).write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\n  Baru                  2\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\nJudul kolom yang berulang di tengah berkas dilewati: 1 (yang pertama di baris 3)\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\nJumlah tenaga kerja dijumlahkan dari kolom \"Jumlah TKI Laki-laki\", \"Jumlah TKI Perempuan\", "
                                  + "\"Jumlah TKA Laki-laki\", \"Jumlah TKA Perempuan\"\n"), "\(r.stdout)")
        #expect(!r.stdout.contains("Kolom tidak dikenal"), "\(r.stdout)")
        #expect(try sql(db, "SELECT group_concat(name || '=' || estimated_workers, ' ') FROM company") == "Toko Tiga=23 Toko Empat=3")
    }

    /// At a terminal, an import into a database that does not exist asks first: a mistyped --db
    /// would otherwise put the whole list into a new, empty database, said only at the end.
    /// Anything but yes creates nothing. Scripts, with no terminal, are not asked (every other
    /// import test here is one).
    @Test func anImportIntoANewDatabaseAtATerminalAsksFirst() throws {
        let dir = Harness.tempDir("kawal-import-ask")
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("daftar.csv").path
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan\nToko Tiga,Jl. Tiga 3,Kauman,Pekalongan Timur\n".utf8)
            .write(to: URL(fileURLWithPath: list))
        let db = dir.appendingPathComponent("sub/kawl.sqlite").path
        func run() throws -> TmuxSession {
            try TmuxSession(command: "sh -c '\(Harness.binary) import --source pemkot \(list) --db \(db) --today \(Harness.goldenToday); "
                            + "echo rc=$?; sleep 60'", width: 200, environment: ["LANG": "C.UTF-8"])
        }
        let declined = try run()
        try declined.waitFor("Basis data \(db) belum ada. Buat baru dan impor ke sana? (y = ya)")
        try declined.send("n")
        try declined.send("Enter")
        let said = try declined.waitFor("rc=1")
        #expect(said.contains("kawal: Tidak ada yang diimpor: basis data \(db) tidak dibuat. Periksa --db (atau $KAWAL_DB)."), "\(said)")
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sub").path))
        try declined.kill()

        let accepted = try run()
        try accepted.waitFor("(y = ya)")
        try accepted.send("y")
        try accepted.send("Enter")
        let done = try accepted.waitFor("rc=0")
        #expect(done.contains("Baru                  1"), "\(done)")
        #expect(try sql(db, "SELECT name FROM company") == "Toko Tiga")
        try accepted.kill()
    }

    /// A sheet grouped by kecamatan, its kecamatan cell merged down: saved as CSV, only each
    /// group's first row has it. The others take their kelurahan's, and the summary says so.
    @Test func aKecamatanMergedDownIsFilledInFromTheKelurahanAndSaidSo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("daftar.csv").path
        try Data("""
            Nama Usaha;Alamat;Kelurahan;Kecamatan
            Toko Satu;Jl. Satu 1;Medono;Pekalongan Barat
            Toko Dua;Jl. Dua 2;Tirto;
            Toko Tiga;Jl. Tiga 3;Kauman;
            Toko Empat;Jl. Empat 4;Wiradesa;

            """.utf8).write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nKecamatan kosong diisi dari kelurahannya: 2 baris (sel yang digabung ke bawah di Excel?)\n"), "\(r.stdout)")
        #expect(try sql(db, "SELECT group_concat(name || '=' || kecamatan, ';') FROM (SELECT * FROM company ORDER BY id)")
                == "Toko Satu=Pekalongan Barat;Toko Dua=Pekalongan Barat;Toko Tiga=Pekalongan Timur;Toko Empat=")
    }

    /// An OSS list gives a company one row per KBLI code: imported again unchanged, the company
    /// is unchanged, and the summary says once that the file gives it different values, and where.
    @Test func aCompanyOnSeveralRowsIsUnchangedWhenImportedAgainAndSaidSo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("o.sqlite").path
        let file = dir.appendingPathComponent("oss.csv").path
        try Data("""
            Nama Usaha;NIB;Alamat;Kelurahan;Kecamatan;KBLI;Jumlah Tenaga Kerja
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;13134;5
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;46491;5

            """.utf8).write(to: URL(fileURLWithPath: file))
        let said = "\nPerusahaan yang diberi nilai berbeda di baris yang berbeda dalam berkas ini: 1 (yang pertama di baris 3); "
            + "yang dipakai nilai dari baris terakhirnya.\n"
        let first = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(first.status == 0 && first.stdout.contains(said), "\(first.stdout)")
        for _ in 1...2 {
            let again = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
            #expect(again.stdout.contains("  Digabung              0\n  Tidak berubah         2\n"), "\(again.stdout)")
            #expect(again.stdout.components(separatedBy: said).count == 2, "\(again.stdout)")
        }
        #expect(try sql(db, "SELECT kbli FROM company") == "46491")
    }

    /// A sole trader's NPWP is their NIK: such rows are refused (personal data), and the summary
    /// says what to do to import the businesses anyway.
    @Test func rowsWithAPersonsNPWPAreRefusedWithWhatToDo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("daftar.csv").path
        try Data("""
            Nama Usaha,NPWP,Alamat,Kelurahan,Kecamatan
            UD Sinar,3375012345670001,Jl. Satu 1,Kauman,Pekalongan Timur
            Toko Dua,3375019876540002,Jl. Dua 2,Kauman,Pekalongan Timur
            Toko Tiga,,Jl. Tiga 3,Kauman,Pekalongan Timur

            """.utf8).write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stdout.contains("\n2 baris ditolak karena NPWP-nya 16 digit tanpa awalan 0, biasanya NIK (NPWP orang pribadi), "
                                  + "yang belum diterima karena data pribadi. Agar usahanya tetap diimpor, kosongkan NPWP baris itu "
                                  + "di berkas baris yang ditolak, lalu impor berkas itu.\n"), "\(r.stdout)")
        #expect(try sql(db, "SELECT name FROM company") == "Toko Tiga")
        // Done as it says, the two come in.
        let rejected = file + ".rejected.csv"
        let fixed = try String(contentsOfFile: rejected, encoding: .utf8)
            .replacingOccurrences(of: "3375012345670001", with: "").replacingOccurrences(of: "3375019876540002", with: "")
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: rejected))
        let again = try Harness.kawal(["import", "--source", "pemkot", rejected, "--db", db, "--today", Harness.goldenToday])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM company") == "3")
    }

    @Test func rtAndRWColumnsAreAddedToTheAddressAndSaidSo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("daftar.csv").path
        try Data("Nama Usaha,Alamat,RT,RW,Kelurahan,Kecamatan\nToko Tiga,Jl. Tiga 3,002,005,Kauman,Pekalongan Timur\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nRT/RW from the columns \"RT\", \"RW\" added to the address\n"), "\(r.stdout)")
        #expect(!r.stdout.contains("Unknown columns (ignored)"), "\(r.stdout)")
        #expect(try sql(db, "SELECT address FROM company") == "Jl. Tiga 3 RT 002/RW 005")
    }

    @Test func aTitleAboveTheHeaderARepeatedHeaderAndATotalsRowAreSkippedAndSaidSo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("daftar.csv").path
        try Data(("Daftar Perusahaan;;;\n;;;\nNama Usaha;Alamat;Kelurahan;Kecamatan\nToko Tiga;Jl. Tiga;Kauman;Pekalongan Timur\n"
                  + "Nama Usaha;Alamat;Kelurahan;Kecamatan\nJUMLAH;;;\n;;;;Dicetak 30/11/2026\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Impor daftar Pemkot dari \(file) (pemisah ;)\n  Dibaca                1\n  Baru                  1\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\nBaris di atas judul kolom dilewati: 1\n"
                                  + "Judul kolom yang berulang di tengah berkas dilewati: 1 (yang pertama di baris 5)\n"
                                  + "Baris JUMLAH/TOTAL (bukan perusahaan) dilewati: 1 (yang pertama di baris 6)\n"
                                  + "Baris tanpa isi di kolom yang dikenal (misalnya hanya nomor urut) dilewati: 1 (yang pertama di baris 7)\n"),
                "\(r.stdout)")
        #expect(!r.stdout.contains("sudah pernah diimpor"))
        // The same file again: said, with the earlier import's number.
        let again = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(again.status == 0)
        #expect(again.stdout.contains("\nBerkas yang sama sudah pernah diimpor: impor #1, "), "\(again.stdout)")
    }

    @Test func errorsAreOneLineWithTheirExitCode() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let missing = dir.appendingPathComponent("missing.csv").path
        try Data("NPP,Nama Perusahaan,Alamat\n12345678,A,B\n".utf8).write(to: URL(fileURLWithPath: missing))
        // Excel's "Unicode Text" (UTF-16 with a byte order mark, tabs) and "Text (Tab delimited)".
        let unicodeText = dir.appendingPathComponent("daftar.txt").path
        let tabs = "Nama Usaha\tAlamat\tKelurahan\tKecamatan\r\nToko A\tJl. A\tKauman\tPekalongan Timur\r\n"
        try Data([0xFF, 0xFE] + tabs.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: unicodeText))
        // The same without the mark (converted by iconv, say), little- and big-endian.
        let noMark = dir.appendingPathComponent("tanpa-bom.csv").path, bigEndian = dir.appendingPathComponent("be.csv").path
        let commas = tabs.replacingOccurrences(of: "\t", with: ",")
        try Data(commas.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: noMark))
        try Data(commas.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: URL(fileURLWithPath: bigEndian))
        let tabText = dir.appendingPathComponent("tab.txt").path
        try Data(tabs.utf8).write(to: URL(fileURLWithPath: tabText))
        let bpjsList = dir.appendingPathComponent("bpjs.csv").path
        try Data("NPP;Nama Perusahaan;Kecamatan;Status Kepesertaan\n12345678;A;Pekalongan Barat;PWBD\n".utf8).write(to: URL(fileURLWithPath: bpjsList))
        // A stray quote that would swallow the rest of the file; its cell holds an escape sequence,
        // shown as on screen.
        let stray = dir.appendingPathComponent("stray.csv").path
        try Data(("Nama Usaha,Alamat,Kelurahan,Kecamatan\n\"SINAR\" \u{1B}[2J JAYA,Jl. A,Kauman,Pekalongan Timur\n"
                  + String(repeating: "Toko B,Jl. B,Medono,Pekalongan Barat\n", count: 1_500)).utf8).write(to: URL(fileURLWithPath: stray))
        let fifo = dir.appendingPathComponent("pipe.csv").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let cases: [([String], Int32, String)] = [
            (["import", "--source", "pemkot", stray, "--db", db], 1,
             "\(stray) baris 2: sel yang diawali tanda petik (\"SINAR\" \u{241B}[2J JAYA,Jl. A,Kauman,Pekalongan…) tidak ditutup sebagaimana mestinya"),
            (["import", "--source", "pemkot", stray, "--db", db, "--lang", "en"], 1,
             "\(stray) line 2: a cell opening with a quote (\"SINAR\" \u{241B}[2J JAYA,Jl. A,Kauman,Pekalongan…) is not closed where it should be"),
            (["import", "--source", "bpjs", missing, "--db", db], 1, "Kolom wajib tidak ditemukan: \"Status Kepesertaan\" (nama yang dicari: Status Kepesertaan, Status, Kategori, Kategori Kepatuhan, Kategori Kepesertaan)"),
            // BPJAMSOSTEK's list given as the city's: the columns say which it is.
            (["import", "--source", "pemkot", bpjsList, "--db", db], 1, "Tidak ada yang diimpor. Kolomnya cocok dengan daftar BPJS: mungkin maksudnya --source bpjs?"),
            (["import", "--source", "pemkot", unicodeText, "--db", db], 1, "\(unicodeText) tersimpan sebagai UTF-16 (\"Teks Unicode\" di Excel), bukan CSV UTF-8."),
            (["import", "--source", "pemkot", noMark, "--db", db], 1, "\(noMark) tersimpan sebagai UTF-16 (\"Teks Unicode\" di Excel), bukan CSV UTF-8."),
            (["import", "--source", "pemkot", bigEndian, "--db", db], 1, "\(bigEndian) tersimpan sebagai UTF-16 (\"Teks Unicode\" di Excel), bukan CSV UTF-8."),
            (["import", "--source", "pemkot", tabText, "--db", db], 1, "Kolom \(tabText) dipisah tab, bukan koma atau titik koma."),
            // A delimiter given that the file does not use, where the other one finds its header.
            (["import", "--source", "bpjs", bpjsList, "--delimiter", ",", "--db", db], 1,
             "Dengan pemisah \",\" judul kolom berkas ini tidak ditemukan, dengan \";\" ditemukan: impor dengan --delimiter \";\" atau tanpa --delimiter."),
            (["import", "--source", "bpjs", dir.appendingPathComponent("nope.csv").path, "--db", db], 1,
             "Tidak dapat membaca \(dir.appendingPathComponent("nope.csv").path): tidak ada berkas atau folder itu. Tidak ada yang diimpor."),
            (["import", "--source", "bpjs", dir.path, "--db", db, "--lang", "en"], 1, "Cannot read \(dir.path): it is a folder. Nothing was imported."),
            // A pipe (`/dev/stdin`, `<(…)`) cannot be read more than once: said so, in the user's language.
            (["import", "--source", "pemkot", fifo, "--db", db], 1,
             "Tidak dapat membaca \(fifo): itu bukan berkas biasa (pipa atau perangkat), padahal impor membacanya lebih dari sekali"),
            (["import", "--source", "kota", missing, "--db", db], 2, "Sumber tidak dikenal: kota"),
            (["import", "--source", "bpjs", missing, "--delimiter", "tab", "--db", db], 2, "Pemisah tidak dikenal: tab"),
        ]
        for (args, status, message) in cases {
            let r = try Harness.kawal(args)
            #expect(r.status == status, "\(args)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(!r.stderr.contains("\u{1B}"))
        }
        // None of them left a database behind, though none existed before.
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: db + suffix)) }
        // Nor the folders it made for one: `--db` into folders that did not exist.
        let nested = dir.appendingPathComponent("baru/cabang/k.sqlite").path
        #expect(try Harness.kawal(["import", "--source", "bpjs", missing, "--db", nested]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("baru").path))
        // Into an existing database, a failed import leaves it as it was.
        let good = dir.appendingPathComponent("good.csv").path
        try Data("Nama Usaha;Alamat;Kelurahan;Kecamatan\nToko A;Jl. A;Kauman;Pekalongan Timur\n".utf8).write(to: URL(fileURLWithPath: good))
        #expect(try Harness.kawal(["import", "--source", "pemkot", good, "--db", db]).status == 0)
        #expect(try Harness.kawal(["import", "--source", "pemkot", stray, "--db", db]).status == 1)
        #expect(try sql(db, "SELECT count(*) FROM company") == "1")
        #expect(try sql(db, "SELECT count(*) FROM import_run") == "1")
    }

    /// The README's round trip: fix the rejected rows in FILE.rejected.csv and import that file.
    /// Its line and reason columns are not taken for data: they are not listed as unknown, and
    /// a row refused again gets this import's line and reason in their place, not a second pair.
    /// The columns are recognised in either language.
    @Test func aRejectedFileImportedAgainGetsItsLineAndReasonReplaced() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("pemkot.csv").path
        try Data(("Nama Usaha;NIB;Alamat;Kelurahan;Kecamatan;Catatan\n"
                  + "Toko Satu;912012345678;Jl. A;Kauman;Pekalongan Timur;a\n"
                  + "Toko Dua;9120123456789;Jl. B;Kauman;Pekalongan Timur;b\n"
                  + "Toko Tiga;91201234567X;Jl. C;Kauman;Pekalongan Timur;c\n").utf8).write(to: URL(fileURLWithPath: file))
        let first = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--lang", "en", "--today", Harness.goldenToday])
        #expect(first.status == 3, "\(first.stderr)")
        // The steward fixes the first row and imports the rejected file, in Bahasa Indonesia.
        let rejected = file + ".rejected.csv"
        let written = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(written.hasPrefix("Nama Usaha;NIB;Alamat;Kelurahan;Kecamatan;Catatan;Line;Reason\n"), "\(written)")
        try Data(written.replacingOccurrences(of: "912012345678;", with: "9120123456780;").utf8).write(to: URL(fileURLWithPath: rejected))
        let again = try Harness.kawal(["import", "--source", "pemkot", rejected, "--db", db, "--today", Harness.goldenToday])
        #expect(again.status == 3, "\(again.stderr)")
        #expect(again.stdout.contains("  Baru                  1\n"), "\(again.stdout)")
        #expect(again.stdout.contains("Kolom tidak dikenal (diabaikan): \"Catatan\"\n"), "\(again.stdout)")
        let second = try String(contentsOfFile: rejected + ".rejected.csv", encoding: .utf8)
        #expect(second == "Nama Usaha;NIB;Alamat;Kelurahan;Kecamatan;Catatan;Baris;Alasan\n"
                + "Toko Tiga;91201234567X;Jl. C;Kauman;Pekalongan Timur;c;3;\"NIB 91201234567X: karakter tidak sah \"\"X\"\"\"\n", "\(second)")
        #expect(try sql(db, "SELECT group_concat(unknown_columns, '|') FROM import_run ORDER BY id") == "[\"Catatan\"]|[\"Catatan\"]")
    }

    /// An import run in the file's folder with a bare file name: the history keeps the whole
    /// path, so that it still says where the list came from.
    @Test func theHistoryKeepsTheWholePathOfAFileGivenByName() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan\nToko A,Jl. A,Kauman,Pekalongan Timur\n".utf8)
            .write(to: URL(fileURLWithPath: dir.appendingPathComponent("daftar.csv").path))
        let r = try Harness.run("/bin/sh", ["-c", "cd '\(dir.path)' && '\(Harness.binary)' import --source pemkot daftar.csv --db k.sqlite --today \(Harness.goldenToday)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Impor daftar Pemkot dari daftar.csv "), "\(r.stdout)")
        let recorded = try sql(dir.appendingPathComponent("k.sqlite").path, "SELECT file_name FROM import_run")
        #expect(recorded == URL(fileURLWithPath: dir.path).standardizedFileURL.path + "/daftar.csv", "\(recorded)")
    }

    /// A list whose file name carries an escape sequence: the summary, the rejected file's line
    /// and an error name it as on screen (`␛`), and nothing reaches the terminal raw.
    @Test func aFileNameWithAnEscapeSequenceIsShownNotSent() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("daftar\u{1B}[31m\u{7}.csv").path
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan,Jumlah Tenaga Kerja\nToko A,Jl. A,Kauman,Pekalongan Timur,1\nToko B,Jl. B,Kauman,Pekalongan Timur,x\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let db = dir.appendingPathComponent("k.sqlite").path
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{7}"))
        #expect(r.stdout.contains("daftar\u{241B}[31m\u{2407}.csv"), "\(r.stdout)")
        let missing = try Harness.kawal(["import", "--source", "pemkot", file + "\u{1B}]0;x", "--db", db])
        #expect(missing.status == 1)
        #expect(!missing.stderr.contains("\u{1B}") && missing.stderr.contains("\u{241B}]0;x"), "\(missing.stderr)")
    }

    /// Imports `csv` as a city list into a new database in a folder of its own, which goes after.
    func importPemkot(_ csv: String) throws -> Harness.Result {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("pemkot.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        return try Harness.kawal(["import", "--source", "pemkot", file, "--db", dir.appendingPathComponent("k.sqlite").path,
                                  "--today", Harness.goldenToday])
    }

    /// A column given twice under two of its names: the summary says which one was left
    /// out, apart from the columns it does not know.
    @Test func aColumnGivenTwiceIsSaidApartFromUnknownOnes() throws {
        let r = try importPemkot("Nama Usaha;Alamat Perusahaan;Kelurahan;Kecamatan;Alamat Usaha;Catatan\nToko A;Jl. A;Kauman;Pekalongan Timur;Jl. B;x\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\nKolom tidak dikenal (diabaikan): \"Catatan\"\n"
                                  + "Kolom ganda, diabaikan (yang dibaca: yang lebih khusus, atau yang pertama): \"Alamat Usaha\"\n"), "\(r.stdout)")
    }

    /// A header cell is the file's text: printed in the summary, its escape sequence shows as
    /// on screen and never reaches the terminal.
    @Test func anEscapeSequenceInAHeaderCellIsShownNotSent() throws {
        let r = try importPemkot("Nama Usaha;Alamat;Kelurahan;Kecamatan;\u{1B}[31mMerah;\u{1B}]0:x\u{7}\nToko A;Jl. A;Kauman;Pekalongan Timur;x;y\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{7}"), "\(r.stdout)")
        #expect(r.stdout.contains("\nKolom tidak dikenal (diabaikan): \"\u{241B}[31mMerah\", \"\u{241B}]0:x\u{2407}\"\n"), "\(r.stdout)")
    }

    /// Identifiers Excel stored as numbers: the rejected file says why each row was refused,
    /// and the summary says what to do about the column.
    @Test func identifiersExcelTurnedIntoNumbersAreExplained() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("pemkot.csv").path
        try Data(("Nama Usaha;NIB;NPWP;Alamat;Kelurahan;Kecamatan\n"
                  + "Toko Satu;9,12043E+12;;Jl. A;Kauman;Pekalongan Timur\n"
                  + "Toko Dua;;1,23457E+14;Jl. B;Kauman;Pekalongan Timur\n"
                  + "Toko Tiga;;12345674901234;Jl. C;Kauman;Pekalongan Timur\n"
                  + "Toko Empat;;;Jl. D;Kauman;Pekalongan Timur\n").utf8).write(to: URL(fileURLWithPath: file))
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stdout.contains("\n2 baris ditolak karena Excel menulis NPWP/NIB/NPP sebagai angka ilmiah (mis. 9,12043E+12). "
                                  + "Di buku kerja asal beri kolom itu format kustom \"0\" (Format Sel › Kustom), simpan lagi sebagai "
                                  + "CSV UTF-8, lalu impor lagi: baris yang sudah masuk tidak berubah.\n"), "\(r.stdout)")
        let rejected = try String(contentsOfFile: file + ".rejected.csv", encoding: .utf8)
        #expect(rejected == "Nama Usaha;NIB;NPWP;Alamat;Kelurahan;Kecamatan;Baris;Alasan\n"
                + "Toko Satu;9,12043E+12;;Jl. A;Kauman;Pekalongan Timur;2;NIB 9,12043E+12: Excel menulisnya sebagai angka dalam notasi ilmiah, digitnya hilang di CSV ini\n"
                + "Toko Dua;;1,23457E+14;Jl. B;Kauman;Pekalongan Timur;3;NPWP 1,23457E+14: Excel menulisnya sebagai angka dalam notasi ilmiah, digitnya hilang di CSV ini\n"
                + "Toko Tiga;;12345674901234;Jl. C;Kauman;Pekalongan Timur;4;NPWP 12345674901234: 14 digit, seharusnya 15/16 (mungkin angka 0 di depannya dihapus Excel)\n",
                "\(rejected)")
    }

    /// A database nobody may write: an import, and a dry run (which imports and rolls back),
    /// each say so in one line and leave the file as it was. Run as an unprivileged user,
    /// since root may write any file.
    @Test func aReadOnlyDatabaseRefusesAnImportAndADryRunClearly() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ro.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: db)
        let file = dir.appendingPathComponent("bpjs.csv").path
        try Data("NPP,Nama Perusahaan,Alamat,Kecamatan,Status Kepesertaan\n12345678,Toko Baru,Jl. Baru,Pekalongan Barat,PWBD\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
        chmod(db, 0o444)
        chmod(dir.path, 0o755)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let asNobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Harness.binary]
        let cases: [([String], String)] = [
            ([], "\(db) hanya dapat dibaca. Tidak ada yang diimpor."),
            (["--dry-run"], "\(db) hanya dapat dibaca, padahal uji coba pun perlu menulis (impor dijalankan lalu dibatalkan). Tidak ada yang ditulis."),
        ]
        for (extra, message) in cases {
            let r = try Harness.run("/usr/bin/setpriv", asNobody + ["import", "--source", "bpjs", file, "--db", db, "--today", Harness.goldenToday] + extra)
            #expect(r.status == 1, "\(extra) \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(r.stdout)")
            #expect(r.stderr == "kawal: \(message)\n", "\(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bpjs.csv", "ro.sqlite"])
    }

    /// Starts `sqlite3` holding `db`'s write lock for 8 s, longer than Kawal waits (5 s), and
    /// returns once the lock is taken. `committingFirst`: it commits a change before.
    ///
    /// The holder waits for the lock (`.timeout`): the probe below takes it for a moment too,
    /// and on a busy machine the two can meet, which left the holder without the lock.
    func holdWriteLock(_ db: String, committingFirst: Bool) throws -> pid_t {
        let first = committingFirst ? "CREATE TABLE t(a); DROP TABLE t; " : ""
        let holder = try Self.spawn("/bin/sh", ["-c", "(echo '.timeout 5000'; echo '\(first)BEGIN IMMEDIATE;'; sleep 8; echo 'ROLLBACK;') | sqlite3 '\(db)'"])
        var locked = false
        for _ in 0..<50 where !locked {
            locked = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 0", db, "BEGIN IMMEDIATE; ROLLBACK;"]).status != 0
            if !locked { usleep(100_000) }
        }
        try #require(locked, "the lock was never taken")
        return holder
    }

    @Test func anImportWhileAnotherProgramWritesSaysSoAndImportsNothing() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("pemkot.csv").path
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan\nToko Tiga,Jl. Tiga,Kauman,Pekalongan Timur\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday]).status == 0)
        // It commits a change first, as a Kawal import does when it opens the file: the log it
        // leaves lets another program open the database without writing.
        let holder = try holdWriteLock(db, committingFirst: true)
        defer { var status: Int32 = 0; _ = waitpid(holder, &status, 0) }
        let r = try Harness.kawal(["import", "--source", "pemkot", file, "--db", db, "--today", Harness.goldenToday])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "kawal: \(db) sedang ditulis proses lain (misalnya impor lain). Tidak ada yang diimpor; coba lagi setelah selesai.\n")
        #expect(try sql(db, "SELECT count(*) FROM import_run") == "1")
    }

    @Test func openingWhileAnotherProgramHoldsTheLockOnANewLogSaysSo() throws {
        let dir = Harness.tempDir("kawal-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let file = dir.appendingPathComponent("pemkot.csv").path
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan\nToko Tiga,Jl. Tiga,Kauman,Pekalongan Timur\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try Harness.kawal(["import", "--source", "pemkot", file, "--db", db]).status == 0)
        // The lock is taken before anything is logged: opening must write once to set the log up.
        let holder = try holdWriteLock(db, committingFirst: false)
        defer { var status: Int32 = 0; _ = waitpid(holder, &status, 0) }
        let r = try Harness.kawal(["export", "companies", "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr == "kawal: Tidak dapat membuka \(db): sedang ditulis proses lain (misalnya impor). Coba lagi setelah selesai.\n")
    }

    /// A database with one import that refused a row, and its rejected file; `big.csv` is that file.
    struct ImportedOnce {
        let dir: URL
        let db: String
        let big: String
        let oldRejected: String
        let before: String
    }

    func importedOnce(_ name: String) throws -> ImportedOnce {
        let dir = Harness.tempDir(name)
        let db = dir.appendingPathComponent("k.sqlite").path
        let big = dir.appendingPathComponent("big.csv").path
        try Data("Nama Usaha,Alamat,Kelurahan,Kecamatan,Jumlah Tenaga Kerja\nToko Awal,Jl. Awal,Kauman,Pekalongan Timur,3\nRusak,Jl. X,Kauman,Pekalongan Timur,banyak\n".utf8)
            .write(to: URL(fileURLWithPath: big))
        #expect(try Harness.kawal(["import", "--source", "pemkot", big, "--db", db]).status == 3)
        return ImportedOnce(dir: dir, db: db, big: big, oldRejected: try String(contentsOfFile: big + ".rejected.csv", encoding: .utf8),
                            before: try state(db))
    }

    func state(_ db: String) throws -> String {
        try sql(db, "SELECT count(*), group_concat(name) FROM company") + sql(db, "SELECT count(*) FROM import_run")
    }

    /// The database and the rejected file are as `importedOnce` left them, and nothing else is beside the file.
    func expectAsBefore(_ o: ImportedOnce) throws {
        #expect(try state(o.db) == o.before)
        #expect(try sql(o.db, "PRAGMA integrity_check") == "ok")
        #expect(try String(contentsOfFile: o.big + ".rejected.csv", encoding: .utf8) == o.oldRejected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: o.dir.path).filter { $0.hasPrefix("big.csv") }.sorted()
                == ["big.csv", "big.csv.rejected.csv"])
    }

    @Test func aWriteFailingAtTheCommitLeavesTheDatabaseAndTheOldRejectedFile() throws {
        let o = try importedOnce("kawal-import-full")
        defer { try? FileManager.default.removeItem(at: o.dir) }
        // The same file, now 30,000 rows: its changes (several MB) stay in the page cache until the
        // commit, where a file size limit (about 2-4 MB) stands in for a full disk.
        try bigFile(o.big, rows: 30_000)
        let script = "trap '' XFSZ; ulimit -f 4000; exec \"$0\" \"$@\""
        let r = try Harness.run("/bin/sh", ["-c", script, Harness.binary, "import", "--source", "pemkot", o.big, "--db", o.db])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("kawal: Impor dibatalkan, basis data tidak berubah: "), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        try expectAsBefore(o)
    }

    @Test func ctrlCWhileSavingLeavesTheDatabaseAndTheOldRejectedFile() throws {
        let o = try importedOnce("kawal-import-saving")
        defer { try? FileManager.default.removeItem(at: o.dir) }
        try bigFile(o.big, rows: 60_000)
        // The previous rejected file is set aside just before the database commits: Ctrl-C then.
        let pid = try Self.spawn(Harness.binary, ["import", "--source", "pemkot", o.big, "--db", o.db])
        var status: Int32 = 0
        var exited = false
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: o.big + ".rejected.csv.before"), Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { exited = true; break }
            usleep(500)
        }
        try #require(!exited, "the import ended before it was saving")
        kill(pid, SIGINT)
        status = try Self.waitForExit(pid)
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        if code == 3 { return }  // the commit won the race: a finished import, nothing to check here
        #expect(code == 130)
        try expectAsBefore(o)
    }

    @Test(arguments: [80, 30])
    func aLongImportOnATerminalShowsWhatItDoesAndErasesTheBarAtTheEnd(width: Int) throws {
        let dir = Harness.tempDir("kawal-import-bar")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let big = dir.appendingPathComponent("big.csv").path
        try bigFile(big, rows: 30_000)
        let t = try TmuxSession(command: "\(Harness.binary) import --source pemkot \(big) --db \(db)", width: width, height: 24)
        // At a terminal, the new database is asked for first.
        try t.waitUntil("the question") { $0.replacingOccurrences(of: "\n", with: "").contains("(y = ya)") }
        try t.send("y")
        try t.send("Enter")
        // The line fits the terminal and names the step; the clock runs.
        let pattern = try Regex(#"^(Membaca baris |Menyusun indeks |Menyimpan )?\[#* *\] \d{1,3}% \d+:\d\d$"#)
        let bar = try t.waitUntil("the progress line", settled: false) { screen in
            screen.split(separator: "\n").contains { $0.contains("[") && $0.contains("%") }
        }.split(separator: "\n").first { $0.contains("[") && $0.contains("%") }.map(String.init) ?? ""
        #expect(bar.wholeMatch(of: pattern) != nil, "\(bar)")
        #expect(bar.count < width)
        if width == 80 { #expect(bar.hasPrefix("Membaca baris [") || bar.hasPrefix("Menyusun indeks [") || bar.hasPrefix("Menyimpan [")) }
        // The summary's last line, which starts a line at any width.
        let done = try t.waitFor("SHA-256: ", timeout: 120)
        #expect(!done.contains("%"), "\(done)")
        #expect(done.contains("SHA-256: "))
    }

    /// A large file: one rejected row early, so `FILE.rejected.csv.partial-PID` shows the import is under way.
    func bigFile(_ path: String, rows: Int) throws {
        var text = "Nama Usaha,Alamat,Kelurahan,Kecamatan,Jumlah Tenaga Kerja\n"
        text.reserveCapacity(rows * 60)
        for i in 0..<rows {
            text += i == 50 ? "Rusak,Jl. X,Kauman,Pekalongan Timur,banyak\n" : "Usaha \(i),Jl. Panjang No. \(i),Kauman,Pekalongan Timur,\(i % 40)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Starts `kawal import` of `big` (a `bigFile`) into `db`, in English, its standard error to
    /// `errors`, and returns once the import is under way (its rejected rows' temporary file is there).
    func startedImport(_ big: String, into db: String, errors: String) throws -> pid_t {
        let pid = try Self.spawn(Harness.binary, ["import", "--source", "pemkot", big, "--db", db, "--lang", "en"], stderr: errors)
        let deadline = Date().addingTimeInterval(60)
        var status: Int32 = 0
        while !FileManager.default.fileExists(atPath: big + ".rejected.csv.partial-\(pid)"), Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { throw HarnessError("the import finished before it could be interrupted") }
            usleep(2_000)
        }
        return pid
    }

    /// The temporary rejected files (`FILE.rejected.csv.partial-PID`) beside the list at `path`.
    static func partials(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(url.lastPathComponent + ".rejected.csv.partial") }
    }

    /// Waits for `pid` to end, at most `seconds`, and returns its wait status. A program that
    /// hangs after a signal (a handler that deadlocked) fails the test instead of stopping the run.
    static func waitForExit(_ pid: pid_t, within seconds: Double = 30) throws -> Int32 {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return status }
            if r == -1, errno != EINTR { throw HarnessError("waitpid failed: \(errno)") }
            usleep(2_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        throw HarnessError("the program did not end within \(Int(seconds)) s")
    }

    /// Starts a program with an empty signal mask and default signal actions (a test runner's
    /// thread blocks signals, and a child would inherit that), its standard streams on /dev/null.
    static func spawn(_ path: String, _ arguments: [String], stderr: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, fd == 2 ? stderr : "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT, 0o644)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw HarnessError("cannot start \(path): \(rc)") }
        return pid
    }

    /// `empty`: the database has no companies yet, so the import writes with a rollback journal
    /// (`AppDatabase.leaveWAL`), which a kill leaves behind to undo it; otherwise in WAL.
    @Test(arguments: zip([SIGKILL, SIGINT, SIGHUP, SIGKILL, SIGINT], [false, false, false, true, true]))
    func anImportKilledWhileRunningLeavesTheDatabaseAsItWas(signal: Int32, empty: Bool) throws {
        let dir = Harness.tempDir("kawal-import-kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("k.sqlite").path
        let first = dir.appendingPathComponent("first.csv").path
        let firstRows = empty ? "" : "Toko Awal,Jl. Awal,Kauman,Pekalongan Timur\n"
        try Data(("Nama Usaha,Alamat,Kelurahan,Kecamatan\n" + firstRows).utf8).write(to: URL(fileURLWithPath: first))
        try #require(try Harness.kawal(["import", "--source", "pemkot", first, "--db", db]).status == 0)
        let before = try sql(db, "SELECT count(*), group_concat(name) FROM company") + sql(db, "SELECT count(*) FROM import_run")
        let big = dir.appendingPathComponent("big.csv").path
        try bigFile(big, rows: 30_000)

        let errors = dir.appendingPathComponent("stderr.txt").path
        let pid = try startedImport(big, into: db, errors: errors)
        kill(pid, signal)
        let status = try Self.waitForExit(pid)
        // A rollback journal holds what undoes the import until the database is next opened.
        #expect(FileManager.default.fileExists(atPath: db + "-journal") == empty)
        if signal == SIGKILL {
            // Ended by the signal (the status holds it), not by finishing the import.
            #expect(status & 0x7f == signal)
        } else {
            // Caught: the rejected rows' temporary file removed, the user told, 128 + the signal.
            #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 128 + signal)
            #expect(Self.partials(big).isEmpty)
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            #expect(said.contains("Import stopped. The database is unchanged; nothing was imported."), "\(said)")
        }
        #expect(try sql(db, "PRAGMA integrity_check") == "ok")
        #expect(try sql(db, "SELECT count(*), group_concat(name) FROM company") + (try sql(db, "SELECT count(*) FROM import_run")) == before)
        #expect(!FileManager.default.fileExists(atPath: big + ".rejected.csv"))
        // And the interrupted file imports completely afterwards, removing the temporary file a
        // kill left behind.
        let again = try Harness.kawal(["import", "--source", "pemkot", big, "--db", db])
        #expect(again.status == 3, "\(again.stderr)")
        #expect(Self.partials(big).isEmpty)
        // One of its rows is refused.
        #expect(try sql(db, "SELECT count(*) FROM company") == (empty ? "29999" : "30000"))
        #expect(try sql(db, "PRAGMA journal_mode") == "wal")
    }

    /// Two imports of one list at once, into two databases (two officers with a shared list) or
    /// into one (the second waits for the first's lock and gives up): each writes its rejected
    /// rows to a temporary file of its own, so neither removes or overwrites the other's, and
    /// the imports that go through keep every row.
    @Test func twoImportsOfOneListAtOnceKeepTheirOwnRejectedRows() throws {
        let dir = Harness.tempDir("kawal-import-twice")
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.csv").path
        try bigFile(big, rows: 30_000)
        let one = dir.appendingPathComponent("one.sqlite").path, two = dir.appendingPathComponent("two.sqlite").path
        let first = try startedImport(big, into: one, errors: dir.appendingPathComponent("first.txt").path)
        let second = try Self.spawn(Harness.binary, ["import", "--source", "pemkot", big, "--db", two, "--lang", "en"],
                                    stderr: dir.appendingPathComponent("second.txt").path)
        // A third into the first's database, refused once its wait for the lock is over.
        let third = try Harness.kawal(["import", "--source", "pemkot", big, "--db", one, "--lang", "en"])
        #expect(third.status == 1, "\(third.stderr)")
        for (pid, db, errors) in [(first, one, "first.txt"), (second, two, "second.txt")] {
            let status = try Self.waitForExit(pid)
            let said = (try? String(contentsOfFile: dir.appendingPathComponent(errors).path, encoding: .utf8)) ?? ""
            #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 3, "\(said)")
            #expect(try sql(db, "SELECT count(*) FROM company") == "29999")
        }
        #expect(try String(contentsOfFile: big + ".rejected.csv", encoding: .utf8).contains("Rusak,"))
        #expect(Self.partials(big).isEmpty)
    }

    /// A first import stopped by a signal it can catch leaves no database where there was none:
    /// neither the file it created (half written, with the journal that would undo it) nor an
    /// empty one for the TUI to open later, nor the folders it created for it.
    @Test(arguments: [SIGINT, SIGHUP, SIGTERM])
    func anInterruptedFirstImportLeavesNoDatabaseBehind(signal: Int32) throws {
        let dir = Harness.tempDir("kawal-import-kill-new")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("data/cabang/k.sqlite").path
        let big = dir.appendingPathComponent("big.csv").path
        try bigFile(big, rows: 30_000)
        let errors = dir.appendingPathComponent("stderr.txt").path
        let pid = try startedImport(big, into: db, errors: errors)
        #expect(FileManager.default.fileExists(atPath: db))
        kill(pid, signal)
        let status = try Self.waitForExit(pid)
        #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 128 + signal)
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(said.contains("Import stopped. The database is unchanged; nothing was imported."), "\(said)")
        // Nor the folders it created for it.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("data").path))
        #expect(Self.partials(big).isEmpty)
        // The same import run through creates it.
        let again = try Harness.kawal(["import", "--source", "pemkot", big, "--db", db])
        #expect(again.status == 3, "\(again.stderr)")
        #expect(try sql(db, "SELECT count(*) FROM company") == "29999")
    }

    /// Not an import, but the same kind of interruption: `kawal demo` stopped halfway (rows
    /// committed in steps, indexes and triggers dropped for the load) leaves an empty, whole,
    /// WAL database that takes a demo again.
    @Test(arguments: [SIGINT, SIGTERM])
    func aDemoStoppedWhileWritingLeavesAnEmptyWorkingDatabase(signal: Int32) throws {
        let dir = Harness.tempDir("kawal-demo-stop")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("fresh.sqlite").path
        try #require(try Harness.kawal(["demo", "--db", fresh, "--companies", "1", "--today", Harness.goldenToday]).status == 0)
        let schema = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
        let db = dir.appendingPathComponent("k.sqlite").path
        let errors = dir.appendingPathComponent("stderr.txt").path
        let pid = try Self.spawn(Harness.binary, ["demo", "--db", db, "--companies", "300000", "--lang", "en"], stderr: errors)
        // Stop it once the first rows are committed.
        let deadline = Date().addingTimeInterval(60)
        var status: Int32 = 0
        var exited = false
        func companies() -> Int {
            // The file may not exist yet or be busy: no answer counts as none.
            guard let r = try? Harness.run("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM company"]), r.status == 0 else { return 0 }
            return Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        while companies() == 0, Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { exited = true; break }
            usleep(20_000)
        }
        try #require(!exited, "the demo finished before it could be stopped")
        kill(pid, signal)
        status = try Self.waitForExit(pid)
        #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 128 + signal)
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(said.contains("Writing the demo data stopped. \(db) is empty again."), "\(said)")
        #expect(try sql(db, "SELECT count(*) FROM company") == "0")
        #expect(try sql(db, "SELECT count(*) FROM case_event") == "0")
        #expect(try sql(db, schema) == (try sql(fresh, schema)))
        #expect(try sql(db, "PRAGMA journal_mode") == "wal")
        #expect(!FileManager.default.fileExists(atPath: db + "-fts-build"))
        #expect(try Harness.kawal(["demo", "--db", db, "--companies", "50", "--today", Harness.goldenToday]).status == 0)
        #expect(try sql(db, "SELECT count(*) FROM company") == "50")
    }
}
