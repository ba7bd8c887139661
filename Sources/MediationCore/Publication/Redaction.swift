/// Writes a text with its findings replaced. Works on UTF-16 units, the unit the findings are
/// counted in, so no range has to be converted to a `String.Index`.
enum Redaction {
    /// `findings` must not overlap (see `SpanSelection`).
    static func applying(_ findings: [Finding], to text: String) -> String {
        let units = Array(text.utf16)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var cursor = 0
        for finding in findings.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += units[cursor ..< finding.range.lowerBound]
            let replacement = startsSentence(units, at: finding.range.lowerBound)
                ? capitalisingFirstLetter(finding.replacement) : finding.replacement
            result += replacement.utf16
            cursor = finding.range.upperBound
        }
        result += units[cursor...]
        return String(decoding: result, as: UTF16.self)
    }

    /// "De heer Jansen belde." becomes "De bemiddelaar belde.", not "de bemiddelaar belde.":
    /// a role at the start of a line or after a full stop starts with a capital. Not after an
    /// abbreviation ending in a single letter, as in "t.a.v. de heer Jansen".
    private static func startsSentence(_ units: [UInt16], at offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0, [0x20, 0x09, 0xA0].contains(units[index]) { index -= 1 }
        guard index >= 0 else { return true }
        switch units[index] {
        case 0x0A, 0x0D, 0x21, 0x3F: // \n \r ! ?
            return true
        case 0x2E: // .
            return !(index >= 1 && isLetter(units[index - 1]) && (index == 1 || !isLetter(units[index - 2])))
        default:
            return false
        }
    }

    private static func isLetter(_ unit: UInt16) -> Bool {
        Unicode.Scalar(unit).map { $0.properties.isAlphabetic } ?? false
    }

    private static func capitalisingFirstLetter(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
