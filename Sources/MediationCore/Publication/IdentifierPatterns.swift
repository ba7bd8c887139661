/// The shapes of Dutch personal data, as they are written in letters. Each pattern errs towards
/// leaving ordinary text alone (case references such as 2026-0001, amounts such as € 1.234,56,
/// letter dates, article numbers): what the patterns miss is still caught when it is stored
/// for the case, and `Anonymiser.leaks(in:)` checks the stored details whatever the patterns do.
enum IdentifierPatterns {
    static let email = TextPattern(
        #"(?<![\p{L}\p{N}._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![\p{L}\p{N}\-])"#
    )

    /// Country code, check digits, then groups of four, spaced or not. A match failing the
    /// mod-97 check is a lookalike: left as written, and not cut up into a "phone number".
    static let iban = TextPattern(
        #"(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])"#,
        judge: { IBAN.isValid($0) ? .identifier : .lookalike }
    )

    /// Nine digits, or grouped 1234.56.782 / 123 456 782, and only when the elfproef passes.
    /// Not after a euro sign or inside a longer number, so amounts and references stay.
    static let bsn = TextPattern(
        #"(?<![\p{L}\p{N}.,\-/€])(?<!€ )(?:\d{9}|\d{4}([ .])\d{2}\1\d{3}|\d{3}([ .])\d{3}\2\d{3})(?![\p{L}\p{N}]|[.,\-/]\d)"#,
        judge: { BSN.isValid($0) ? .identifier : .unrelated }
    )

    /// Mobile and geographic numbers (a 0 and nine digits, or +31 / 0031 with an optional (0)
    /// and nine digits), with the area code in brackets, and 0800/090x service numbers. Never a
    /// date such as 01-03-2024, which also starts with a zero.
    static let phoneNumber: TextPattern = {
        // Between digits: a space, or a dash or dot with or without spaces ("010 - 123 4567").
        let gap = #"(?:[ ]?[\-.][ ]?|[ ])?"#
        return TextPattern(
            #"(?<![\p{L}\p{N}+\-/.,])(?!\d{1,2}[\-/.]\d{1,2}[\-/.]\d{2,4})"#
                + RegexSource.anyOf([
                    #"0(?:800|900|906|909)"# + gap + #"\d(?:"# + gap + #"\d){3}(?:(?:"# + gap + #"\d){3})?"#,
                    #"\(0[1-9]\d\)[ ]?\d(?:"# + gap + #"\d){6}"#,
                    #"\(0[1-9]\d{2}\)[ ]?\d(?:"# + gap + #"\d){5}"#,
                    #"(?:(?:\+|00)[ ]?31[ \-]?(?:\(0\)[ \-]?)?|0)[1-9](?:"# + gap + #"\d){8}"#,
                ])
                + RegexSource.wordEnd
        )
    }()

    /// Four digits (not starting with 0) and two capitals, "1234 AB" or "1234AB"; lower case
    /// only when written together, since "1980 op" is a year and a word. SA, SD and SS are not
    /// used in postcodes. Not after "artikel", nor inside amounts or article numbers (7:1234).
    static let postcode = TextPattern(
        #"(?<![\p{L}\p{N}.,:/\-€])(?<!(?i:artikel|art\.) )[1-9]\d{3}(?:[ ]?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\p{L}\p{N}\-])"#
    )

