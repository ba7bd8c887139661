/// One piece of personal data stored for a case (a persoonsgegeven) that must not appear in a
/// publication. The anonymiser removes it wherever it is written, and `Anonymiser.leaks(in:)`
/// names `field` when it is still there, so staff know what to fix before the office publishes.
public struct IdentifyingDetail: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A person. Every mention becomes `role` ("verzoeker", "de bemiddelaar", "betrokkene")
        /// rather than a blank, so the published text still says who did what.
        case name(role: String)
        /// Contactgegevens as the person gave them: an address, phone number, e-mail address or a
        /// combination ("Kerkstraat 12, 3511 AB Utrecht, 06-12345678"). Stored as free text, so
        /// it is taken apart rather than matched only as a whole.
        case contact
    }

    /// How an error names the detail: "the complainant's name", "mediator anna's name".
    public let field: String
    /// The text as stored for the case.
    public let value: String
    public let kind: Kind

    public init(field: String, value: String, kind: Kind) {
        self.field = field
        self.value = value
        self.kind = kind
    }
}
