import MediationCore
import Testing

extension AnonymisationTests {
    /// What is left around a removed identifier: a publication with stray brackets reads as if
    /// something was cut out carelessly.
    @Suite("Tidiness")
    struct TidinessTests {
        static let details = [
            IdentifyingDetail(field: "the neighbour's name", value: "Fatima El Amrani", kind: .name(role: "betrokkene")),
            IdentifyingDetail(field: "the neighbour's phone", value: "06-12345678", kind: .contact),
        ]

        @Test(arguments: [
            ("Wij spraken mevrouw El Amrani (06-12345678) op 3 maart.", "Wij spraken betrokkene ([telefoonnummer]) op 3 maart."),
            ("Bel haar (06-12345678).", "Bel haar ([telefoonnummer])."),
            ("Bel haar op (030) 1234567 of 06-12345678.", "Bel haar op [telefoonnummer] of [telefoonnummer]."),
        ])
        func aBracketedNumberKeepsBothBrackets(text: String, expected: String) {
            #expect(Anonymiser(details: Self.details).anonymise(text) == expected)
        }
    }
}
