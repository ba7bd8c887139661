import MediationCore
import Testing

extension AnonymisationTests {
    /// The check before publishing: what of the stored details is still in the text.
    @Suite("Leaks")
    struct LeakTests {
        static let details = AnonymisationTests.details + [
            IdentifyingDetail(field: "the complainant's bank and BSN", value: "NL91ABNA0417164300; BSN 111222333", kind: .contact),
            IdentifyingDetail(field: "the neighbour's name", value: "Fatima El Amrani", kind: .name(role: "betrokkene")),
            IdentifyingDetail(field: "the neighbour's address", value: "Achter Clarenburg 2", kind: .contact),
        ]
        let anonymiser = Anonymiser(details: LeakTests.details, keep: ["Gemeente Utrecht"])

        @Test(arguments: [
            ("mevrouw De Vries belde", "the complainant's name", "De Vries"),
            ("Beste Anna,", "the complainant's name", "Anna"),
            ("Anna Maria de Vries schreef", "the complainant's name", "Anna Maria de Vries"),
            ("bel 06 1234 5678", "the complainant's contact details", "06 1234 5678"),
            ("bel +31 (0)6-1234 5678", "the complainant's contact details", "+31 (0)6-1234 5678"),
            ("post naar 3511ab", "the complainant's contact details", "3511ab"),
            ("woont op kerkstraat 12", "the complainant's contact details", "kerkstraat 12"),
            ("mail ANNA.DEVRIES@EXAMPLE.NL", "the complainant's contact details", "ANNA.DEVRIES@EXAMPLE.NL"),
            ("rekening NL91 ABNA 0417 1643 00", "the complainant's bank and BSN", "NL91 ABNA 0417 1643 00"),
            ("BSN 111.222.333", "the complainant's bank and BSN", "111.222.333"),
            ("de heer Jansen zei", "mediator piet's name", "Jansen"),
            ("buurvrouw El Amrani", "the neighbour's name", "El Amrani"),
            ("zij woont Achter Clarenburg 2", "the neighbour's address", "Achter Clarenburg 2"),
            ("Achter  Clarenburg\n2", "the neighbour's address", "Achter  Clarenburg\n2"),
        ])
        func eachKindOfStoredDetailIsFoundWithItsField(text: String, field: String, found: String) {
            #expect(anonymiser.leaks(in: text).contains(Leak(field: field, found: found)))
            #expect(anonymiser.leaks(in: anonymiser.anonymise(text)).isEmpty)
        }

        @Test(arguments: [
            ("bel 020-7654321", "a phone number in the text"),
            ("mail piet@example.org", "an e-mail address in the text"),
            ("postcode 1234 XY", "a postcode in the text"),
            ("woont op Dorpsstraat 3a", "an address in the text"),
            ("BSN 123456782", "a BSN in the text"),
            ("rekening DE89370400440532013000", "an IBAN in the text"),
            ("geboren op 1 mei 1990", "a date of birth in the text"),
            ("auto GH-123-J", "a licence plate in the text"),
        ])
        func identifiersNobodyStoredAreReportedByKind(text: String, field: String) {
            let leaks = anonymiser.leaks(in: text)
            #expect(leaks.map(\.field) == [field])
        }

        @Test func aStoredDetailIsReportedUnderItsOwnFieldNotAsAPattern() {
            #expect(anonymiser.leaks(in: "bel 06-12345678") == [Leak(field: "the complainant's contact details", found: "06-12345678")])
        }

        @Test func theDescriptionSaysWhichFieldLeakedAndWhat() {
            #expect(Leak(field: "the complainant's name", found: "De Vries").description == #"the complainant's name ("De Vries")"#)
        }

        @Test func partsThatIdentifyNobodyAreNoLeak() {
            // Tussenvoegsels, initials, the town of a stored address, a kept name, lower-case words.
            let text = "De klacht van de Gemeente Utrecht in Utrecht ging naar A. en M.; de vries in de vriezer; het el-nummer."
            #expect(anonymiser.leaks(in: text).isEmpty)
        }

        @Test func leaksAreListedInTextOrderEachOnce() {
            let leaks = anonymiser.leaks(in: "Anna belde 06-12345678. Anna belde opnieuw.")
            #expect(leaks == [
                Leak(field: "the complainant's name", found: "Anna"),
                Leak(field: "the complainant's contact details", found: "06-12345678"),
            ])
        }
    }
}
