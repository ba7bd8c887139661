import MediationCore
import Testing

extension AnonymisationTests {
    /// The agency's name stays in a publication, but only the name: whatever else was typed
    /// into the field is cleaned like any other text, and the leak check sees all of it.
    @Suite("Kept names")
    struct KeptNameTests {
        static let agency = "Gemeente Utrecht, tel. 06-12345678, j.devries@utrecht.nl"
        let anonymiser = Anonymiser(details: AnonymisationTests.details, keep: [KeptNameTests.agency])

        @Test func anAgencyFieldWithContactDetailsKeepsOnlyTheName() {
            let published = anonymiser.anonymise("Klacht over: \(Self.agency)")
            #expect(published == "Klacht over: Gemeente Utrecht, tel. [telefoonnummer], [e-mailadres]")
        }

        @Test func theLeakCheckSeesIdentifiersInsideTheAgencyField() {
            let fields = anonymiser.leaks(in: "Klacht over: \(Self.agency)").map(\.field)
            #expect(fields.contains("the complainant's contact details"))
            #expect(fields.contains("an e-mail address in the text"))
        }

        @Test func theLeakCheckMakesNoExemptionForAKeptNameThatIsAnIdentifier() {
            // Even a kept value that is nothing but an identifier shields nothing.
            let anonymiser = Anonymiser(details: [], keep: ["010-7654321", "info@gemeente.nl"])
            let text = "bel 010-7654321 of mail info@gemeente.nl"
            #expect(anonymiser.leaks(in: text).map(\.field) == ["a phone number in the text", "an e-mail address in the text"])
            #expect(anonymiser.anonymise(text) == "bel [telefoonnummer] of mail [e-mailadres]")
        }

        @Test func aKeptNameInsideAnEmailAddressShieldsNothing() {
            let anonymiser = Anonymiser(details: [], keep: ["UWV"])
            #expect(anonymiser.anonymise("UWV mailde vanaf k.elamrani@uwv.nl.") == "UWV mailde vanaf [e-mailadres].")
        }

        @Test(arguments: ["UWV (afdeling Bezwaar, 088-8989898)", "Belastingdienst; postbus 100", "SVB\n1234 AB Amstelveen"])
        func theNameBeforeTheFirstSeparatorStays(agency: String) {
            let anonymiser = Anonymiser(details: [], keep: [agency])
            let published = anonymiser.anonymise("Over \(agency).")
            #expect(anonymiser.leaks(in: published).isEmpty, "\(published)")
            #expect(published.hasPrefix("Over \(agency.prefix { $0.isLetter })"))
        }
    }
}
