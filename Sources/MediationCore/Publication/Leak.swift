/// Personal data still present in a text meant for publication: which stored detail (or which
/// kind of identifier, "a phone number in the text") and the text as found, so the refusal to
/// publish can say exactly what to look for.
public struct Leak: Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let found: String

    public init(field: String, found: String) {
        self.field = field
        self.found = found
    }

    public var description: String { "\(field) (\"\(found)\")" }
}
