import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI
#if canImport(Glibc)
import Glibc
#endif

/// `kawal bench import`: times `kawal import` on generated lists against `sqlite3 .import`.
///
/// A developer tool: it writes a Pemkot CSV of `--rows` rows (about 150 bytes each), times
/// `sqlite3`'s `.import` of it into a bare table, then `kawal import` of it into an empty
/// database, then of a BPJAMSOSTEK list of as many rows of which half are the same companies
/// (by NPWP). Each import runs as a child process, so its wall time and peak resident set
/// (from `wait4`) are its own. Prints the figures beside the targets; asserts nothing.
struct ImportBench: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "import", abstract: UsageError.strings.text(HelpText.importBenchAbstract))
    }

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.importBenchRows)))
    var rows: Int = 1_000_000

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.importBenchFolder)))
    var dir: String?

    @Flag(name: .customLong("keep-files"), help: ArgumentHelp(UsageError.strings.text(HelpText.importBenchKeep)))
    var keep = false

    func validate() throws {
        guard rows >= 2, rows <= 10_000_000 else {
            throw ValidationError(UsageError.strings.text(UsageText.outOfRange, "--rows", "2", "10000000"))
        }
    }

    func run() throws {
        try reportingErrors {
            let folder = dir ?? NSTemporaryDirectory() + "kawal-bench-import-\(getpid())"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(atPath: folder) } }
            let pemkot = folder + "/pemkot.csv"
            let bpjs = folder + "/bpjs.csv"
            let db = folder + "/kawal.sqlite"
            let bare = folder + "/bare.sqlite"
            // Both databases start empty, even in a folder a kept run left behind.
            for path in [db, bare] { AppDatabase.removeFiles(at: path) }
            let command = CommandLine.arguments.map(BenchReport.shellQuoted).joined(separator: " ")
            print("Generating \(rows) Pemkot rows and \(rows) BPJAMSOSTEK rows (half of them the same companies) in \(folder) …")
            let (_, generated) = try millis {
                try ListGenerator.writePemkot(pemkot, rows: rows)
                try ListGenerator.writeBPJS(bpjs, rows: rows, overlap: rows / 2)
            }
            let mb = Double((try? FileManager.default.attributesOfItem(atPath: pemkot)[.size] as? Int) ?? 0) / 1e6
            print(String(format: "Generated in %.1f s; the Pemkot file is %.1f MB.", generated / 1000, mb))

            let sqlite = try MeasuredChild.run("/usr/bin/env", ["sqlite3", bare, "-cmd", ".mode csv", "-cmd", ".import \(pemkot) pemkot", ".exit"])
            guard sqlite.status == 0 else { throw CLIError("sqlite3 .import failed (status \(sqlite.status)); is sqlite3 installed?") }
            let me = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
                : (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            let first = try MeasuredChild.run(me, ["import", "--source", "pemkot", pemkot, "--db", db, "--today", "2026-11-27"])
            guard first.status == 0 else { throw CLIError("kawal import (pemkot) failed with status \(first.status)") }
            let second = try MeasuredChild.run(me, ["import", "--source", "bpjs", bpjs, "--db", db, "--today", "2026-11-27"])
            guard second.status == 0 else { throw CLIError("kawal import (bpjs) failed with status \(second.status)") }
            let dbMB = Double((try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0) / 1e6

            let ratio = first.seconds / sqlite.seconds
            print("")
            print("kawal import benchmark — \(BenchReport.machine())")
            print("command: \(command)")
            print(String(format: "  sqlite3 .import of the Pemkot file (bare table)     %7.1f s   (CPU %.1f s)", sqlite.seconds, sqlite.cpuSeconds))
            print(String(format: "  kawal import pemkot, empty database                  %7.1f s   %.2f× sqlite3 (target ≤ 3×: %@)",
                         first.seconds, ratio, BenchReport.verdict(ratio <= 3)))
            print(String(format: "      CPU %.1f s (%.2f× sqlite3's CPU); peak RSS %.0f MB (target < 200 MB: %@)", first.cpuSeconds,
                         first.cpuSeconds / max(0.001, sqlite.cpuSeconds), first.peakMB, BenchReport.verdict(first.peakMB < 200)))
            print(String(format: "  kawal import bpjs, half overlapping                  %7.1f s   (target < 30 s: %@)",
                         second.seconds, BenchReport.verdict(second.seconds < 30)))
            print(String(format: "      CPU %.1f s; peak RSS %.0f MB", second.cpuSeconds, second.peakMB))
            print(String(format: "  database afterwards: %.0f MB; rows per list: %d", dbMB, rows))
        }
    }
}

/// A child process's wall time and peak resident set.
enum MeasuredChild {
    struct Result {
        var status: Int32
        var seconds: Double
        var peakMB: Double
        /// User plus system CPU seconds (on a busy machine, closer to what the work costs than wall time).
        var cpuSeconds: Double
    }

