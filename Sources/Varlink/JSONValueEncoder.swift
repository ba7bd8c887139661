import Foundation

/// Encodes `Encodable` values straight into `JSONValue`, for typed replies.
///
/// Foundation's JSONEncoder produces text; going through it and parsing the text back cost a
/// status call most of its time. Dates become RFC 3339 strings, as the interface descriptions
/// promise.
struct JSONValueEncoder {
    func encode(_ value: some Encodable) throws -> JSONValue {
        let root = JSONValueEncoding(codingPath: [])
        try root.encodeValue(value)
        return root.storage.value
    }
}

/// A value under construction; containers nest by sharing these boxes.
final class JSONValueBox {
    enum Content {
        case value(JSONValue)
        case object([String: JSONValueBox])
        case array([JSONValueBox])
    }

    var content: Content = .value(.null)

    var value: JSONValue {
        switch content {
        case .value(let value): value
        case .object(let members): .object(members.mapValues(\.value))
        case .array(let elements): .array(elements.map(\.value))
        }
    }
}

struct JSONValueEncoding: Encoder {
    let storage = JSONValueBox()
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func encodeValue(_ value: some Encodable) throws {
        if let primitive = try Self.primitive(value) {
            storage.content = .value(primitive)
        } else {
            try value.encode(to: self)
        }
    }

    static func integer(_ value: some BinaryInteger) -> JSONValue {
        Int64(exactly: value).map(JSONValue.int) ?? .double(Double(value))
    }

    /// Values with a fixed JSON form, encoded without going through containers.
    static func primitive(_ value: some Encodable) throws -> JSONValue? {
        switch value {
        case let date as Date: .string(date.formatted(.iso8601))
        case let url as URL: .string(url.absoluteString)
        case let json as JSONValue: json
        default: nil
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return UnkeyedContainer(box: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: storage, codingPath: codingPath)
    }

    private static func child(of box: JSONValueBox, path: [any CodingKey], _ value: some Encodable) throws -> JSONValueBox {
        let encoding = JSONValueEncoding(codingPath: path)
        try encoding.encodeValue(value)
        return encoding.storage
    }

    private static func leaf(_ value: JSONValue) -> JSONValueBox {
        let box = JSONValueBox()
        box.content = .value(value)
        return box
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: JSONValueBox
        let codingPath: [any CodingKey]

        private func set(_ key: Key, _ child: JSONValueBox) {
            guard case .object(var members) = box.content else { return }
            box.content = .value(.null)
            members[key.stringValue] = child
            box.content = .object(members)
        }

        mutating func encodeNil(forKey key: Key) throws { set(key, leaf(.null)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(key, leaf(.bool(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(key, leaf(.string(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(key, leaf(.double(value))) }
        mutating func encode(_ value: Float, forKey key: Key) throws { set(key, leaf(.double(Double(value)))) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { set(key, leaf(integer(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(key, try child(of: box, path: codingPath + [key], value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONValueEncoding(codingPath: codingPath + [key])
            set(key, nested.storage)
            return nested.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = JSONValueEncoding(codingPath: codingPath + [key])
            set(key, nested.storage)
            return nested.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { JSONValueEncoding(codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = JSONValueEncoding(codingPath: codingPath + [key])
            set(key, nested.storage)
            return nested
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: JSONValueBox
        let codingPath: [any CodingKey]

        var count: Int {
            if case .array(let elements) = box.content { return elements.count }
            return 0
        }

        private func append(_ child: JSONValueBox) {
            guard case .array(var elements) = box.content else { return }
            box.content = .value(.null)
            elements.append(child)
            box.content = .array(elements)
        }

        mutating func encodeNil() throws { append(leaf(.null)) }
        mutating func encode(_ value: Bool) throws { append(leaf(.bool(value))) }
        mutating func encode(_ value: String) throws { append(leaf(.string(value))) }
        mutating func encode(_ value: Double) throws { append(leaf(.double(value))) }
        mutating func encode(_ value: Float) throws { append(leaf(.double(Double(value)))) }
        mutating func encode(_ value: Int) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: Int8) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: Int16) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: Int32) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: Int64) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: UInt) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: UInt8) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: UInt16) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: UInt32) throws { append(leaf(integer(value))) }
        mutating func encode(_ value: UInt64) throws { append(leaf(integer(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            append(try child(of: box, path: codingPath, value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONValueEncoding(codingPath: codingPath)
            append(nested.storage)
            return nested.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = JSONValueEncoding(codingPath: codingPath)
            append(nested.storage)
            return nested.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let nested = JSONValueEncoding(codingPath: codingPath)
            append(nested.storage)
            return nested
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let box: JSONValueBox
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { box.content = .value(.null) }
        mutating func encode(_ value: Bool) throws { box.content = .value(.bool(value)) }
        mutating func encode(_ value: String) throws { box.content = .value(.string(value)) }
        mutating func encode(_ value: Double) throws { box.content = .value(.double(value)) }
        mutating func encode(_ value: Float) throws { box.content = .value(.double(Double(value))) }
        mutating func encode(_ value: Int) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: Int8) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: Int16) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: Int32) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: Int64) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: UInt) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: UInt8) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: UInt16) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: UInt32) throws { box.content = .value(integer(value)) }
        mutating func encode(_ value: UInt64) throws { box.content = .value(integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let encoded = JSONValueEncoding(codingPath: codingPath)
            try encoded.encodeValue(value)
            box.content = encoded.storage.content
        }
    }
}
