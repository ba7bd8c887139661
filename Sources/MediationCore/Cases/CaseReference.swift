/// A case's reference (zaaknummer), as written on every letter: `2026-0042` when the office lets
/// the daemon number it, or the office's own reference when one is given.
public struct CaseReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    /// Letters, digits and `-`, `/`, `.`, starting with a letter or digit, at most 32 characters:
    /// references end up in file names, journal fields and shell commands.
    public init?(_ text: String) {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 32,
              Self.isAlphanumeric(first),
              text.unicodeScalars.allSatisfy({ Self.isAlphanumeric($0) || "-/.".unicodeScalars.contains($0) })
        else { return nil }
        self.text = text
    }

    /// The `number`th reference of `year`: `2026-0001`. Four digits at least, more after 9999.
    public init(year: Int, number: Int) {
        let digits = String(number)
        self.text = "\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }

    /// The sequence number when this reference has the generated form for `year`.
    public func generatedNumber(in year: Int) -> Int? {
        let prefix = "\(year)-"
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count)
        guard digits.count >= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    public var description: String { text }

    public static func < (lhs: CaseReference, rhs: CaseReference) -> Bool { lhs.text < rhs.text }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }
}
