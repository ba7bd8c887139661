/// Finds the people nobody stored for the case (the agency's official, a neighbour) by the way
/// Dutch letters write a person: after a form of address or title ("mevrouw Jansen-de Wit",
/// "dhr. P. Bakker", "de heer Yilmaz"), as initials and a surname ("J.M. de Vries"), or as a
/// first name from the list and a surname ("Mohamed Visser"). A surname may have tussenvoegsels
/// and be double ("van der Linden-Smit"). Months, days, acronyms (UWV, CJIB) and kept names are
/// never a surname, and a capitalised word alone never a person, so the agency, places and the
/// first word of a sentence stay.
struct PersonMentionScanner: Sendable {
    /// What a person becomes when the text does not say who they are.
    static let unnamedRole = "[naam]"
    /// What a person becomes when the text says whose official they are ("van UWV").
    static let officialRole = "een medewerker"
    static let leakField = "a person's name in the text"

    private let pattern: TextPattern

    /// - Parameter names: the first names; FirstNames builds its scanner once, with the list.
    init(names: [String]) {
        let particles = PersonName.tussenvoegsels.filter { !PersonName.prepositionalTussenvoegsels.contains($0) }
        let particle = RegexSource.caseInsensitive(RegexSource.anyOf(particles.map(RegexSource.literal)))
        let capitalisedPreposition = Self.capitalised(PersonName.prepositionalTussenvoegsels.sorted())
        let anyTussenvoegsel = RegexSource.caseInsensitive(RegexSource.anyOf(PersonName.tussenvoegsels.map(RegexSource.literal)))
        let notANameWord = "(?!" + RegexSource.anyOf([CalendarWords.month, CalendarWords.weekday, anyTussenvoegsel]) + RegexSource.wordEnd + ")"
        // A capital, then lower case: "Visser", "O'Neill", "McDonald"; not "UWV".
        let nameWord = notANameWord + #"\p{Lu}(?:['’]\p{Lu})?\p{Ll}[\p{L}'’]*"# + RegexSource.wordEnd
        let secondHalf = #"(?:-(?:"# + particle + #"\s+){0,2}"# + nameWord + ")?"
        let surname = #"(?:"# + RegexSource.anyOf([particle, capitalisedPreposition]) + #"\s+){0,3}"# + nameWord + secondHalf
        let surnameAfterFirstName = #"(?:"# + particle + #"\s+){0,3}"# + nameWord + secondHalf
        // "N.B." and "B.V." are no initials, nor is their second letter; "bijlage B. De ..." is
        // an enumeration.
        let initials = #"(?<!\p{L}\.)(?!(?:N\.B|P\.S|B\.V|N\.V|C\.V|V\.O\.F)\.)(?:(?:Th|Chr|Ph|\p{Lu})\.\s?){1,4}\s*"#
        let enumeration = #"(?<!(?i:bijlage|sub|onder|punt|categorie|lid|type|optie|variant|stap|fase|deel|groep|klasse|blok|niveau|artikel|hoofdstuk|paragraaf|zie) )"#
        // Not the second word of a surname: "Silva" is a first name, but not in "Da Silva". Only
        // a capitalised tussenvoegsel, as "een mail van Johan Kuipers" has the preposition.
        let notInASurname = #"(?<!\b"# + Self.capitalised(PersonName.tussenvoegsels) + #" )"#
        let firstName = RegexSource.anyOfWords(names) + RegexSource.wordEnd
        let title = #"(?:"# + PersonName.formOfAddressPattern + "){1,3}"
        let givenNames = firstName + #"(?:-"# + firstName + #")?(?:\s+"# + firstName + #"){0,2}"#
        // The alternation takes the first form that matches, so the longer forms go first.
        let forms = [
            // Words between a title and the surname are given names when on the list, or when no
            // tussenvoegsel follows them: in "dhr. Postma van Dienst Toeslagen", Postma is the
            // surname and the rest where he works.
            title + givenNames + #"\s+"# + surname,
            title + #"(?:"# + nameWord + #"\s+){1,2}"# + nameWord + secondHalf,
            title + "(?:" + initials + ")?" + surname,
            enumeration + initials + surname,
        ] + (names.isEmpty ? [] : [notInASurname + givenNames + #"\s+"# + surnameAfterFirstName])
        pattern = TextPattern(RegexSource.wordStart + RegexSource.anyOf(forms))
    }

    /// Any of `words`, with a capital first letter and exactly so: "Van", "Op".
    private static func capitalised(_ words: [String]) -> String {
        RegexSource.anyOf(words.map { RegexSource.literal($0.prefix(1).uppercased() + $0.dropFirst()) })
    }

    /// Every person mention in `text` (kept names masked), with the role it becomes.
    func findings(in text: String) -> [Finding] {
        let units = Array(text.utf16)
        return pattern.ranges(in: text).map { range in
            Finding(range: range, replacement: Self.isOfficial(after: range.upperBound, in: units) ? Self.officialRole : Self.unnamedRole,
                    field: Self.leakField)
        }
    }

    /// Whether the name is followed by "van" or "bij" and a kept name: "Mohamed Visser van UWV".
    private static func isOfficial(after offset: Int, in units: [UInt16]) -> Bool {
        let following = String(decoding: units[offset ..< min(units.count, offset + 16)], as: UTF16.self)
        let words = following.split(separator: " ", maxSplits: 3)
        guard let preposition = words.first, ["van", "bij"].contains(preposition) else { return false }
        let rest = words.dropFirst().drop { ["de", "het"].contains($0) }
        return rest.first.map(KeptNames.isMasked) ?? false
    }
}
