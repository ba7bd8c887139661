import MediationCore
import Testing

/// A realistic text the office might publish, with what is stored for its case and what a test
/// expects of the anonymised version.
struct CorpusLetter: Sendable, CustomTestStringConvertible {
    let title: String
    let text: String
    let details: [IdentifyingDetail]
    let keep: [String]
    /// Identifiers planted in `text`, each in the spelling used there: none may survive, not
    /// even in another spelling.
    let planted: [String]
    /// The agency and the decoys (letter dates, due dates, amounts, case references, article
    /// numbers) that must come through exactly as written.
    let survivors: [String]
    /// Stretches of the anonymised text showing the role where a name was.
    let roles: [String]

    var testDescription: String { title }

    var anonymiser: Anonymiser { Anonymiser(details: details, keep: keep, firstNames: AnonymisationTests.shippedFirstNames) }
}

/// Shorthand for the corpus, where every letter stores the same kinds of detail.
extension IdentifyingDetail {
    static func name(_ field: String, _ value: String, role: String) -> IdentifyingDetail {
        IdentifyingDetail(field: field, value: value, kind: .name(role: role))
    }

    static func contact(_ field: String, _ value: String) -> IdentifyingDetail {
        IdentifyingDetail(field: field, value: value, kind: .contact)
    }
}
