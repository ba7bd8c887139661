import MediationCore
import Testing

/// The anonymiser for publications. Every suite is nested here so `--filter Anonymis` runs them all.
@Suite("Anonymisation")
enum AnonymisationTests {
    /// The complainant, her contact details and the mediator, as most examples store them.
    static let details = [
        IdentifyingDetail(field: "the complainant's name", value: "Anna Maria de Vries", kind: .name(role: "verzoeker")),
        IdentifyingDetail(
            field: "the complainant's contact details",
            value: "Kerkstraat 12, 3511 AB Utrecht, 06-12345678, anna.devries@example.nl",
            kind: .contact
        ),
        IdentifyingDetail(field: "mediator piet's name", value: "mr. P. Jansen", kind: .name(role: "de bemiddelaar")),
    ]

    /// An anonymiser with no stored details, to test the patterns on their own.
    static let patternsOnly = Anonymiser(details: [])

    /// Letters and digits only, upper case: "06 1234 5678" and "06-12345678" both become
    /// "0612345678", so a test can see an identifier that survived in another spelling.
    static func normalised(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
