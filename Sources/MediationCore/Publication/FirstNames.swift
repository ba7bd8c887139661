import Foundation

/// Voornamen: the first names with which a person nobody stored for the case is recognised when
/// written as first name and surname ("Mohamed Visser"). The list is data the daemon reads (see
/// `Config/templates/first-names.txt`); MediationCore only takes it as a value.
public struct FirstNames: Sendable, Equatable {
    /// Each name once, as written in the list, with a capital and at least two letters.
    public let names: [String]
    /// The pattern of person mentions made from the names, built once with the list: with
    /// thousands of names it takes tens of milliseconds, which every publication would pay.
    let mentions: PersonMentionScanner

    /// Words that look like names but are not on their own: the tussenvoegsels ("El", "Van") and
    /// the forms of address, which the list of a neighbouring language may carry.
    public init(_ names: some Sequence<String>) {
        var seen = Set<String>()
        self.names = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { name in
            guard let first = name.first, first.isUppercase, name.filter(\.isLetter).count >= 2 else { return false }
            let lowered = name.lowercased()
            guard !PersonName.tussenvoegsels.contains(lowered), !PersonName.isFormOfAddress(lowered) else { return false }
            return seen.insert(name).inserted
        }
        mentions = PersonMentionScanner(names: self.names)
    }

    public static func == (lhs: FirstNames, rhs: FirstNames) -> Bool { lhs.names == rhs.names }

    /// The list in its file format: one name a line, `#` starts a comment line, blank lines skipped.
    public init(listing text: String) {
        self.init(text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("#") })
    }

    /// No names: only names after a form of address or initials are then recognised.
    public static let none = FirstNames([String]())
}
