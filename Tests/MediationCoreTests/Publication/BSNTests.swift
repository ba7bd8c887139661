import MediationCore
import Testing

extension AnonymisationTests {
    @Suite("BSN (elfproef)")
    struct BSNTests {
        @Test(arguments: ["111222333", "123456782", "1234.56.782", "123 456 782", "628194821"])
        func numbersPassingTheElfproefAreValid(number: String) {
            #expect(BSN.isValid(number))
        }

        @Test(arguments: ["123456789", "111222334", "000000000", "12345678", "1234567820", "12345678a", "", "1234-56-782"])
        func otherNumbersAreNot(number: String) {
            #expect(!BSN.isValid(number))
        }

        @Test func aValidBSNIsRemovedInEachWrittenForm() {
            let text = "BSN 123456782, ook geschreven als 1234.56.782 of 123 456 782."
            #expect(AnonymisationTests.patternsOnly.anonymise(text) == "BSN [BSN], ook geschreven als [BSN] of [BSN].")
        }

        @Test func nineDigitsFailingTheElfproefStay() {
            let text = "Klantnummer 123456789 en factuur 111222334."
            #expect(AnonymisationTests.patternsOnly.anonymise(text) == text)
            #expect(AnonymisationTests.patternsOnly.leaks(in: text).isEmpty)
        }

        @Test func aValidNumberInsideALongerNumberOrAnAmountStays() {
            let text = "Referentie 11122233345 en een bedrag van € 123.456.782."
            #expect(AnonymisationTests.patternsOnly.anonymise(text) == text)
        }
    }
}
