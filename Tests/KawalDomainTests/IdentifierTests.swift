import Testing
@testable import KawalDomain

@Suite("Identifiers")
struct IdentifierTests {
    // 01.234.567.4-901.234: Luhn over 012345674 holds (check digit 4).
    @Test func npwpAcceptsFifteenDigitsWithOrWithoutPunctuation() throws {
        let plain = try NPWP("012345674901234")
        let punctuated = try NPWP("01.234.567.4-901.234")
        #expect(plain == punctuated)
        #expect(plain.formatted == "01.234.567.4-901.234")
        #expect(plain.digits == "012345674901234")
    }

    @Test func npwpSixteenDigitFormEqualsFifteen() throws {
        let sixteen = try NPWP("0012345674901234")
        let fifteen = try NPWP("01.234.567.4-901.234")
        #expect(sixteen == fifteen)
        #expect(sixteen.sixteenDigits == "0012345674901234")
        #expect(sixteen.formatted == "01.234.567.4-901.234")
    }

    @Test func npwpRejectsBadCheckDigit() {
        #expect(throws: IdentifierError(field: .npwp, value: "01.234.567.9-901.234", problem: .checksum)) {
            try NPWP("01.234.567.9-901.234")
        }
    }

    @Test func npwpSixteenDigitsMustStartWithZero() {
        #expect(throws: IdentifierError(field: .npwp, value: "1012345678901234", problem: .sixteenDigitsMustStartWithZero)) {
            try NPWP("1012345678901234")
        }
    }

    @Test(arguments: [
        ("", IdentifierError.Problem.empty),
        ("12345", .wrongLength(got: 5, expected: [15, 16])),
        ("01.234.567.8-901.23", .wrongLength(got: 14, expected: [15, 16])),
        ("01.234.567.4-901.2345", .wrongLength(got: 16, expected: [15, 16])),  // 16 digits not starting with 0? starts with 0 → checksum path
        ("01,234,567,8-901,234", .invalidCharacter(",")),
        ("NPWP 012345678901234", .invalidCharacter("N")),
        ("0I.234.567.8-901.234", .invalidCharacter("I")),
    ])
    func npwpRealWorldBadValues(raw: String, problem: IdentifierError.Problem) {
        do {
            _ = try NPWP(raw)
            Issue.record("accepted \(raw)")
        } catch {
            #expect(error.field == .npwp)
            if raw == "01.234.567.4-901.2345" {
                // 16 digits starting with 0: treated as the new form, then checked.
                #expect(error.problem == .checksum)
            } else {
                #expect(error.problem == problem)
            }
        }
    }

    /// What Excel writes for an identifier it stored as a number: the digits are gone, and
    /// the problem says so rather than naming the comma as a bad character.
    @Test(arguments: ["9,12043E+12", "9.12043E+12", "1.23457e+14", " 9,12043E+12 ", "9E+12", "1,2E-3"])
    func scientificNotationIsRecognised(raw: String) {
        #expect(throws: IdentifierError(field: .nib, value: raw, problem: .scientificNotation)) { try NIB(raw) }
        #expect(throws: IdentifierError(field: .npwp, value: raw, problem: .scientificNotation)) { try NPWP(raw) }
        #expect(throws: IdentifierError(field: .npp, value: raw, problem: .scientificNotation)) { try NPP(raw) }
    }

    @Test(arguments: [("9,12043X+12", Character(",")), ("E+12", "E"), ("12,34", ","), ("9,1E+", ","), ("9,E+12", ","), ("9.1E+12x", "E")])
    func almostScientificNotationIsABadCharacter(raw: String, bad: Character) {
        #expect(throws: IdentifierError(field: .nib, value: raw, problem: .invalidCharacter(bad))) { try NIB(raw) }
    }

    /// A number that lost its leading 0 is one digit short; the hint is given only when the
    /// 0 would make it valid.
    @Test func aLostLeadingZeroIsSuspectedOnlyWhereAZeroMakesItValid() {
        func suspected<T: DigitIdentifier>(_ type: T.Type, _ raw: String) -> Bool? {
            do { _ = try T(raw); return nil } catch { return error.mayHaveLostLeadingZero }
        }
        #expect(suspected(NPWP.self, "12345674901234") == true)  // 0 + these is 01.234.567.4-901.234
        #expect(suspected(NPWP.self, "12345678901234") == false)  // the check digit fails with the 0
        #expect(suspected(NPWP.self, "1.234.567.4-901.234") == false)  // typed, not a number
        #expect(suspected(NPWP.self, "1234567490123") == false)  // two short
        #expect(suspected(NIB.self, "912012345678") == true)
        #expect(suspected(NPP.self, "1234567") == true)
        #expect(suspected(NIB.self, "9120123456789") == nil)
    }

    @Test func npwpMakeComputesAValidCheckDigit() throws {
        for prefix in ["01234567", "31415926", "99999999", "00000001"] {
            let n = NPWP.make(prefix8: prefix, tail6: "123000")
            #expect(try NPWP(n.formatted) == n)
            #expect(n.digits.hasPrefix(prefix))
        }
    }

    @Test func nibIsThirteenDigits() throws {
        #expect(try NIB("9120001234567").digits == "9120001234567")
        #expect(try NIB("912 000 123 4567").digits == "9120001234567")
        #expect(throws: IdentifierError(field: .nib, value: "912000123456", problem: .wrongLength(got: 12, expected: [13]))) {
            try NIB("912000123456")
        }
        #expect(throws: IdentifierError(field: .nib, value: "91200012345x7", problem: .invalidCharacter("x"))) {
            try NIB("91200012345x7")
        }
    }

    @Test func nppIsEightDigitsAndNikIsMasked() throws {
        #expect(try NPP("12345678").digits == "12345678")
        #expect(throws: IdentifierError.self) { try NPP("1234567") }
        let nik = try NIK("3375011234567890")
        #expect(nik.masked == "337501********90")
        #expect(!nik.description.contains("12345678"))
        #expect(throws: IdentifierError.self) { try NIK("33750112345678") }
    }

    @Test func errorsNameTheField() {
        let e = IdentifierError(field: .nib, value: "1", problem: .wrongLength(got: 1, expected: [13]))
        #expect(e.description.hasPrefix("NIB"))
    }
}

