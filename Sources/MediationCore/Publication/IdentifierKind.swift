/// The kinds of personal data recognised by their shape, whoever they belong to: a publication
/// must not carry a phone number or BSN even when nobody stored it for the case.
enum IdentifierKind: CaseIterable, Sendable {
    // Listed in order of preference when two kinds match the same text.
    case email, iban, bsn, phoneNumber, postcode, address, dateOfBirth, licencePlate

    /// What the identifier becomes in the publication, in the Dutch the readers read.
    var label: String {
        switch self {
        case .email: "[e-mailadres]"
        case .iban: "[IBAN]"
        case .bsn: "[BSN]"
        case .phoneNumber: "[telefoonnummer]"
        case .postcode: "[postcode]"
        case .address: "[adres]"
        case .dateOfBirth: "[geboortedatum]"
        case .licencePlate: "[kenteken]"
        }
    }

    /// How a leak of this kind is named when no stored detail explains it.
    var leakField: String {
        switch self {
        case .email: "an e-mail address in the text"
        case .iban: "an IBAN in the text"
        case .bsn: "a BSN in the text"
        case .phoneNumber: "a phone number in the text"
        case .postcode: "a postcode in the text"
        case .address: "an address in the text"
        case .dateOfBirth: "a date of birth in the text"
        case .licencePlate: "a licence plate in the text"
        }
    }

    var patterns: [TextPattern] {
        switch self {
        case .email: [IdentifierPatterns.email]
        case .iban: [IdentifierPatterns.iban]
        case .bsn: [IdentifierPatterns.bsn]
        case .phoneNumber: [IdentifierPatterns.phoneNumber]
        case .postcode: [IdentifierPatterns.postcode]
        case .address: [IdentifierPatterns.address]
        case .dateOfBirth: [IdentifierPatterns.dateOfBirth]
        case .licencePlate: [IdentifierPatterns.licencePlate, IdentifierPatterns.licencePlateAfterWord]
        }
    }

    /// A pattern for one stored identifier of this kind, that also finds it written another
    /// way: "06 1234 5678" for a stored "06-12345678", "3511AB" for "3511 AB".
    func storedValuePattern(_ value: String) -> String {
        switch self {
        case .email:
            RegexSource.word(RegexSource.caseInsensitive(RegexSource.literal(value)))
        case .phoneNumber:
            PhoneNumber.pattern(matching: value)
        case .iban, .bsn, .postcode, .licencePlate:
            RegexSource.word(RegexSource.caseInsensitive(RegexSource.compact(value)))
        case .address, .dateOfBirth:
            RegexSource.word(RegexSource.caseInsensitive(RegexSource.tokens(value)))
        }
    }
}
