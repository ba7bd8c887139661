/// Checks JSON values against the types of an interface description.
///
/// Every call is checked before its handler runs, so a handler only ever sees parameters of the
/// declared shape and a client gets `InvalidParameter` naming the field it got wrong.
public struct VarlinkTypeChecker: Sendable {
    private let types: [String: VarlinkType]

    public init(definition: VarlinkInterfaceDefinition) {
        self.types = definition.types
    }

    /// Returns the name of the first top-level field that does not fit, or nil when all fit.
    /// Unknown fields are refused: a misspelled optional field would otherwise be ignored silently.
    public func firstMismatch(in object: [String: JSONValue], against fields: [VarlinkField]) -> String? {
        var declared = 0
        for field in fields {
            let value = object[field.name]
            if value != nil { declared += 1 }
            if !conforms(value, to: field.type) { return field.name }
        }
        // Only when some member is not a declared field is it worth finding which.
        guard declared < object.count else { return nil }
        let known = Set(fields.map(\.name))
        return object.keys.sorted().first { !known.contains($0) }
    }

    private func conforms(_ value: JSONValue?, to type: VarlinkType) -> Bool {
        if case .optional(let wrapped) = type {
            guard let value, value != .null else { return true }
            return conforms(value, to: wrapped)
        }
        guard let value else { return false }
        switch (type, value) {
        case (.string, .string(let text)):
            // SQLite, C strings and the journal end a string at NUL: refused here, it can
            // neither be cut short silently on the way to storage nor reach a handler.
            return !text.utf8.contains(0)
        case (.bool, .bool), (.object, .object), (.float, .int), (.float, .double):
            return true
        case (.int, _):
            return value.intValue != nil
        case (.named(let name), _):
            guard let resolved = types[name] else { return false }
            return conforms(value, to: resolved)
        case (.array(let element), .array(let items)):
            return items.allSatisfy { conforms($0, to: element) }
        case (.dictionary(let element), .object(let entries)):
            return entries.values.allSatisfy { conforms($0, to: element) }
        case (.structure(let fields), .object(let entries)):
            return firstMismatch(in: entries, against: fields) == nil
        case (.enumeration(let cases), .string(let name)):
            return cases.contains(name)
        default:
            return false
        }
    }
}
