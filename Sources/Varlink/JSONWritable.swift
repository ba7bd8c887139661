import Foundation

/// A value that writes its own JSON text.
///
/// Replies are encoded through `Encodable`, which fits every type but spends most of a small
/// reply's encoding on its own machinery: a container box per object, generic dispatch per
/// field. A type answered often can write its fields directly instead. Wherever this library
/// encodes a value as a whole — a reply's parameters, `JSONValue(encoding:)` — it asks the value
/// whether it writes itself, so such a type has one form, whichever way it is encoded. Inside a
/// value encoded through `Encodable`, a member's `Encodable` conformance is used, so the two
/// must agree: `writeJSON` writes what this library's encoders make of `encode(to:)` (dates as
/// RFC 3339), and decoding it with the type's `Decodable` conformance gives the value back.
///
/// `String`, `Bool`, `Int`, `Int64`, `Double`, `Date` and arrays of writable elements write
/// themselves, and so do enumerations with string raw values once they declare the conformance.
public protocol JSONWritable: Encodable {
    func writeJSON(to writer: inout JSONWriter)
}

/// Writes JSON text for `JSONWritable` types.
///
/// Objects and arrays are opened and closed with `beginObject()`/`endObject()` and
/// `beginArray()`/`endArray()`; members are written with `member(_:_:)`, elements with
/// `element(_:)`. Commas go where they belong by themselves. An absent optional member is left
/// out, as `Encodable`'s synthesized conformances leave it out. Dates are RFC 3339 in UTC.
public struct JSONWriter {
    var text: JSONText
    /// Whether what is written next follows a value, and so needs a comma first.
    private var followsValue = false

    init(text: JSONText) {
        self.text = text
    }

    public mutating func beginObject() {
        separate()
        text.append(UInt8(ascii: "{"))
        followsValue = false
    }

    public mutating func endObject() {
        text.append(UInt8(ascii: "}"))
        followsValue = true
    }

    public mutating func beginArray() {
        separate()
        text.append(UInt8(ascii: "["))
        followsValue = false
    }

    public mutating func endArray() {
        text.append(UInt8(ascii: "]"))
        followsValue = true
    }

    /// A member of the object being written.
    public mutating func member(_ key: some CodingKey, _ value: some JSONWritable) {
        writeKey(key)
        value.writeJSON(to: &self)
    }

    /// A member of the object being written; left out when `value` is nil.
    public mutating func member(_ key: some CodingKey, _ value: (some JSONWritable)?) {
        guard let value else { return }
        member(key, value)
    }

    /// An element of the array being written.
    public mutating func element(_ value: some JSONWritable) {
        value.writeJSON(to: &self)
    }

    public mutating func writeNull() {
        scalar { $0.append("null") }
    }

    public mutating func write(_ value: String) {
        scalar { $0.appendString(value) }
    }

    public mutating func write(_ value: Bool) {
        scalar { $0.append(value ? "true" : "false") }
    }

    public mutating func write(_ value: some BinaryInteger) {
        scalar { $0.appendNumber(value) }
    }

    /// Non-finite values, which JSON cannot carry, are written as `null`.
    public mutating func write(_ value: Double) {
        scalar { $0.appendNumber(value) }
    }

    public mutating func write(_ value: Date) {
        scalar { text in
            text.append(UInt8(ascii: "\""))
            RFC3339.write(value, into: &text)
            text.append(UInt8(ascii: "\""))
        }
    }

    private mutating func writeKey(_ key: some CodingKey) {
        separate()
        text.appendString(key.stringValue)
        text.append(UInt8(ascii: ":"))
        followsValue = false
    }

    private mutating func scalar(_ body: (inout JSONText) -> Void) {
        separate()
        body(&text)
        followsValue = true
    }

    private mutating func separate() {
        if followsValue { text.append(UInt8(ascii: ",")) }
    }
}

extension String: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Bool: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Int: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Int64: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Double: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Date: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { writer.element(element) }
        writer.endArray()
    }
}

extension JSONWritable where Self: RawRepresentable, RawValue == String {
    public func writeJSON(to writer: inout JSONWriter) { writer.write(rawValue) }
}
