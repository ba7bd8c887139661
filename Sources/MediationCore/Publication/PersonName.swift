/// A stored name taken apart the way Dutch names are written: voornamen, tussenvoegsel,
/// achternaam. Letters and reports refer to a person in many ways ("mevrouw De Vries",
/// "A.M. de Vries", "Anna"), and each must become the person's role.
struct PersonName: Sendable {
    /// Words that sit between the given names and the surname ("van der" in "Van der Berg").
    /// Written lower case after a given name and capitalised without one, and never enough to
    /// identify anybody on their own.
    static let tussenvoegsels: [String] = [
        "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij", "uit", "onder",
        "over", "voor", "'s", "la", "le", "les", "du", "da", "di", "del", "della", "des", "dos", "von", "zu",
        "el", "al",
    ]
    /// The tussenvoegsels that are also prepositions. They start a surname only written with a
    /// capital after a form of address or initials ("de heer In 't Veld", "A. Op den Akker"):
    /// in "Mohamed in Utrecht" or "mevrouw uit Zwolle" they are the preposition.
    static let prepositionalTussenvoegsels: Set<String> = ["in", "op", "aan", "bij", "uit", "onder", "over", "voor", "te"]
    /// Forms of address written out in full.
    static let titles = ["mevrouw", "meneer", "juffrouw", "familie", "de heer", "heer"]
    /// Abbreviated forms of address (Dutch, and the English ones foreign complainants use) and
    /// academic titles, with or without the full stop.
    static let abbreviatedTitles = ["mevr", "mw", "de hr", "dhr", "hr", "mr", "dr", "drs", "ir", "ing", "prof", "fam", "mrs", "ms"]

    private(set) var givenNames: [String] = []
    /// The letters of the voorletters, from the given names or as stored ("P." in "mr. P. Jansen").
    private(set) var initials: [Character] = []
    private(set) var tussenvoegsel: [String] = []
    private(set) var surname: String = ""

    init(_ text: String) {
        let words = Self.droppingTitles(text.split(whereSeparator: \.isWhitespace).map(String.init))
        let nameWords = words.filter { !Self.isInitials($0) }
        guard !nameWords.isEmpty else { return }
        // The surname starts at the first tussenvoegsel, or at a double surname joined to one
        // ("Hassan-de Boer"); without either it is the last word.
        let start = nameWords.indices.dropLast().first { Self.isTussenvoegsel(nameWords[$0]) || Self.joinsNextWord(nameWords[$0]) }
            ?? nameWords.count - 1
        let end = nameWords[start...].dropLast().firstIndex { !Self.isTussenvoegsel($0) } ?? nameWords.count - 1
        tussenvoegsel = Array(nameWords[start ..< end])
        surname = nameWords[end...].joined(separator: " ")
        // Voorletters in the order written: stored ones as they are ("Anna M. de Vries"), and
        // one per given name or part of one (Dirk-Jan is written D.J.).
        var givenNamesSeen = 0
        initials = words.flatMap { word -> [Character] in
            if Self.isInitials(word) { return word.filter(\.isLetter).map { $0 } }
            defer { givenNamesSeen += 1 }
            return givenNamesSeen < start ? word.split(separator: "-").compactMap(\.first) : []
        }
        givenNames = nameWords[..<start].filter { $0.filter(\.isLetter).count >= 2 }
    }

