import Foundation

/// Contactgegevens as a person gave them, taken apart into what must not be published. The
/// identifiers in it (e-mail address, phone number, postcode, street and number, IBAN, BSN) are
/// found in any spelling; what the patterns do not recognise ("Postbus 1234", an unusual street
/// name) is found as stored, part by part. Parts without a digit or "@" (the town, "Nederland")
/// identify nobody on their own and stay, so "Gemeente Utrecht" survives a stored Utrecht
/// address.
struct StoredContact: Sendable {
    struct Item: Sendable, Hashable {
        let pattern: String
        let label: String
    }

    /// Each item once, identifiers first so they are preferred in a tie.
    let items: [Item]

    init(_ value: String) {
        var items: [Item] = []
        func add(_ item: Item) { if !items.contains(item) { items.append(item) } }

        for identifier in IdentifierScanner.identifiers(in: value) {
            let text = value.utf16Substring(identifier.range)
            add(Item(pattern: identifier.kind.storedValuePattern(text), label: identifier.kind.label))
        }
        let parts = value.split(whereSeparator: Self.isPartSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for part in parts where Self.identifiesBeyondItsIdentifiers(part) {
            add(Item(pattern: Self.pattern(part), label: Self.label(part)))
        }
        let whole = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if !whole.isEmpty, !Self.isSingleIdentifier(whole), whole.contains(where: { $0.isLetter || $0.isNumber }) {
            add(Item(pattern: Self.pattern(whole), label: Self.label(whole)))
        }
        self.items = items
    }

    private static func pattern(_ text: String) -> String {
        RegexSource.word(RegexSource.caseInsensitive(RegexSource.tokens(text)))
    }

    /// The label of the one identifier in `text`; "[adres]" for a street, postcode and town, or
    /// for what no pattern recognised; "[contactgegevens]" for a mix such as address and phone.
    private static func label(_ text: String) -> String {
        let kinds = IdentifierScanner.identifiers(in: text).map(\.kind)
        if kinds.count == 1 { return kinds[0].label }
        return kinds.allSatisfy { $0 == .address || $0 == .postcode } ? IdentifierKind.address.label : "[contactgegevens]"
    }

    private static func isPartSeparator(_ character: Character) -> Bool {
        character == "," || character == ";" || character.isNewline
    }

    private static func isSingleIdentifier(_ text: String) -> Bool {
        let identifiers = IdentifierScanner.identifiers(in: text)
        return identifiers.count == 1 && identifiers[0].range == 0 ..< text.utf16.count
    }

    /// Whether the part still has a digit or "@" once its recognised identifiers are taken out:
    /// then it holds something the patterns missed, such as a PO box or an unusual street.
    private static func identifiesBeyondItsIdentifiers(_ part: String) -> Bool {
        var units = Array(part.utf16)
        for identifier in IdentifierScanner.identifiers(in: part).reversed() {
            units.removeSubrange(identifier.range)
        }
        return String(decoding: units, as: UTF16.self).contains { $0.isNumber || $0 == "@" }
    }
}
