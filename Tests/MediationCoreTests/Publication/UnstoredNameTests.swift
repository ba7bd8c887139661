import Foundation
import MediationCore
import TestSupport
import Testing

extension AnonymisationTests {
    /// The shipped list of first names, as the daemon reads it.
    static let shippedFirstNames: FirstNames = {
        let path = BuiltProducts.sourceRoot() + "/Config/templates/first-names.txt"
        return FirstNames(listing: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }()

    /// People nobody stored for the case: the agency's official, a neighbour, a witness. They
    /// become a role all the same, found by how a Dutch letter writes a person.
    @Suite("Names nobody stored")
    struct UnstoredNameTests {
        let anonymiser = Anonymiser(details: [], keep: ["UWV", "Gemeente Utrecht"], firstNames: AnonymisationTests.shippedFirstNames)

        @Test func theShippedListIsReadWithItsCommentsLeftOut() {
            let names = AnonymisationTests.shippedFirstNames.names
            #expect(names.count > 1000)
            #expect(names.contains("Mohamed") && names.contains("Fatima") && names.contains("Anna"))
            #expect(!names.contains { $0.hasPrefix("#") || $0 == "El" })
        }

        @Test(arguments: [
            // After forms of address and titles.
            ("Mevrouw Jansen-de Wit belde op dinsdag.", "[naam] belde op dinsdag."),
            ("Ik sprak dhr. P. Bakker over de aanslag.", "Ik sprak [naam] over de aanslag."),
            ("Volgens de heer Yilmaz is de brief verstuurd.", "Volgens [naam] is de brief verstuurd."),
            ("Geachte mw. Ouali,", "Geachte [naam],"),
            ("De zaak lag bij mr. drs. Van der Berg.", "De zaak lag bij [naam]."),
            ("Ondertekend door ir. Koster en dr. De Groot.", "Ondertekend door [naam] en [naam]."),
            ("We spraken met Mevrouw El Amrani.", "We spraken met [naam]."),
            ("Wij spraken mevrouw El Amrani (06-12345678) op 3 maart.", "Wij spraken [naam] ([telefoonnummer]) op 3 maart."),
            ("Beste meneer Kramer-van Dijk, dank u.", "Beste [naam], dank u."),
            ("Een mail van Dhr Postma van Dienst Toeslagen.", "Een mail van [naam] van Dienst Toeslagen."),
            ("Ik sprak mevrouw Hanneke Kok en mevrouw Fatima el Amrani.", "Ik sprak [naam] en [naam]."),
            ("Zij wees op de heer In 't Veld.", "Zij wees op [naam]."),
            // Initials with a surname.
            ("Getekend: P. Bakker, teamleider.", "Getekend: [naam], teamleider."),
            ("J.M. de Vries schreef terug.", "[naam] schreef terug."),
            ("Ook A. van der Linden-Smit tekende.", "Ook [naam] tekende."),
            ("Namens de gemeente: M. O'Neill.", "Namens de gemeente: [naam]."),
            // A first name from the list with a surname.
            ("Mohamed Visser van UWV belt verzoeker terug.", "Een medewerker van UWV belt verzoeker terug."),
            ("Daarna belde Fatima Ouali bij de Gemeente Utrecht.", "Daarna belde een medewerker bij de Gemeente Utrecht."),
            ("Verzoeker sprak met Sanne de Groot over de termijn.", "Verzoeker sprak met [naam] over de termijn."),
            ("Ook Jan Willem van den Berg was er.", "Ook [naam] was er."),
        ])
        func aPersonNobodyStoredBecomesARole(text: String, expected: String) {
            #expect(anonymiser.anonymise(text) == expected)
            #expect(anonymiser.leaks(in: text).contains { $0.field == "a person's name in the text" })
            #expect(anonymiser.leaks(in: anonymiser.anonymise(text)).isEmpty)
        }

        @Test(arguments: [
            "Op Maandag 3 maart schreef UWV aan de Gemeente Utrecht in Den Haag.",
            "Dienst Toeslagen, de Belastingdienst en de Sociale Verzekeringsbank in Bergen op Zoom.",
            "Gisteren belde UWV. Daarna Utrecht, toen Amsterdam. Bovendien Zwolle.",
            "Zie bijlage B. De gemeente antwoordde in Juni. N.B. Verzoeker was ziek.",
            "Verzoeker woont in 's-Hertogenbosch en werkt in Alphen aan den Rijn.",
            "Mevrouw, meneer, geachte heer, De heer of mevrouw die het leest.",
            "Ze rekende via ING Bank en de MR Utrecht.",
            "Anna in Utrecht en Mohamed uit Zwolle kregen van Mark de brief.",
            "Emma Maandag, April en Juni zijn geen achternamen.",
        ])
        func agenciesPlacesMonthsDaysAndOrdinaryWordsStay(text: String) {
            #expect(anonymiser.anonymise(text) == text)
            #expect(anonymiser.leaks(in: text).isEmpty)
        }

        @Test func aFirstNameThatEndsAnotherSurnameTakesNoAgencyWithIt() {
            // "Silva" is on the list, but here it is the surname of "Da Silva", and "van Dienst
            // Toeslagen" is where the official works.
            let published = anonymiser.anonymise("Een mail van mevrouw Da Silva van Dienst Toeslagen.")
            #expect(published == "Een mail van [naam] van Dienst Toeslagen.")
        }

        @Test func aStoredPersonKeepsTheirOwnRole() {
            let anonymiser = Anonymiser(details: AnonymisationTests.details, firstNames: AnonymisationTests.shippedFirstNames)
            #expect(anonymiser.anonymise("Mevrouw De Vries en mr. P. Jansen.") == "Verzoeker en de bemiddelaar.")
        }

        @Test func theAgencyFieldShieldsNoOfficial() {
            let anonymiser = Anonymiser(details: [], keep: ["UWV t.a.v. de heer Bakker"], firstNames: AnonymisationTests.shippedFirstNames)
            #expect(anonymiser.anonymise("Klacht over UWV t.a.v. de heer Bakker") == "Klacht over UWV t.a.v. [naam]")
        }
    }
}
