import Foundation

/// Names that stay in a publication: the government body the complaint is about ("Gemeente
/// Utrecht", "Belastingdienst", "UWV"). The office publishes which body it investigated, and a
/// stored detail that happens to contain a kept name ("Utrecht" in an address) must not eat it.
struct KeptNames: Sendable {
    /// Stands in for each UTF-16 unit of a kept name. Not a letter, digit, space or anything a
    /// pattern looks for, so nothing matches inside a kept name or reaches across it.
    private static let mask: UInt16 = 0x2588 // █

    private let pattern: TextPattern?

    init(_ names: [String], mentions: PersonMentionScanner) {
        // Longest first, so "Gemeente Utrecht" is masked whole even when "Utrecht" is also kept.
        let sources = names.map { Self.nameProper($0, mentions: mentions) }.filter { $0.contains { !$0.isWhitespace } }
            .sorted { $0.count > $1.count }
            .map(RegexSource.words)
        pattern = sources.isEmpty ? nil
            : TextPattern(RegexSource.word(RegexSource.caseInsensitive(RegexSource.anyOf(sources))))
    }

    /// The name at the head of a kept value: the words before the first comma, semicolon,
    /// bracket or line break, before the first word with a digit or "@", and before a person. An
    /// agency field is free text, and "Gemeente Utrecht, tel. 06-12345678, j.devries@utrecht.nl"
    /// or "UWV t.a.v. de heer Bakker" must not shield the official from the anonymiser.
    static func nameProper(_ value: String, mentions: PersonMentionScanner) -> String {
        let head = value.prefix { !(",;()[]".contains($0) || $0.isNewline) }
        let words = head.split(separator: " ").prefix { word in !word.contains { $0.isNumber || $0 == "@" } }.joined(separator: " ")
        let beforePerson = mentions.findings(in: words).first.map { words.utf16Substring(0 ..< $0.range.lowerBound) } ?? words
        return beforePerson.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
    }

    /// Whether `word` starts with a masked kept name.
    static func isMasked(_ word: Substring) -> Bool {
        word.utf16.first == mask
    }

    /// `text` with every kept name hidden, the same length in UTF-16 units.
    func masking(_ text: String) -> String {
        guard let pattern else { return text }
        let ranges = pattern.ranges(in: text)
        guard !ranges.isEmpty else { return text }
        var units = Array(text.utf16)
        for range in ranges {
            units.replaceSubrange(range, with: repeatElement(Self.mask, count: range.count))
        }
        return String(decoding: units, as: UTF16.self)
    }
}