@Suite("Days")
struct DayTests {
    @Test func serialRoundTrips() {
        for serial in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(serial: serial).serial == serial)
        }
        #expect(Day(serial: 0).iso == "1970-01-01")
    }

    @Test func parsesIsoAndSlashedForms() {
        #expect(Day(parsing: "2022-01-17") == Day(year: 2022, month: 1, day: 17))
        #expect(Day(parsing: "17/01/2022") == Day(year: 2022, month: 1, day: 17))
        #expect(Day(parsing: "7/1/2022") == Day(year: 2022, month: 1, day: 7))
        #expect(Day(parsing: "2022-02-30") == nil)
        #expect(Day(parsing: "31/04/2022") == nil)
        #expect(Day(parsing: "2022-1-17") == nil)
        #expect(Day(parsing: "kemarin") == nil)
        #expect(Day(parsing: "29/02/2024") != nil)
        #expect(Day(parsing: "29/02/2023") == nil)
    }

    @Test func weekdays() {
        #expect(Day(year: 2022, month: 1, day: 17)!.weekday == 1)  // Monday
        #expect(Day(year: 2022, month: 1, day: 31)!.weekday == 1)
        #expect(Day(year: 2026, month: 11, day: 29)!.weekday == 7)  // Sunday
        #expect(Day(year: 2026, month: 11, day: 28)!.isWeekend)
        #expect(!Day(year: 2026, month: 11, day: 27)!.isWeekend)
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test func statusCodesParseLoosely() {
        #expect(ComplianceStatus(code: "pds tk") == .pdsTK)
        #expect(ComplianceStatus(code: "PDS_Upah") == .pdsUpah)
        #expect(ComplianceStatus(code: "pwbd") == .pwbd)
        #expect(ComplianceStatus(code: "patuh") == .patuh)
        #expect(ComplianceStatus(code: "lunas") == nil)
        #expect(ComplianceStatus(code: "Perusahaan Wajib Belum Daftar") == .pwbd)
        #expect(ComplianceStatus(code: "Perusahaan Daftar Sebagian – Tenaga Kerja") == .pdsTK)
        #expect(ComplianceStatus(code: "PDS - Tenaga Kerja") == .pdsTK)
        #expect(ComplianceStatus(code: "PDS – Upah") == .pdsUpah)
        #expect(ComplianceStatus(code: "Perusahaan Daftar Sebagian Program") == .pdsProgram)
        #expect(ComplianceStatus(code: "Perusahaan Daftar") == nil)
        #expect(ComplianceStatus(code: "Belum Daftar") == nil)
    }

    @Test func mandatoryProgrammesFollowScale() {
        #expect(Scale.mikro.mandatoryProgrammes == [.jkk, .jkm])
        #expect(Scale.kecil.mandatoryProgrammes == [.jkk, .jkm, .jht])
        #expect(Scale.besar.mandatoryProgrammes == [.jkk, .jkm, .jht, .jp])
    }

    @Test func unprotectedWorkersNeverNegative() {
        #expect(Company.unprotected(estimated: 40, registered: 12) == 28)
        #expect(Company.unprotected(estimated: 10, registered: 12) == 0)
    }

    @Test func kecamatanLookups() {
        #expect(Kecamatan.containing(kelurahan: "kauman")?.name == "Pekalongan Timur")
        #expect(Kecamatan.shortName("Pekalongan Selatan") == "Selatan")
        #expect(Kecamatan.pekalongan.count == 4)
        #expect(Sector.forCode("13134").label == "Industri Batik")
    }

    @Test func clearingFiltersKeepsSearchAndSort() {
        var q = CompanyQuery(statuses: [.pwbd], stages: [.warning1], kecamatan: ["Pekalongan Utara"], sectors: ["13134"],
                             search: "batik", sort: .deadline, reversed: true)
        #expect(q.hasFilters)
        q.clearFilters()
        #expect(!q.hasFilters)
        #expect(q == CompanyQuery(search: "batik", sort: .deadline, reversed: true))
    }

    @Test func ladderOrder() {
        #expect(Stage.ladder.count == 8)
        #expect(Stage.ladder.first == .identified)
        #expect(Stage.ladder.last == .referred)
        #expect(Stage.compliant.rung == nil)
        #expect(Stage.warning1 < Stage.warning2)
    }
}
