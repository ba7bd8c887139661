/// The burgerservicenummer: nine digits that pass the elfproef. Only numbers that pass are
/// removed from publications, so a nine-digit case or invoice number is left alone.
public enum BSN {
    /// True when `text` is nine digits, as BSNs are written ("123456782", "1234.56.782",
    /// "123 456 782"), and 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 other than 0.
    public static func isValid(_ text: String) -> Bool {
        let written = text.filter { $0 != " " && $0 != "." }
        guard written.count == 9 else { return false }
        let digits = written.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 9 else { return false }
        let weighted = zip(digits.dropLast(), (2...9).reversed()).reduce(0) { $0 + $1.0 * $1.1 } - digits[8]
        return weighted != 0 && weighted % 11 == 0
    }
}
