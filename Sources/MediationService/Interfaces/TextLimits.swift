import Varlink

/// The longest text a client may send in each field, in Unicode scalars (so that a string of
/// combining marks counts every mark). One table for every interface: a field is looked up by
/// its path (`complainant.name`), then by its own name, then falls to the default. Checked
/// before any handler runs, so a refused call writes nothing.
enum TextLimits {
    static let byField: [String: Int] = [
        // Who and what: a name fits a letterhead line.
        "complainant.name": 200, "displayName": 200, "name": 200, "agency": 200, "referredTo": 200,
        "complainant.contact": 500, "subject": 500,
        // Identifiers and values the daemon parses further.
        "reference": 32, "case": 32, "login": 32, "mediator": 32, "place": 200,
        "received": 64, "due": 64, "from": 64, "to": 64, "start": 64, "duration": 64, "by": 64, "term": 64,
        "reactionTerm": 64, "within": 64, "dueWithin": 64, "hours": 200,
        // Free text staff write: a reason fits a paragraph; an agreement, a question, an answer
        // and a conclusion may run to pages.
        "reason": 2_000, "note": 2_000, "afterDeadline": 2_000, "outcome": 2_000,
        "text": 65_536,
    ]
    /// Any other text field.
    static let otherwise = 1_000

    static func limit(for path: String) -> Int {
        byField[path] ?? byField[String(path.split(separator: ".").last ?? "")] ?? otherwise
    }

    /// Declared by every interface whose methods take text.
    static let declaration = """
    # A text is longer than the field takes (limit, in characters); shorten it.
    error TextTooLong (field: string, limit: int, message: string)
    """

    /// Refuses the call's first text that is too long, as `TextTooLong` of its interface.
    static func check(_ call: VarlinkCall) throws(VarlinkError) {
        // Introspection's one text, an interface name, is looked up and never stored.
        guard !call.interfaceName.hasPrefix("org.varlink.") else { return }
        for (name, value) in call.parameters.sorted(by: { $0.key < $1.key }) {
            if let (field, limit) = firstTooLong(value, at: name) {
                throw InterfaceErrors(interface: String(call.interfaceName)).make(
                    "TextTooLong", ["field": .string(field), "limit": .int(Int64(limit))],
                    "\(field) is longer than the \(limit) characters it takes; shorten it")
            }
        }
    }

    private static func firstTooLong(_ value: JSONValue, at path: String) -> (String, Int)? {
        switch value {
        case .string(let text):
            let limit = limit(for: path)
            return text.unicodeScalars.count > limit ? (path, limit) : nil
        case .array(let items):
            for item in items {
                if let found = firstTooLong(item, at: path) { return found }
            }
            return nil
        case .object(let members):
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let found = firstTooLong(member, at: "\(path).\(name)") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
