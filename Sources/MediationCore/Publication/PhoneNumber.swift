/// Dutch phone numbers compared the way people dial them: only the digits after the country
/// code or the trunk zero count, so "+31 (0)6 12 34 56 78", "0031 6 12345678" and "06-12345678"
/// are one number.
enum PhoneNumber {
    /// The digits after +31, 0031 or the leading 0: "612345678" for all the forms above.
    static func significantDigits(of text: String) -> String {
        // The "(0)" in "+31 (0)6 …" is the trunk zero, not dialled after the country code.
        let written = text.replacingOccurrences(of: "(0)", with: "")
        let digits = written.filter { $0.isASCII && $0.isNumber }
        if digits.hasPrefix("0031") { return String(digits.dropFirst(4)) }
        if written.drop(while: \.isWhitespace).hasPrefix("+31") { return String(digits.dropFirst(2)) }
        if digits.hasPrefix("0") { return String(digits.dropFirst()) }
        return digits
    }

    /// A pattern for a stored number in any of its written forms: the significant digits with
    /// spaces, dashes, dots or brackets between them, after an optional +31, 0031 or 0. An
    /// opening bracket is taken only when it closes around the area code, "(030) 1234567": in
    /// "El Amrani (06-12345678)" it encloses the whole number, and taking it would leave a
    /// stray ")" behind.
    static func pattern(matching stored: String) -> String {
        let digits = significantDigits(of: stored)
        let prefix = #"(?:(?:\+|00)[ ]?31[ \-]?(?:\(0\)[ \-]?)?|\(0(?=\d{1,3}\))|0)?"#
        let body = digits.map(String.init).joined(separator: #"[ .\-/()]{0,2}"#)
        return #"(?<!\p{N})"# + prefix + body + #"(?!\p{N})"#
    }
}
