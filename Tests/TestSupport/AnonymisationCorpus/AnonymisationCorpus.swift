/// The corpus of the anonymiser's benchmark and tests: short Dutch case texts, each with one
/// planted person or identifier and decoys, generated from `CorpusVocabulary`, `DecoyWords` and
/// the sentence frames below with a fixed seed, so every run measures the same texts.
public enum AnonymisationCorpus {
    /// Planted items of each kind.
    public static let perKind = 80

    /// The first names the corpus gives people, to tell how many a list of first names knows.
    public static var firstNames: [String] { CorpusVocabulary.firstNames }

    public static let samples: [AnonymisationSample] = {
        var builder = CorpusBuilder(generator: SeededGenerator(seed: 14))
        return AnonymisationSample.Kind.allCases.flatMap { kind in (0..<perKind).map { _ in builder.sample(kind) } }
    }()
}

/// Writes one sample at a time; the generator's state carries over, so no two are alike.
private struct CorpusBuilder {
    var generator: SeededGenerator
    private var decoyIndex = 0

    init(generator: SeededGenerator) {
        self.generator = generator
    }

    mutating func sample(_ kind: AnonymisationSample.Kind) -> AnonymisationSample {
        let agency = pick(CorpusVocabulary.agencies)
        let otherAgency = pick(CorpusVocabulary.agencies.filter { $0 != agency })
        let place = pick(CorpusVocabulary.places)
        let month = pick(CorpusVocabulary.months), weekday = pick(CorpusVocabulary.weekdays)
        let date = "\(weekday) \(Int.random(in: 1...28, using: &generator)) \(month)"
        let (complainantName, complainantContact, storedPlants) = complainant()

        let planted: AnonymisationSample.Planted
        let frame: String
        switch kind {
        case .nameAfterTitle, .nameWithInitials, .nameWithFirstName:
            planted = person(kind)
            frame = pick(Self.personFrames)
        case .storedDetail:
            planted = pick(storedPlants)
            frame = pick(planted.identifyingWords.isEmpty ? Self.identifierFrames[.phoneNumber]! : Self.personFrames)
        default:
            planted = AnonymisationSample.Planted(kind: kind, text: identifier(kind), identifyingWords: [], hasTussenvoegsel: false, isDoubleSurname: false)
            frame = pick(Self.identifierFrames[kind]!)
        }
        let decoyWord = nextDecoyWord()
        let decoyFrame = pick(Self.decoyFrames)
        func fill(_ frame: String) -> String {
            frame.replacingOccurrences(of: "{A}", with: agency).replacingOccurrences(of: "{B}", with: otherAgency)
                .replacingOccurrences(of: "{P}", with: place).replacingOccurrences(of: "{D}", with: date)
                .replacingOccurrences(of: "{W}", with: decoyWord)
        }
        var sentence = fill(frame).replacingOccurrences(of: "{X}", with: planted.text)
        var plantedText = planted.text
        if let first = sentence.first, first.isLowercase {
            sentence = first.uppercased() + sentence.dropFirst()
            if sentence.hasPrefix(plantedText.prefix(1).uppercased() + plantedText.dropFirst()) {
                plantedText = plantedText.prefix(1).uppercased() + plantedText.dropFirst()
            }
        }
        let text = fill(decoyFrame) + " " + sentence
        let decoys = [decoyWord, agency, otherAgency, place, month, weekday].filter { text.contains($0) }
        return AnonymisationSample(
            text: text,
            planted: AnonymisationSample.Planted(kind: planted.kind, text: plantedText, identifyingWords: planted.identifyingWords,
                                                 hasTussenvoegsel: planted.hasTussenvoegsel, isDoubleSurname: planted.isDoubleSurname),
            decoys: decoys, agency: agency, complainantName: complainantName, complainantContact: complainantContact)
    }

    // MARK: People

    private mutating func person(_ kind: AnonymisationSample.Kind) -> AnonymisationSample.Planted {
        let surname = pick(CorpusVocabulary.surnames)
        let text: String
        var given: [String] = []
        switch kind {
        case .nameAfterTitle:
            let title = pick(CorpusVocabulary.titles)
            if Int.random(in: 0..<3, using: &generator) == 0 {
                given = [pick(CorpusVocabulary.firstNames)]
                text = "\(title) \(given[0]) \(surname)"
            } else {
                // Without a given name or initials, the tussenvoegsel takes the capital.
                text = "\(title) \(surname.prefix(1).uppercased())\(surname.dropFirst())"
            }
        case .nameWithInitials:
            text = "\(pick(CorpusVocabulary.initials)) \(surname)"
        default:
            given = [pick(CorpusVocabulary.firstNames)]
            if Int.random(in: 0..<6, using: &generator) == 0 { given.append(pick(CorpusVocabulary.firstNames)) }
            text = (given + [surname]).joined(separator: " ")
        }
        return AnonymisationSample.Planted(
            kind: kind, text: text, identifyingWords: Self.identifyingWords(given + [surname]),
            hasTussenvoegsel: surname.split(whereSeparator: { $0 == " " || $0 == "-" }).contains { CorpusVocabulary.particles.contains($0.lowercased()) },
            isDoubleSurname: surname.contains("-"))
    }

