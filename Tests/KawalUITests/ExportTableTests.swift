import KawalDomain
import Testing
@testable import KawalUI

@Suite("Export table")
struct ExportTableTests {
    static let row: ExportRow = {
        let c = Company(
            id: 42, name: "Batik \u{1B}[2JSekar\r\nJaya", legalForm: .cv, npwp: NPWP.make(prefix8: "01234567", tail6: "511000"),
            nib: nil, npp: nil, sector: Sector.forCode("13134"), address: "Jl. Hayam Wuruk\tNo. 1", kelurahan: "Kauman",
            kecamatan: "Pekalongan Timur", phone: "", owner: "Siti", estimatedWorkers: 12, registeredWorkers: 5, scale: .kecil,
            status: .pdsTK)
        let k = ComplianceCase(id: 7, companyID: 42, stage: .warning1, openedOn: Day(year: 2026, month: 10, day: 1)!,
                               nextDeadline: Day(year: 2026, month: 12, day: 3)!, assignee: "ari")
        return ExportRow(company: c, complianceCase: k)
    }()

    func cell(_ t: ExportTable, _ c: ExportColumn) -> ExportCell {
        t.cells(Self.row)[t.columns.firstIndex(of: c)!]
    }

    @Test func headersAreInTheUsersLanguageAndKeysAreStable() {
        let id = ExportTable(kind: .companies, format: .csv, strings: Strings(.id))
        let en = ExportTable(kind: .companies, format: .csv, strings: Strings(.en))
        #expect(id.headers.map(\.header).prefix(3) == ["ID Perusahaan", "Nama Usaha", "Bentuk Usaha"])
        #expect(en.headers.map(\.header).prefix(3) == ["Company ID", "Business name", "Legal form"])
        #expect(id.headers.map(\.key) == en.headers.map(\.key))
        #expect(Set(id.headers.map(\.key)).count == id.columns.count)
        let cases = ExportTable(kind: .cases, format: .json, strings: Strings(.id))
        #expect(cases.columns.first == .caseID)
        #expect(cases.columns.contains(.assignee) && !id.columns.contains(.assignee))
    }

    @Test func csvCellsReadForPeopleAndJsonCellsForPrograms() {
        let csv = ExportTable(kind: .cases, format: .csv, strings: Strings(.id))
        let json = ExportTable(kind: .cases, format: .json, strings: Strings(.id))
        #expect(cell(csv, .name) == .text("Batik ␛[2JSekar\nJaya"))
        #expect(cell(json, .name) == .text("Batik \u{1B}[2JSekar\r\nJaya"))
        #expect(cell(csv, .address) == .text("Jl. Hayam Wuruk\tNo. 1"))
        #expect(cell(csv, .npwp) == .text(Self.row.company.npwp!.formatted))
        #expect(Self.row.company.npwp!.formatted.hasPrefix("01.234.567."))
        #expect(cell(csv, .stage) == .text("Teguran I"))
        #expect(cell(json, .stage) == .text("warning1"))
        #expect(cell(csv, .scale) == .text("kecil"))
        #expect(cell(csv, .sector) == .text("Industri Batik"))
        #expect(cell(csv, .unprotectedWorkers) == .number(7))
        #expect(cell(csv, .nextDeadline) == .text("2026-12-03"))
        #expect(cell(csv, .caseOpened) == .text("2026-10-01"))
        #expect(cell(csv, .phone) == .empty)
        #expect(cell(csv, .nib) == .empty)
        #expect(cell(csv, .caseID) == .number(7))
        // The officer's name when the officers table has one, else the login.
        #expect(cell(csv, .assignee) == .text("ari"))
        var named = Self.row
        named.assigneeName = "Ari Wibowo"
        #expect(json.cells(named)[json.columns.firstIndex(of: .assignee)!] == .text("Ari Wibowo"))
        let none = ExportTable(kind: .companies, format: .csv, strings: Strings(.en))
        #expect(none.cells(ExportRow(company: Self.row.company, complianceCase: nil))[none.columns.firstIndex(of: .stage)!] == .empty)
        // No KBLI (a company only BPJAMSOSTEK lists): no sector either, not a bare "KBLI".
        var noKBLI = Self.row.company
        noKBLI.sector = Sector.forCode("")
        let cells = csv.cells(ExportRow(company: noKBLI, complianceCase: nil))
        #expect(cells[csv.columns.firstIndex(of: .kbli)!] == .empty && cells[csv.columns.firstIndex(of: .sector)!] == .empty)
        #expect(Sector.forCode("99999").label == "KBLI 99999")
    }

    /// A blank Bentuk Usaha is kept as Perorangan and a blank worker count as 0: the export
    /// leaves them empty, and what a guess from that count would give (unprotected, scale).
    @Test func valuesNobodyGaveAreLeftEmpty() {
        var c = Self.row.company
        c.legalForm = .perorangan
        c.estimatedWorkers = 0
        c.registeredWorkers = 3
        c.scale = .forWorkers(0)
        for format in ExportFormat.allCases {
            let t = ExportTable(kind: .companies, format: format, strings: Strings(.id))
            let cells = t.cells(ExportRow(company: c, complianceCase: nil))
            for col in [ExportColumn.legalForm, .estimatedWorkers, .unprotectedWorkers, .scale] {
                #expect(cells[t.columns.firstIndex(of: col)!] == .empty, "\(format) \(col)")
            }
            // Registered workers: 0 is a count BPJAMSOSTEK gives.
            #expect(cells[t.columns.firstIndex(of: .registeredWorkers)!] == .number(3))
        }
        // Perorangan over a name with another form in it was given (it keeps the word in the name).
        var named = c
        named.name = "Koperasi Batik Sekar"
        let json = ExportTable(kind: .companies, format: .json, strings: Strings(.id))
        #expect(json.cells(ExportRow(company: named, complianceCase: nil))[json.columns.firstIndex(of: .legalForm)!] == .text("Perorangan"))
        // A scale that does not follow from the missing count was given: it stays.
        c.scale = .besar
        let csv = ExportTable(kind: .companies, format: .csv, strings: Strings(.id))
        #expect(csv.cells(ExportRow(company: c, complianceCase: nil))[csv.columns.firstIndex(of: .scale)!] == .text("besar"))
    }

    @Test func codesInDigitsAreCodesForPeopleAndTextForPrograms() throws {
        var c = Self.row.company
        c.nib = try NIB("9120001234567")
        c.npp = try NPP("01234567")
        c.sector = Sector.forCode("01111")
        c.phone = "0812\u{1B}3456"
        let row = ExportRow(company: c, complianceCase: nil)
        let csv = ExportTable(kind: .companies, format: .csv, strings: Strings(.id))
        let json = ExportTable(kind: .companies, format: .json, strings: Strings(.id))
        func at(_ t: ExportTable, _ col: ExportColumn) -> ExportCell { t.cells(row)[t.columns.firstIndex(of: col)!] }
        #expect(at(csv, .nib) == .code("9120001234567"))
        #expect(at(csv, .npp) == .code("01234567"))
        #expect(at(csv, .kbli) == .code("01111"))
        #expect(at(csv, .phone) == .code("0812␛3456"))
        #expect(at(json, .nib) == .text("9120001234567"))
        #expect(at(json, .kbli) == .text("01111"))
        #expect(at(json, .phone) == .text("0812\u{1B}3456"))
        // The NPWP, written with its punctuation, is text Excel leaves alone.
        #expect(at(csv, .npwp) == .text(c.npwp!.formatted))
    }
}
