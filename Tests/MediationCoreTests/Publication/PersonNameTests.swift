import MediationCore
import Testing

extension AnonymisationTests {
    /// People become their roles, in every way a letter refers to them.
    @Suite("Names")
    struct PersonNameTests {
        let anonymiser = Anonymiser(details: AnonymisationTests.details, keep: ["Gemeente Utrecht"])

        @Test(arguments: [
            "Anna Maria de Vries", "Anna de Vries", "A.M. de Vries", "A. M. de Vries", "A. de Vries", "M. de Vries",
            "De Vries", "de Vries", "DE VRIES", "Vries", "mevrouw De Vries", "Mevrouw de Vries", "mw. De Vries", "mevr. A.M. de Vries",
            "mevrouw mr. De Vries", "Anna", "mevrouw Anna de Vries",
        ])
        func everyMentionOfTheComplainantBecomesVerzoeker(mention: String) {
            #expect(anonymiser.anonymise("Op 3 maart belde \(mention) ons.") == "Op 3 maart belde verzoeker ons.")
        }

        @Test(arguments: ["de heer Jansen", "De heer Jansen", "dhr. Jansen", "mr. Jansen", "mr. P. Jansen", "de hr. Jansen", "Jansen", "dhr Jansen"])
        func theMediatorBecomesDeBemiddelaarTitleIncluded(mention: String) {
            #expect(anonymiser.anonymise("Daarna sprak \(mention) met haar.") == "Daarna sprak de bemiddelaar met haar.")
        }

        @Test func theTitleGoesWithTheName() {
            #expect(anonymiser.anonymise("mevrouw De Vries belde") == "Verzoeker belde")
            #expect(anonymiser.anonymise("Gisteren: mevrouw De Vries belde") == "Gisteren: verzoeker belde")
        }

        @Test func aRoleStartingASentenceOrLineIsCapitalised() {
            let text = "Gesprek geopend. De heer Jansen vroeg of mevrouw De Vries wilde beginnen.\nJansen noteerde alles."
            #expect(anonymiser.anonymise(text)
                == "Gesprek geopend. De bemiddelaar vroeg of verzoeker wilde beginnen.\nDe bemiddelaar noteerde alles.")
        }

        @Test func aRoleAfterAnAbbreviationIsNotCapitalised() {
            #expect(anonymiser.anonymise("Aan de ombudsman, t.a.v. de heer Jansen") == "Aan de ombudsman, t.a.v. de bemiddelaar")
        }

        @Test func namesInsideOtherWordsOrWrittenAsOrdinaryWordsStay() {
            let text = "De Vriesland, Annabel, Jansens, Jansenstraat-project, de vriesvakken en de annalen."
            #expect(anonymiser.anonymise(text) == text)
        }

        @Test func surnamesThatAreOrdinaryWordsOnlyCountCapitalised() {
            let anonymiser = Anonymiser(details: [
                IdentifyingDetail(field: "the complainant's name", value: "Bram de Boer", kind: .name(role: "verzoeker")),
                IdentifyingDetail(field: "the baker's name", value: "Ben Bakker", kind: .name(role: "betrokkene")),
            ])
            let text = "Ik ben bij de boer en de bakker geweest. Daarna kwamen De Boer en Bakker. Ben belde."
            #expect(anonymiser.anonymise(text)
                == "Ik ben bij de boer en de bakker geweest. Daarna kwamen verzoeker en betrokkene. Betrokkene belde.")
        }

        @Test func tussenvoegselsAndDoubleSurnames() {
            let anonymiser = Anonymiser(details: [
                IdentifyingDetail(field: "the complainant's name", value: "Rukhsana Hassan-de Boer", kind: .name(role: "verzoekster")),
                IdentifyingDetail(field: "the son's name", value: "Thijs van den Berg", kind: .name(role: "betrokkene")),
            ])
            let text = "Mevrouw Hassan-de Boer, mevrouw De Boer en mw. R. Hassan; de heer Van den Berg, T. van den Berg en VAN DEN BERG."
            #expect(anonymiser.anonymise(text)
                == "Verzoekster, verzoekster en verzoekster; betrokkene, betrokkene en betrokkene.")
        }

        @Test func relativesWithTheSameSurnameAreToldApartByGivenNameAndInitials() {
            let anonymiser = Anonymiser(details: [
                IdentifyingDetail(field: "the complainant's name", value: "Arjen Maarten van den Berg", kind: .name(role: "verzoeker")),
                IdentifyingDetail(field: "the son's name", value: "Thijs van den Berg", kind: .name(role: "zijn zoon")),
            ])
            let text = "de heer A.M. van den Berg en zijn zoon, de heer T. van den Berg (Thijs van den Berg); Van den Berg zelf"
            #expect(anonymiser.anonymise(text)
                == "Verzoeker en zijn zoon, zijn zoon (zijn zoon); verzoeker zelf")
        }

        @Test func keptNamesSurviveEvenWhenAStoredAddressContainsThem() {
            // The stored address says Utrecht; the agency is Gemeente Utrecht.
            let text = "De Gemeente Utrecht (de gemeente utrecht) schreef mevrouw De Vries op Kerkstraat 12, 3511 AB Utrecht."
            #expect(anonymiser.anonymise(text)
                == "De Gemeente Utrecht (de gemeente utrecht) schreef verzoeker op [adres], [postcode] Utrecht.")
        }

        @Test func aKeptNameIsNeverChangedEvenWhenItHoldsAStoredName() {
            let anonymiser = Anonymiser(
                details: [IdentifyingDetail(field: "the complainant's name", value: "Willem Alexander Toeslagen", kind: .name(role: "verzoeker"))],
                keep: ["Dienst Toeslagen", "UWV"]
            )
            let text = "Toeslagen schreef aan Dienst Toeslagen en het UWV."
            #expect(anonymiser.anonymise(text) == "Verzoeker schreef aan Dienst Toeslagen en het UWV.")
            #expect(anonymiser.leaks(in: "Dienst Toeslagen antwoordde.").isEmpty)
        }

        @Test func aStoredContactWrittenOutWholeBecomesOneLabel() {
            let text = "Gegevens: Kerkstraat 12, 3511 AB Utrecht, 06-12345678, anna.devries@example.nl. Post naar Kerkstraat 12, 3511 AB Utrecht."
            #expect(anonymiser.anonymise(text)
                == "Gegevens: [contactgegevens]. Post naar [adres], [postcode] Utrecht.")
        }

        @Test func aStoredContactIsRemovedWhereNoPatternSeesIt() {
            let anonymiser = Anonymiser(details: [
                IdentifyingDetail(field: "the complainant's contact details", value: "Postbus 1234, Utrecht; Het Rond 6", kind: .contact),
            ], keep: ["Gemeente Utrecht"])
            let text = "Post naar Postbus 1234 te Utrecht; zij woont op Het Rond 6 en schreef de Gemeente Utrecht."
            #expect(anonymiser.anonymise(text) == "Post naar [adres] te Utrecht; zij woont op [adres] en schreef de Gemeente Utrecht.")
        }
    }
}