    private static func identifyingWords(_ names: [String]) -> [String] {
        names.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init) }
            .filter { !CorpusVocabulary.particles.contains($0.lowercased()) }
    }

    /// The complainant as stored, and the ways the text may mention what is stored.
    private mutating func complainant() -> (name: String, contact: String, plants: [AnonymisationSample.Planted]) {
        let given = pick(CorpusVocabulary.firstNames), surname = pick(CorpusVocabulary.surnames)
        let name = "\(given) \(surname)"
        let street = "\(pick(CorpusVocabulary.streets)) \(Int.random(in: 1...180, using: &generator))"
        let postcode = postcodeText(spaced: true)
        let phone = "06-\(digits(8))"
        let email = "\(given.lowercased().filter(\.isLetter)).\(surname.lowercased().filter(\.isLetter))@example.nl"
        let contact = "\(street), \(postcode) \(pick(CorpusVocabulary.places)), \(phone), \(email)"
        func plant(_ text: String, words: [String] = []) -> AnonymisationSample.Planted {
            .init(kind: .storedDetail, text: text, identifyingWords: words, hasTussenvoegsel: false, isDoubleSurname: false)
        }
        let respelledPhone = "06 " + phone.dropFirst(3).prefix(4) + " " + phone.suffix(4)
        return (name, contact, [
            plant(name, words: Self.identifyingWords([given, surname])),
            plant("mevrouw \(surname.prefix(1).uppercased())\(surname.dropFirst())", words: Self.identifyingWords([surname])),
            plant(respelledPhone), plant(email), plant(street), plant(postcode.replacingOccurrences(of: " ", with: "")),
        ])
    }

    // MARK: Identifiers

    private mutating func identifier(_ kind: AnonymisationSample.Kind) -> String {
        switch kind {
        case .licencePlate:
            let sidecode = pick(["LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
                                 "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"])
            return String(sidecode.map { character -> Character in
                switch character {
                case "L": pick(Array("BDFGHJKLNPRSTVXZ"))
                case "D": Character(String(Int.random(in: 0...9, using: &generator)))
                default: character
                }
            })
        case .phoneNumber:
            let format = pick([
                "06-########", "06 #### ####", "06########", "+31 6 ########", "+31 (0)6 #### ####", "0031 6 ########",
                "06-## ## ## ##", "06 - ########", "020-#######", "020 ### ####", "(020) ### ## ##", "030-### ## ##",
                "0318-######", "(0318) ######", "010 - ### ####", "+31 20 #######", "+31 (0)30 ### ####", "0800-####",
                "0900-####", "088 ### ####",
            ])
            return String(format.map { $0 == "#" ? Character(String(Int.random(in: 0...9, using: &generator))) : $0 })
        case .iban:
            let account = pick(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]) + digits(10)
            let compact = "NL" + Self.ibanCheckDigits(account) + account
            return Bool.random(using: &generator) ? compact
                : stride(from: 0, to: compact.count, by: 4).map { String(Array(compact)[$0 ..< min($0 + 4, compact.count)]) }.joined(separator: " ")
        case .bsn:
            var number = ""
            repeat { number = String(Int.random(in: 1...9, using: &generator)) + digits(8) } while !Self.passesElevenTest(number)
            let characters = Array(number)
            return pick([number, "\(String(characters[0..<4])).\(String(characters[4..<6])).\(String(characters[6...]))",
                         "\(String(characters[0..<3])) \(String(characters[3..<6])) \(String(characters[6...]))"])
        case .email:
            let given = pick(CorpusVocabulary.firstNames).lowercased().filter(\.isLetter)
            let surname = pick(CorpusVocabulary.surnames).lowercased().filter(\.isLetter)
            return pick(["\(given).\(surname)", "\(given.prefix(1)).\(surname)", "\(given)\(Int.random(in: 1...99, using: &generator))", "\(surname)_\(given)"])
                + "@" + pick(["example.nl", "gmail.com", "hotmail.com", "ziggo.nl", "utrecht.nl", "uwv.nl", "kpnmail.nl"])
        case .postcode:
            return postcodeText(spaced: Int.random(in: 0..<3, using: &generator) > 0)
        case .dateOfBirth:
            let day = Int.random(in: 1...28, using: &generator), month = Int.random(in: 1...12, using: &generator)
            let year = Int.random(in: 1935...2005, using: &generator)
            let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
            return pick(["\(two(day))-\(two(month))-\(year)", "\(day) \(CorpusVocabulary.months[month - 1]) \(year)", "\(two(day))/\(two(month))/\(year)",
                         "\(day)-\(month)-\(year)"])
        default:
            preconditionFailure("not an identifier kind: \(kind)")
        }
    }

    private mutating func postcodeText(spaced: Bool) -> String {
        var letters = ""
        repeat { letters = String((0..<2).map { _ in pick(Array("ABCDEFGHJKLMNPRSTVWXZ")) }) } while ["SA", "SD", "SS"].contains(letters)
        return "\(Int.random(in: 1000...9999, using: &generator))" + (spaced ? " " : "") + letters
    }

    private mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    private static func ibanCheckDigits(_ account: String) -> String {
        let remainder = (account + "NL00").reduce(0) { remainder, character in
            let value = character.isNumber ? character.wholeNumberValue! : Int(character.asciiValue! - 55)
            return (remainder * (value < 10 ? 10 : 100) + value) % 97
        }
        let check = 98 - remainder
        return check < 10 ? "0\(check)" : "\(check)"
    }

    private static func passesElevenTest(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue)
        let sum = zip(digits.dropLast(), (2...9).reversed()).reduce(0) { $0 + $1.0 * $1.1 } - digits[8]
        return sum != 0 && sum % 11 == 0
    }

    // MARK: Frames and decoys

    private mutating func nextDecoyWord() -> String {
        let words = DecoyWords.ordinary + DecoyWords.alsoFirstNames
        defer { decoyIndex += 1 }
        let word = words[decoyIndex % words.count]
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }

    /// {X} the person, {A} the agency of the case, {B} another, {P} a place, {D} a weekday and date.
    static let personFrames = [
        "{X} van {A} belt verzoeker volgende week terug.",
        "Op {D} sprak verzoeker met {X} over de aanslag.",
        "Volgens {X} is de brief op {D} verstuurd.",
        "De klacht is behandeld door {X}, teamleider bij {A} in {P}.",
        "Verzoeker heeft {X} gevraagd de beslissing van {A} uit te leggen.",
        "{A} liet weten dat {X} de zaak overneemt.",
        "Namens {A} tekende {X} de brief.",
        "Ook {X} (buurman van verzoeker) heeft een verklaring afgelegd.",
        "Het gesprek met {X} vond plaats in {P}.",
        "Verzoeker kreeg op {D} een mail van {X} van {B}.",
        "Zijn dochter, {X}, was bij het gesprek in {P}.",
        "In de brief van {D} schrijft {X} dat {A} de termijn heeft gemist.",
    ]

    /// {X} the identifier.
    static let identifierFrames: [AnonymisationSample.Kind: [String]] = [
        .licencePlate: ["De auto met kenteken {X} stond op {D} in {P}.", "Verzoeker reed met de {X} naar {A}.",
                        "Het voertuig ({X}) kreeg een boete van {A}.", "Voor de {X} stuurde {A} een aanslag."],
        .phoneNumber: ["U kunt verzoeker bellen op {X}.", "De buurman is bereikbaar via {X}, schreef {A}.",
                       "Bel {X} voor een afspraak bij {A} in {P}.", "Telefoon: {X}"],
        .iban: ["Het bedrag is overgemaakt naar {X}.", "{A} betaalde op {D} terug op rekening {X} ten name van verzoeker."],
        .bsn: ["Het BSN van verzoeker is {X}.", "{A} noemde burgerservicenummer {X} in de brief.", "Zijn sofinummer {X} stond op het formulier."],
        .email: ["Mail naar {X}.", "Het e-mailadres van de buurvrouw is {X}, meldde {A}.", "{A} antwoordde vanaf {X} op {D}."],
        .postcode: ["Verzoeker woont in {X} {P}.", "Postcode: {X}, schreef {A}.", "De brief van {A} ging naar {X} in {P}."],
        .dateOfBirth: ["Verzoeker is geboren op {X}.", "Geboortedatum: {X}.", "Haar zoon (geb. {X}) woont in {P}.",
                       "{A} vroeg naar de geboortedatum van verzoeker, {X}."],
    ]

    /// A sentence before the planted one, starting with {W}, an ordinary word.
    static let decoyFrames = [
        "{W} is volgens {B} niet van belang.",
        "{W} in {P} kwam ter sprake op {D}.",
        "{W} werd genoemd in de brief van {B}.",
        "{W} speelde geen rol, schreef {B} op {D}.",
    ]
}
