/// Finds personal data by its shape alone (see `IdentifierPatterns`), for the anonymiser, for
/// the leak check and for taking a stored contact apart, so all three agree on what counts.
enum IdentifierScanner {
    struct Identifier: Sendable {
        let kind: IdentifierKind
        let range: Range<Int>
    }

    /// Non-overlapping identifiers in `text`. Lookalikes (an IBAN failing its check) take part
    /// in choosing between overlapping matches and are then dropped, so the digits of a mistyped
    /// IBAN are neither replaced nor mistaken for a phone number.
    static func identifiers(in text: String) -> [Identifier] {
        let candidates = IdentifierKind.allCases.flatMap { kind in
            kind.patterns.flatMap { pattern in pattern.matches(in: text).map { (kind: kind, match: $0) } }
        }
        return SpanSelection.nonOverlapping(candidates, range: \.match.range)
            .filter { $0.match.verdict == .identifier }
            .map { Identifier(kind: $0.kind, range: $0.match.range) }
    }

    static func findings(in text: String) -> [Finding] {
        identifiers(in: text).map { Finding(range: $0.range, replacement: $0.kind.label, field: $0.kind.leakField) }
    }
}