    /// A street name ending in one of the usual words (Kerkstraat, Oude Gracht, Burgemeester de
    /// Withstraat) and a house number with its addition (12, 12a, 12-II, 12 bis, 12 hs). Words
    /// ending in -ering/-aring/-uring ("Vordering 12") are not streets; a number followed by a
    /// month is a date ("Gerechtshof 12 maart"), one followed by a unit a quantity ("De Singel
    /// 40 jaar"); 1900–2099 is taken for a year ("Arbeidsmarkt 2024"). A capitalised word before
    /// the street may belong to it ("Van Woustraat"), but not a preposition that starts a
    /// sentence ("In de Kerkstraat 12").
    static let address: TextPattern = {
        let suffixes = [
            "straat", "laan", "weg", "plein", "gracht", "burgwal", "wal", "kade", "singel", "dijk", "pad",
            "dreef", "hof", "steeg", "park", "markt", "plantsoen", "baan", "boulevard", "erf", "haven",
            "veld", "vaart", "kanaal", "poort", "kamp", "werf", "allee", "brink", "zoom", "hoven", "akker",
            "wetering",
        ]
        let streetWord = #"(?=\p{Lu})[\p{L}'\-]*"#
            + RegexSource.anyOf([RegexSource.caseInsensitive(RegexSource.anyOf(suffixes)), #"(?<![aeuAEU])(?i:ring)"#])
        // Only the tussenvoegsels of street names: with "op" or "aan" a street would reach back
        // over "woont op de" into the name before it.
        let tussenvoegsel = #"(?:de|den|der|van|het|'t|ter|ten|te)"#
        let preposition = #"(?:In|Op|Aan|Bij|Naar|Uit|Via|Naast|Tegenover|Zie)[ ]"#
        let leadingWords = #"(?:(?!"# + preposition + #")\p{Lu}[\p{L}'.\-]*[ ]+(?:"# + tussenvoegsel + #"[ ]+){0,2}){0,3}"#
        let notAHouseNumber = RegexSource.anyOf([
            CalendarWords.month, "jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "uur", "minuten", "keer",
            "euro", "procent", "personen", "mensen", "stuks",
        ])
        let number = #"(?!(?:19|20)\d{2}(?!\d))[1-9]\d{0,3}(?![ ]+"# + notAHouseNumber + #"(?!\p{L}))"#
        let addition = #"(?:[a-zA-Z](?![\p{L}\p{N}]))?(?:[ ]?-[ ]?(?:[1-9]\d{0,2}|[IVX]{1,4}|hs|bis|[a-zA-Z])|[ ]+(?:bis|hs|huis|bg|[IVX]{1,4}|[A-Z]))?"#
        return TextPattern(RegexSource.word(leadingWords + streetWord + #"[ ]+"# + number + addition))
    }()

    /// A date written after "geboren", "geboortedatum", "geb. (datum)" or "date of birth", with
    /// up to four words between ("geboren te Den Haag op 4 mei 1969", "geboortedatum
    /// verzoekster: 02/11/1991"); only the date is replaced. Other dates (the letter's date, a
    /// due date) are what a publication is about and stay.
    static let dateOfBirth: TextPattern = {
        let trigger = #"(?i:geboren|geboortedatum|geboortedag|geb\.\s*datum|geb\.|geb|date\s+of\s+birth|born|d\.o\.b\.)"#
        let between = #"(?:\s+[\p{L}'\-]+){0,4}?,?\s*[:\-(]?\s*"#
        let date = RegexSource.anyOf([
            #"\d{1,2}[\-/.]\d{1,2}[\-/.](?:\d{4}|\d{2})"#,
            #"\d{4}-\d{1,2}-\d{1,2}"#,
            #"\d{1,2}\s+"# + CalendarWords.month + #"\.?\s+\d{4}"#,
        ])
        return TextPattern(
            RegexSource.wordStart + trigger + between + "(" + date + ")" + #"(?![\p{L}\p{N}]|[\-/.]\d)"#,
            group: 1
        )
    }()

    /// Dutch plates in the RDW sidecodes, written with dashes (XX-99-99 … 999-XX-9). Every
    /// sidecode has letters, so dates and references with dashes do not qualify; vowels are
    /// allowed, as the older plates have them.
    static let licencePlate: TextPattern = {
        let sidecodes = [
            "L{2}-D{2}-D{2}", "D{2}-D{2}-L{2}", "D{2}-L{2}-D{2}", "L{2}-D{2}-L{2}", "L{2}-L{2}-D{2}", "D{2}-L{2}-L{2}",
            "D{2}-L{3}-D", "D-L{3}-D{2}", "L{2}-D{3}-L", "L-D{3}-L{2}", "L{3}-D{2}-L", "L-D{2}-L{3}",
            "D-L{2}-D{3}", "D{3}-L{2}-D",
        ].map { $0.replacingOccurrences(of: "L", with: "[A-Z]").replacingOccurrences(of: "D", with: #"\d"#) }
        return TextPattern(#"(?<![\p{L}\p{N}\-])"# + RegexSource.anyOf(sidecodes) + #"(?![\p{L}\p{N}]|-[\p{L}\p{N}])"#)
    }()

    /// Six letters and digits, mixed, after the word "kenteken": there the context says it is a
    /// plate, however it is written ("kenteken 12ABC3", "kenteken ab-12-cd", "kenteken AB 12 CD").
    /// Spaced groups only in capitals, since "kenteken is op 12 mei" has six as well.
    static let licencePlateAfterWord = TextPattern(
        RegexSource.wordStart + #"(?i:kenteken(?:nummer|plaat)?)\s*:?\s*"#
            + #"([A-Za-z0-9]{6}|[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}|[A-Z0-9]{1,3} [A-Z0-9]{1,3} [A-Z0-9]{1,3})"#
            + RegexSource.wordEnd,
        group: 1,
        judge: { plate in
            let characters = plate.filter { $0.isLetter || $0.isNumber }
            return characters.count == 6 && characters.contains(where: \.isLetter) && characters.contains(where: \.isNumber)
                ? .identifier : .unrelated
        }
    )
}
