import MediationCore
import Testing

extension AnonymisationTests {
    /// Identifiers nobody stored, found by their shape.
    @Suite("Patterns")
    struct IdentifierPatternTests {
        private func anonymised(_ text: String) -> String {
            AnonymisationTests.patternsOnly.anonymise(text)
        }

        @Test(arguments: [
            "06-12345678", "06 1234 5678", "0612345678", "06 12 34 56 78", "+31 6 12345678", "+31 (0)6 12345678",
            "06 - 12345678", "010 - 123 4567",
            "+31612345678", "0031 6 12345678", "020-1234567", "020 123 4567", "(020) 123 45 67", "030-2 345 678",
            "(0523) 123456", "0800-1234", "0900-1234567", "+31 (0)20 1234567",
        ])
        func phoneNumbersInTheirUsualForms(number: String) {
            #expect(anonymised("Bel mij op \(number), liefst na 17.00 uur.") == "Bel mij op [telefoonnummer], liefst na 17.00 uur.")
        }

        @Test(arguments: ["1234 AB", "1234AB", "3511 jj", "9999 ZZ"])
        func postcodes(postcode: String) {
            let expected = postcode == "3511 jj" ? "Postcode 3511 jj Utrecht." : "Postcode [postcode] Utrecht."
            // Lower case letters only count written together: "3511 jj" is not a postcode.
            #expect(anonymised("Postcode \(postcode) Utrecht.") == expected)
        }

        @Test func fourDigitsFollowedByWordsAreNoPostcode() {
            let text = "In 1980 op zee, 2024 en 2025 waren zwaar; artikel 1234 BW; € 1.234 AB-kosten; 1234 SS."
            #expect(anonymised(text) == text)
        }

        @Test(arguments: [
            "Kerkstraat 12", "Kerkstraat 12a", "Van Woustraat 12-II", "Burgemeester de Withstraat 5 bis", "Oude Gracht 123 hs",
            "Prins Hendrikkade 112-3", "Jan van Galenstraat 7 A", "Dorpsweg 1", "Stationsplein 45", "Lange Voorhoutplein 3",
            "Oudezijds Voorburgwal 12", "Ring 4", "Wilhelminapark 30", "Esdoornlaan 41",
        ])
        func streetAddresses(address: String) {
            #expect(anonymised("Zij woont aan de \(address), al jaren.") == "Zij woont aan de [adres], al jaren.")
        }

        @Test func streetLikeWordsWithNumbersThatAreNoAddressStay() {
            let text = "De Vordering 12 is betaald; het Gerechtshof 12 maart 2026; de Arbeidsmarkt 2024; artikel 12, tweede lid."
            #expect(anonymised(text) == text)
        }

        @Test func aPrepositionStartingTheSentenceIsNoPartOfTheStreet() {
            #expect(anonymised("In de Kerkstraat 12 woont zij.") == "In de [adres] woont zij.")
        }

        @Test(arguments: [
            ("geboren op 12-03-1980", "geboren op [geboortedatum]"),
            ("geboren 12/03/1980", "geboren [geboortedatum]"),
            ("Geboortedatum: 1980-03-12", "Geboortedatum: [geboortedatum]"),
            ("geb. 12 maart 1980", "geb. [geboortedatum]"),
            ("geb. datum 12 mrt. 1980", "geb. datum [geboortedatum]"),
            ("geboren te Den Haag op 4 mei 1969", "geboren te Den Haag op [geboortedatum]"),
            ("geboortedatum verzoekster: 02/11/1991", "geboortedatum verzoekster: [geboortedatum]"),
            ("date of birth: 12 March 1980", "date of birth: [geboortedatum]"),
            ("(geb. 15-08-57)", "(geb. [geboortedatum])"),
        ])
        func datesOfBirth(text: String, expected: String) {
            #expect(anonymised(text) == expected)
        }

        @Test func otherDatesStay() {
            let text = "Utrecht, 12 maart 2026. Uw brief van 12-03-2026 (kenmerk 2026-0001): betaal vóór 1 april 2026, uiterlijk 2026-04-01; geboren en getogen, sinds 01-03-2024 hier."
            #expect(anonymised(text) == text)
        }

        @Test(arguments: [
            "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9", "9-XXX-99", "XX-999-X",
            "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
        ])
        func licencePlatesInEverySidecode(sidecode: String) {
            var letters = "GHJKLNPRSTZ".makeIterator(), digits = "1234567890".makeIterator()
            let plate = String(sidecode.map { $0 == "X" ? letters.next()! : $0 == "9" ? digits.next()! : $0 })
            #expect(anonymised("De auto met \(plate) stond fout.") == "De auto met [kenteken] stond fout.")
        }

        @Test(arguments: ["kenteken 12ABC3", "Kenteken: GHJK12", "kenteken AB 12 CD", "kenteken ab-12-cd", "kentekenplaat 1-ABC-23"])
        func platesAfterTheWordKenteken(text: String) {
            let word = String(text.prefix { $0.isLetter })
            #expect(anonymised(text).hasPrefix(word) && anonymised(text).hasSuffix("[kenteken]"))
        }

        @Test func referencesAmountsDatesAndArticlesAreNoPlates() {
            let text = "Zaak 2026-0001, € 1.234,56, 12-03-80, artikel 7:2 BW, COVID-19, A28, AOW-uitkering, kenteken nog onbekend."
            #expect(anonymised(text) == text)
        }

        @Test func emailAddresses() {
            let text = "Mail naar a.de-vries+klacht@example.co.uk of INFO@Gemeente.NL."
            #expect(anonymised(text) == "Mail naar [e-mailadres] of [e-mailadres].")
        }

        @Test(arguments: ["06-12345678", "0612345678", "+31 6 12345678", "1234AB", "1234.56.782", "NL91ABNA0417164300", "12-03-1980"])
        func patternsOnlyLeaveNothingTheyWouldFind(identifier: String) {
            let text = "Gegevens: \(identifier == "12-03-1980" ? "geboren " : "")\(identifier)."
            #expect(!AnonymisationTests.patternsOnly.leaks(in: text).isEmpty)
            #expect(AnonymisationTests.patternsOnly.leaks(in: anonymised(text)).isEmpty)
        }
    }
}
