import KawalDomain
import KawalUI
import Testing

/// The reasons written into the rejected file's last column, in both languages.
@Suite struct ImportTextTests {
    @Test func aRowNamingTwoCompaniesSaysWhichAndThatNeitherChanged() {
        let clash = IdentifierClash(field: .npp, value: "10228211", matchedID: 1, matchedBy: .npwp, otherID: 245,
                                    matchedName: "Garmen Putra Mandiri", otherName: "Rumah Batik Sekar Jagad")
        #expect(Strings(.id).rowProblem(.identifierClash(clash))
                == "NPP 10228211 sudah milik #245 Rumah Batik Sekar Jagad, padahal NPWP baris ini cocok dengan #1 Garmen Putra Mandiri: "
                + "periksa mana yang benar; keduanya tidak diubah")
        #expect(Strings(.en).rowProblem(.identifierClash(clash))
                == "NPP 10228211 already belongs to #245 Rumah Batik Sekar Jagad, but this row's NPWP matches #1 Garmen Putra Mandiri: "
                + "check which is right; neither was changed")
        var byName = clash
        byName.matchedBy = nil
        #expect(Strings(.id).rowProblem(.identifierClash(byName)).contains(", padahal nama baris ini cocok dengan #1 Garmen Putra Mandiri: "))
    }

    @Test func aRowWithAnotherNPWPThanItsCompanySaysBoth() {
        let d = IdentifierDiffers(field: .npwp, value: "03.456.789.1-511.000", companyValue: "01.234.567.4-511.000", matchedID: 1,
                                  matchedBy: .nib, matchedName: "Griya Batik")
        #expect(Strings(.id).rowProblem(.identifierDiffers(d))
                == "NIB baris ini cocok dengan #1 Griya Batik, tetapi NPWP baris ini 03.456.789.1-511.000 berbeda dengan NPWP perusahaan itu "
                + "01.234.567.4-511.000: periksa mana yang benar; perusahaan tidak diubah")
        #expect(Strings(.en).rowProblem(.identifierDiffers(d))
                == "This row's NIB matches #1 Griya Batik, but its NPWP 03.456.789.1-511.000 differs from that company's NPWP "
                + "01.234.567.4-511.000: check which is right; the company was not changed")
    }

    @Test func severalKBLIAndAPersonalNPWPSayWhatTheyAre() {
        let kbli = IdentifierError(field: .kbli, value: "13134, 46491", problem: .severalCodes)
        #expect(Strings(.id).rowProblem(.identifier(kbli)) == "KBLI 13134, 46491: lebih dari satu kode; sisakan satu, KBLI utama")
        let nik = IdentifierError(field: .npwp, value: "3375012345678901", problem: .sixteenDigitsMustStartWithZero)
        #expect(Strings(.en).rowProblem(.identifier(nik))
                == "NPWP 3375012345678901: 16 digits must start with 0 (other 16 digits are a NIK, a person's NPWP, not accepted yet)")
    }

    @Test func identifiersASpreadsheetMangledSaySo() {
        let sci = IdentifierError(field: .nib, value: "9,12043E+12", problem: .scientificNotation)
        #expect(Strings(.id).rowProblem(.identifier(sci)) == "NIB 9,12043E+12: Excel menulisnya sebagai angka dalam notasi ilmiah, digitnya hilang di CSV ini")
        #expect(Strings(.en).rowProblem(.identifier(sci)) == "NIB 9,12043E+12: Excel wrote it as a number in scientific notation, its digits are lost in this CSV")
        let short = IdentifierError(field: .npwp, value: "12345674901234", problem: .wrongLength(got: 14, expected: [15, 16]))
        #expect(Strings(.en).rowProblem(.identifier(short)) == "NPWP 12345674901234: 14 digits, expected 15/16 (Excel may have dropped its leading 0)")
        let typed = IdentifierError(field: .npwp, value: "1.234.567.4-901.234", problem: .wrongLength(got: 14, expected: [15, 16]))
        #expect(Strings(.en).rowProblem(.identifier(typed)) == "NPWP 1.234.567.4-901.234: 14 digits, expected 15/16")
        #expect(Strings(.en).rowProblem(.onlyAName).hasPrefix("only a name is given: no NPWP, NIB, NPP, address or kelurahan"))
        #expect(Strings(.id).rowProblem(.phoneAsNumber("8,12346E+10")) == "Telepon 8,12346E+10: Excel menulisnya sebagai angka dalam notasi ilmiah, digitnya hilang di CSV ini")
    }

    @Test func aStrayQuoteSaysWhatToFixAndHowManyLinesTheRowTookIn() {
        #expect(Strings(.en).rowProblem(.strayQuote(lines: 1))
                == "A quote (\") inside a cell that starts with a quote is not doubled, so this row's columns cannot be read. "
                + "Double it (\"\") or remove the cell's opening quote")
        #expect(Strings(.id).rowProblem(.strayQuote(lines: 3)).hasSuffix("hapus tanda petik pembuka sel itu (baris ini jadi mencakup 3 baris berkas)"))
    }
}