    /// Runs `path` with its output on /dev/null and waits, measuring with `wait4`. Dirty pages
    /// of earlier steps (the generated files, the previous database) are written out first, so
    /// their write-back does not land in this measurement.
    static func run(_ path: String, _ arguments: [String]) throws -> Result {
        sync()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let start = monotonicNanos()
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw CLIError("cannot start \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let seconds = Double(monotonicNanos() - start) / 1e9
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Result(status: code, seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, cpuSeconds: cpu)
    }
}

/// Writes realistic, deterministic lists quickly (a buffered file, one row at a time).
enum ListGenerator {
    static let kelurahan = [("Kergon", "Pekalongan Barat"), ("Medono", "Pekalongan Barat"), ("Kauman", "Pekalongan Timur"),
                            ("Setono", "Pekalongan Timur"), ("Krapyak", "Pekalongan Utara"), ("Panjang Wetan", "Pekalongan Utara"),
                            ("Jenggot", "Pekalongan Selatan"), ("Kuripan Kidul", "Pekalongan Selatan")]
    static let words = ["Batik", "Sekar", "Jaya", "Makmur", "Sentosa", "Abadi", "Putra", "Mulia", "Sari", "Indah", "Konveksi",
                        "Tenun", "Ikan", "Asap", "Roti", "Maju", "Barokah", "Lestari", "Kencana", "Wijaya"]
    static let streets = ["Jl. Hayam Wuruk", "Jl. Seruni", "Jl. Kurinci", "Jl. Dr. Sutomo", "Jl. Urip Sumoharjo", "Gg. Kenanga",
                          "Jl. Pantai Sari", "Jl. Sultan Agung"]
    static let forms = ["PT", "CV", "UD", "Koperasi", ""]
    static let kbli = ["13134", "14111", "13121", "10213", "10792", "47711"]

    /// The NPWP of company `i` (valid check digit), so both lists can name the same company.
    static func npwp(_ i: Int) -> String { NPWP.make(prefix8: String(10_000_000 + i), tail6: "511000").formatted }

    static func name(_ i: Int) -> String {
        var x = UInt64(i) &* 0x9E37_79B9_7F4A_7C15
        var parts: [String] = []
        for _ in 0..<3 {
            parts.append(words[Int(x % UInt64(words.count))])
            x /= UInt64(words.count)
        }
        return parts.joined(separator: " ") + " \(i)"
    }

    static func writePemkot(_ path: String, rows: Int) throws {
        try write(path, count: rows, header: "Nama Usaha,Bentuk Usaha,NIB,NPWP,Alamat,Kelurahan,Kecamatan,KBLI,Jumlah Tenaga Kerja,Telepon,Pemilik") { i in
            let (kel, kec) = kelurahan[i % kelurahan.count]
            let nib = String(8_120_000_000_000 + i)
            return "\(name(i)),\(forms[i % forms.count]),\(nib),\(npwp(i)),\"\(streets[i % streets.count]) No. \(i % 300 + 1), RT 0\(i % 9 + 1)/RW 0\(i % 7 + 1)\",\(kel),\(kec),\(kbli[i % kbli.count]),\(i % 60 + 1),0285-\(400_000 + i % 99_999),Pemilik Usaha \(i % 5000)"
        }
    }

    /// Companies `overlap...` of the Pemkot list again (by NPWP), then new ones.
    static func writeBPJS(_ path: String, rows: Int, overlap: Int) throws {
        let statuses = ["PWBD", "PDS-TK", "PDS-Upah", "PDS-Program", "Patuh"]
        try write(path, count: rows, header: "NPP,Nama Perusahaan,NPWP,Alamat,Kecamatan,Status Kepesertaan,TK Terdaftar,TK Potensi") { k in
            let i = rows - overlap + k
            let (_, kec) = kelurahan[i % kelurahan.count]
            let status = statuses[i % statuses.count]
            let npp = status == "PWBD" ? "" : String(30_000_000 + i)
            let workers = i % 60 + 1
            let registered = status == "PWBD" ? 0 : status == "PDS-TK" ? workers / 2 : workers
            return "\(npp),\(forms[i % forms.count]) \(name(i)),\(npwp(i)),\"\(streets[i % streets.count]) No. \(i % 300 + 1)\",\(kec),\(status),\(registered),\(workers + i % 3)"
        }
    }

    static func write(_ path: String, count: Int, header: String, row: (Int) -> String) throws {
        guard let f = fopen(path, "wb") else { throw CLIError("cannot write \(path)") }
        defer { fclose(f) }
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: header.utf8)
        buffer.append(10)
        for i in 0..<count {
            buffer.append(contentsOf: row(i).utf8)
            buffer.append(10)
            if buffer.count > 1 << 20 {
                guard fwrite(buffer, 1, buffer.count, f) == buffer.count else { throw CLIError("cannot write \(path)") }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        guard fwrite(buffer, 1, buffer.count, f) == buffer.count else { throw CLIError("cannot write \(path)") }
    }
}
