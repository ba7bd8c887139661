/// The international bank account number (ISO 13616). Only numbers whose check digits are
/// right count as IBANs, so letter-and-digit references of the same shape stay in the text.
public enum IBAN {
    /// True when `text`, spaces ignored, is a country code, two check digits and an account of
    /// letters and digits, 15 to 34 characters in all, and the mod-97 check gives 1: the first
    /// four characters moved to the end, letters read as 10 (A) to 35 (Z).
    public static func isValid(_ text: String) -> Bool {
        let compact = Array(text.filter { $0 != " " }.uppercased())
        guard (15...34).contains(compact.count),
              compact[0..<2].allSatisfy({ $0.isASCII && $0.isLetter }),
              compact[2..<4].allSatisfy({ $0.isASCII && $0.isNumber }),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        // The number has up to 68 digits; reduce as we go instead of building it.
        let remainder = (compact[4...] + compact[..<4]).reduce(0) { remainder, character in
            let value = character.isNumber ? character.wholeNumberValue! : Int(character.asciiValue! - 55)
            return (remainder * (value < 10 ? 10 : 100) + value) % 97
        }
        return remainder == 1
    }
}
