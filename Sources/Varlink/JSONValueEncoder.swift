import Foundation

/// Encodes `Encodable` values straight into `JSONValue`, for typed replies.
///
/// Foundation's JSONEncoder produces text; going through it and parsing the text back cost a
/// status call most of its time. Dates become RFC 3339 strings in UTC, as the interface
/// descriptions promise. Coding paths are not tracked: the values encoded are the daemon's own
/// reply types, and tracking them cost an allocation per field.
struct JSONValueEncoder {
    func encode(_ value: some Encodable) throws -> JSONValue {
        // A type that writes its own JSON has that one form: read back, it is what a reply
        // carries.
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter(text: JSONText())
            writable.writeJSON(to: &writer)
            return try writer.text.bytes.withUnsafeBytes { try JSONValue(parsing: $0) }
        }
        return try JSONValueEncoding.encode(value)
    }
}

/// The container tree while encoding. Synthesized `encode(to:)` implementations encode each
/// field completely before the next, so fields are stored as finished values; only containers
/// handed out by `nestedContainer` stay open, as boxes, and are folded in at the end.
final class JSONValueBox {
    enum Content {
        case single(JSONValue)
        case object(finished: [String: JSONValue], open: [String: JSONValueBox])
        case array([JSONValue], open: [Int: JSONValueBox])
    }

    var content: Content = .single(.null)

    var value: JSONValue {
        switch content {
        case .single(let value):
            return value
        case .object(var members, let open):
            for (key, box) in open { members[key] = box.value }
            return .object(members)
        case .array(var elements, let open):
            for (index, box) in open { elements[index] = box.value }
            return .array(elements)
        }
    }

    func set(_ key: String, _ value: JSONValue) {
        guard case .object(var members, let open) = content else { return }
        content = .single(.null)  // lets `members` be mutated in place
        members[key] = value
        content = .object(finished: members, open: open)
    }

    func set(_ key: String, open box: JSONValueBox) {
        guard case .object(let members, var open) = content else { return }
        open[key] = box
        content = .object(finished: members, open: open)
    }

    func append(_ value: JSONValue) {
        guard case .array(var elements, let open) = content else { return }
        content = .single(.null)
        elements.append(value)
        content = .array(elements, open: open)
    }

    func append(open box: JSONValueBox) {
        guard case .array(var elements, var open) = content else { return }
        content = .single(.null)
        open[elements.count] = box
        elements.append(.null)
        content = .array(elements, open: open)
    }
}

struct JSONValueEncoding: Encoder {
    let storage: JSONValueBox
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(storage: JSONValueBox = JSONValueBox()) {
        self.storage = storage
    }

    static func encode(_ value: some Encodable) throws -> JSONValue {
        if let primitive = primitive(value) { return primitive }
        let encoding = JSONValueEncoding()
        try value.encode(to: encoding)
        return encoding.storage.value
    }

    /// Values with a fixed JSON form, encoded without going through containers. The metatype
    /// comparisons are cheap, unlike a dynamic cast tried on every nested value.
    static func primitive<T: Encodable>(_ value: T) -> JSONValue? {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Date.self { return .string(RFC3339.format(value as! Date)) }
        if T.self == URL.self { return .string((value as! URL).absoluteString) }
        if T.self == JSONValue.self { return (value as! JSONValue) }
        return nil
    }

    static func integer(_ value: some BinaryInteger) -> JSONValue {
        Int64(exactly: value).map(JSONValue.int) ?? .double(Double(value))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object(finished: [:], open: [:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([], open: [:]) }
        return UnkeyedContainer(box: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: storage)
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: JSONValueBox
        var codingPath: [any CodingKey] { [] }

        private func put(_ value: JSONValue, _ key: Key) { box.set(key.stringValue, value) }

        mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { put(.double(Double(value)), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { put(integer(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(try JSONValueEncoding.encode(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONValueEncoding()
            box.set(key.stringValue, open: nested.storage)
            return nested.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = JSONValueEncoding()
            box.set(key.stringValue, open: nested.storage)
            return nested.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = JSONValueEncoding()
            box.set(key.stringValue, open: nested.storage)
            return nested
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer, JSONValueSink {
        let box: JSONValueBox
        var codingPath: [any CodingKey] { [] }

        var count: Int {
            if case .array(let elements, _) = box.content { return elements.count }
            return 0
        }

        func put(_ value: JSONValue) { box.append(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONValueEncoding()
            box.append(open: nested.storage)
            return nested.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = JSONValueEncoding()
            box.append(open: nested.storage)
            return nested.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let nested = JSONValueEncoding()
            box.append(open: nested.storage)
            return nested
        }
    }

    struct SingleContainer: SingleValueEncodingContainer, JSONValueSink {
        let box: JSONValueBox
        var codingPath: [any CodingKey] { [] }

        func put(_ value: JSONValue) { box.content = .single(value) }
    }
}

/// The one-value-at-a-time encoding methods the unkeyed and single-value containers share.
protocol JSONValueSink {
    func put(_ value: JSONValue)
}

extension JSONValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Float) throws { put(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: Int8) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: Int16) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: Int32) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: Int64) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt16) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt32) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode(_ value: UInt64) throws { put(JSONValueEncoding.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try JSONValueEncoding.encode(value)) }
}
