import Foundation

/// Decodes `Decodable` values straight from `JSONValue`, for typed call parameters: the
/// counterpart of `JSONValueEncoder`, so parameters are never turned back into text to be read
/// again. Dates are read from RFC 3339 strings.
struct JSONValueDecoder {
    func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try JSONValueDecoding(value: value, codingPath: []).decodeValue(type)
    }
}

struct JSONValueDecoding: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self {
            guard case .string(let text) = value, let date = try? Date(text, strategy: .iso8601) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "expected an RFC 3339 date"))
            }
            return date as! T
        }
        if T.self == JSONValue.self { return value as! T }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: JSONValue].self) }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch([JSONValue].self) }
        return UnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(value: value, codingPath: codingPath)
    }

    private func mismatch(_ expected: Any.Type) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "found \(value.compactDescription)"))
    }

    /// Reads one JSON value as a Swift primitive; shared by every container.
    static func primitive<T>(_ value: JSONValue, as type: T.Type, codingPath: [any CodingKey]) throws -> T {
        let result: Any?
        switch (type, value) {
        case (is Bool.Type, .bool(let flag)): result = flag
        case (is String.Type, .string(let text)): result = text
        case (is Double.Type, _): result = Self.double(value)
        case (is Float.Type, _): result = Self.double(value).map { Float($0) }
        case (is Int.Type, _): result = value.intValue.flatMap { Int(exactly: $0) }
        case (is Int8.Type, _): result = value.intValue.flatMap { Int8(exactly: $0) }
        case (is Int16.Type, _): result = value.intValue.flatMap { Int16(exactly: $0) }
        case (is Int32.Type, _): result = value.intValue.flatMap { Int32(exactly: $0) }
        case (is Int64.Type, _): result = value.intValue
        case (is UInt.Type, _): result = value.intValue.flatMap { UInt(exactly: $0) }
        case (is UInt8.Type, _): result = value.intValue.flatMap { UInt8(exactly: $0) }
        case (is UInt16.Type, _): result = value.intValue.flatMap { UInt16(exactly: $0) }
        case (is UInt32.Type, _): result = value.intValue.flatMap { UInt32(exactly: $0) }
        case (is UInt64.Type, _): result = value.intValue.flatMap { UInt64(exactly: $0) }
        default: result = nil
        }
        guard let typed = result as? T else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(value.compactDescription)"))
        }
        return typed
    }

    /// The types `primitive` reads.
    static func isPrimitive(_ type: Any.Type) -> Bool {
        type is Bool.Type || type is String.Type || type is Double.Type || type is Float.Type
            || type is Int.Type || type is Int8.Type || type is Int16.Type || type is Int32.Type || type is Int64.Type
            || type is UInt.Type || type is UInt8.Type || type is UInt16.Type || type is UInt32.Type || type is UInt64.Type
    }

    private static func double(_ value: JSONValue) -> Double? {
        switch value {
        case .double(let number): number
        case .int(let number): Double(number)
        default: nil
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { members.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        private func member(_ key: Key) throws -> JSONValue {
            guard let value = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { (members[key.stringValue] ?? .null) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoding(value: try member(key), codingPath: codingPath + [key]).decodeValue(type)
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try primitive(key, type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try primitive(key, type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try primitive(key, type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try primitive(key, type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try primitive(key, type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try primitive(key, type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try primitive(key, type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try primitive(key, type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try primitive(key, type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try primitive(key, type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try primitive(key, type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try primitive(key, type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try primitive(key, type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try primitive(key, type) }

        private func primitive<T>(_ key: Key, _ type: T.Type) throws -> T {
            try JSONValueDecoding.primitive(try member(key), as: type, codingPath: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoding(value: try member(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoding(value: try member(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { JSONValueDecoding(value: .object(members), codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { JSONValueDecoding(value: try member(key), codingPath: codingPath + [key]) }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(elements: [JSONValue], codingPath: [any CodingKey]) {
            self.elements = elements
            self.codingPath = codingPath
        }

        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        private mutating func next() throws -> JSONValue {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "no more elements"))
            }
            defer { currentIndex += 1 }
            return elements[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoding(value: try next(), codingPath: codingPath).decodeValue(type)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoding(value: try next(), codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoding(value: try next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { JSONValueDecoding(value: try next(), codingPath: codingPath) }
    }

    struct SingleContainer: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            // A primitive is read here or not at all. Decoding one that does not fit through its
            // own init(from:) came back here, until the stack ran out: a number for a String-backed
            // enum crashed the process (found by Fuzz/fuzz-parameters).
            guard JSONValueDecoding.isPrimitive(type) else {
                return try JSONValueDecoding(value: value, codingPath: codingPath).decodeValue(type)
            }
            return try JSONValueDecoding.primitive(value, as: type, codingPath: codingPath)
        }
    }
}
