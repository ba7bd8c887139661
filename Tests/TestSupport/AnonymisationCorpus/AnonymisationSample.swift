import Foundation

/// One short text of the anonymisation corpus: a sentence or two about a case, with one planted
/// person or identifier and the decoys that must come through. One item a sample, so what
/// survived can be told apart, and the same texts go to every anonymiser measured.
public struct AnonymisationSample: Sendable, Codable {
    /// What was planted, one row of the benchmark's table each.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case nameAfterTitle = "name after a form of address or title"
        case nameWithInitials = "initials and surname"
        case nameWithFirstName = "first name and surname"
        case licencePlate = "licence plate"
        case phoneNumber = "phone number"
        case iban = "IBAN"
        case bsn = "BSN"
        case email = "e-mail address"
        case postcode
        case dateOfBirth = "date of birth"
        case storedDetail = "stored identifier of the complainant"

        public var isPersonName: Bool { [.nameAfterTitle, .nameWithInitials, .nameWithFirstName].contains(self) }
    }

    public struct Planted: Sendable, Codable {
        public let kind: Kind
        /// As written in the text.
        public let text: String
        /// For a name, the words that identify the person: given names and the surname without
        /// its tussenvoegsels. None of them may be left.
        public let identifyingWords: [String]
        public let hasTussenvoegsel: Bool
        public let isDoubleSurname: Bool
    }

    public let text: String
    public let planted: Planted
    /// Words and names that must stay as written: the agency, other agencies, places, months,
    /// weekdays, ordinary words starting a sentence.
    public let decoys: [String]
    /// The agency the case is about, kept by the anonymiser.
    public let agency: String
    /// What is stored for the case: the complainant's name and contact details.
    public let complainantName: String
    public let complainantContact: String

    /// Whether the planted item is still readable in `output`: for a name, any of its
    /// identifying words as a word; for an identifier, its letters and digits in any spelling, or
    /// any four of its digits in a row.
    public func plantedSurvives(in output: String) -> Bool {
        if !planted.identifyingWords.isEmpty {
            let words = Set(output.split { !($0.isLetter || $0 == "'" || $0 == "’") }.map(String.init))
            return planted.identifyingWords.contains { words.contains($0) }
        }
        let compactOutput = Self.compact(output)
        if compactOutput.contains(Self.compact(planted.text)) { return true }
        let digits = Array(planted.text.filter { $0.isASCII && $0.isNumber })
        let outputDigitRuns = output.split { !($0.isASCII && $0.isNumber) }.map(String.init)
        guard digits.count >= 4 else { return false }
        return (0...(digits.count - 4)).contains { start in
            let run = String(digits[start ..< start + 4])
            return outputDigitRuns.contains { $0.contains(run) }
        }
    }

    /// The decoys that are no longer in `output` as written.
    public func lostDecoys(in output: String) -> [String] {
        decoys.filter { !output.contains($0) }
    }

    private static func compact(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