    /// Every way the text refers to this person, with the form of address in front, which goes
    /// too: "mevrouw De Vries", "dhr. A.M. de Vries", "Anna de Vries", "De Vries", "Anna".
    var mentionPattern: String? {
        guard let surname = surnamePattern else { return nil }
        let title = Self.formOfAddressPattern + "{0,2}"
        guard !givenNames.isEmpty else {
            return RegexSource.word(title + "(?:" + initialsPattern + ")?" + surname)
        }
        let forms = [
            title + RegexSource.anyOf([#"(?:"# + givenNamesPattern + #"\s+){1,3}"#, initialsPattern]) + "?" + surname,
            title + givenNamesPattern + #"(?:\s+"# + givenNamesPattern + "){0,2}",
        ]
        return RegexSource.word(RegexSource.anyOf(forms))
    }

    /// The parts that identify the person on their own: the full name, the surname (with or
    /// without its tussenvoegsel, or one half of a double surname) and each given name.
    var identifyingPartsPattern: String? {
        guard let surname = surnamePattern else { return nil }
        var parts = [surname]
        if !givenNames.isEmpty {
            parts.insert(#"(?:"# + givenNamesPattern + #"\s+){1,3}"# + surname, at: 0)
            parts.append(givenNamesPattern)
        }
        return RegexSource.word(RegexSource.anyOf(parts))
    }

    /// The person's own voorletters, each optional but at least one, so "A.M. de Vries" and
    /// "M. de Vries" are Anna Maria while "P. de Vries" is left to a relative's rule. Any
    /// initials when none are known.
    private var initialsPattern: String {
        guard !initials.isEmpty else { return #"(?:\p{Lu}\.\s*){1,4}"# }
        return #"(?=\p{Lu}\.)"# + initials.map { "(?:" + RegexSource.literal($0.uppercased()) + #"\.\s*)?"# }.joined()
    }

    private var givenNamesPattern: String {
        RegexSource.anyOf(givenNames.map(Self.phrase))
    }

    /// The surname, its tussenvoegsel optional and in either case; for a double surname
    /// ("Linden-Bakker", "Berg-de Jong") also each half on its own.
    private var surnamePattern: String? {
        var cores = [surname]
        let halves = surname.split(separator: "-").map(String.init)
        if halves.count > 1 { cores += halves }
        let patterns = cores.compactMap { core -> String? in
            let words = core.split(whereSeparator: \.isWhitespace).map(String.init)
            let ownTussenvoegsel = Array(words.prefix { Self.isTussenvoegsel($0) && $0 != words.last })
            let rest = words.dropFirst(ownTussenvoegsel.count).joined(separator: " ")
            guard rest.filter(\.isLetter).count >= 2 else { return nil }
            return Self.optionalTussenvoegsel(ownTussenvoegsel) + Self.phrase(rest)
        }
        guard !patterns.isEmpty else { return nil }
        return Self.optionalTussenvoegsel(tussenvoegsel) + RegexSource.anyOf(patterns)
    }

    private static func optionalTussenvoegsel(_ words: [String]) -> String {
        words.isEmpty ? "" : "(?:" + phrase(words.joined(separator: " ")) + #"\s+)?"#
    }

    /// Name words as they are written in running text: tussenvoegsels in any case, other words
    /// with a capital first letter and the rest in any case ("Vries", "VRIES"). The capital is
    /// required because many surnames and given names are also ordinary words (Bakker, de Boer,
    /// Ben, Roos), which must not turn into a role.
    private static func phrase(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).map { word in
            word.split(separator: "-", omittingEmptySubsequences: false).map { piece in
                let piece = String(piece)
                guard let first = piece.first, !isTussenvoegsel(piece) else {
                    return RegexSource.caseInsensitive(RegexSource.literal(piece))
                }
                let rest = piece.dropFirst()
                return RegexSource.literal(first.uppercased())
                    + (rest.isEmpty ? "" : RegexSource.caseInsensitive(RegexSource.literal(String(rest))))
            }.joined(separator: #"\s?-\s?"#)
        }.joined(separator: #"\s+"#)
    }

    /// One form of address or title with what follows it: "mevrouw ", "dhr. ", "mr.". Without
    /// its full stop an abbreviation counts only when not all capitals, as the bank in "ING
    /// Bank" and "MR" (the participation council) are not forms of address.
    static let formOfAddressPattern = RegexSource.anyOf([
        RegexSource.caseInsensitive(RegexSource.anyOf(titles.map(RegexSource.words))) + #"\s+"#,
        RegexSource.caseInsensitive(RegexSource.anyOf(abbreviatedTitles.map(RegexSource.words))) + #"\.\s*"#,
        #"(?=\p{L}\p{Ll})"# + RegexSource.caseInsensitive(RegexSource.anyOf(abbreviatedTitles.map(RegexSource.words))) + #"\s+"#,
    ])

    /// Whether `word`, lower case, is a form of address or title on its own ("mevrouw", "dhr").
    static func isFormOfAddress(_ word: String) -> Bool {
        titles.contains(word) || abbreviatedTitles.contains(word)
    }

    private static func isTussenvoegsel(_ word: String) -> Bool {
        tussenvoegsels.contains(word.lowercased())
    }

    /// "Hassan-de" in "Hassan-de Boer": a surname joined to a second one that has a tussenvoegsel.
    private static func joinsNextWord(_ word: String) -> Bool {
        guard word.contains("-"), let last = word.split(separator: "-").last else { return false }
        return isTussenvoegsel(String(last))
    }

    /// "A.", "A.M.", "A.M" or a single letter: initials stand for given names we may not know.
    private static func isInitials(_ word: String) -> Bool {
        word.split(separator: ".").allSatisfy { $0.count == 1 && $0.first!.isLetter } && (word.count == 1 || word.contains("."))
    }

    private static func droppingTitles(_ words: [String]) -> [String] {
        var words = words[...]
        let all = (titles + abbreviatedTitles).map { $0.split(separator: " ").map(String.init) }
        while let title = all.first(where: { title in
            words.count > title.count && zip(words, title).allSatisfy { word, part in
                var word = word.lowercased()
                if word.hasSuffix(".") { word.removeLast() }
                return word == part
            }
        }) {
            words = words.dropFirst(title.count)
        }
        return Array(words)
    }
}
