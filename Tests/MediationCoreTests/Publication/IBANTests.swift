import MediationCore
import Testing

extension AnonymisationTests {
    @Suite("IBAN (mod-97)")
    struct IBANTests {
        @Test(arguments: ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "BE68539007547034", "DE89370400440532013000"])
        func ibansWithRightCheckDigitsAreValid(iban: String) {
            #expect(IBAN.isValid(iban))
        }

        @Test(arguments: [
            "NL91ABNA0417164301", "NL92ABNA0417164300", "NL91ABNA041716430", "NL91 ABNA 0417 1643 0O",
            "9191ABNA0417164300", "NLXXABNA0417164300", "NL9", "NL91ABNA0417164300NL91ABNA0417164300",
        ])
        func othersAreNot(iban: String) {
            #expect(!IBAN.isValid(iban))
        }

        @Test func aValidIBANIsRemovedWithOrWithoutSpaces() {
            let text = "Rekening NL91ABNA0417164300, of NL91 ABNA 0417 1643 00."
            #expect(AnonymisationTests.patternsOnly.anonymise(text) == "Rekening [IBAN], of [IBAN].")
        }

        @Test(arguments: ["NL91ABNA0417164301", "NL91 ABNA 0417 1643 01"])
        func anIBANWithOneDigitChangedStaysWhole(iban: String) {
            // Also not partly taken for a phone number ("0417 1643 01").
            let text = "Het verkeerde nummer \(iban) kwam van de bank."
            #expect(AnonymisationTests.patternsOnly.anonymise(text) == text)
        }
    }
}
