import Foundation

/// Encodes `Encodable` values straight to JSON text: how typed replies reach the wire.
///
/// Building a `JSONValue` tree first and writing it out afterwards cost a reply a dictionary per
/// object, a sort per object and a second pass. Here each value is written as it is encoded, so
/// an object's members come in the order the value encodes them: a struct's (with a synthesized
/// `Codable` conformance) in the order of declaration, a dictionary's in the dictionary's own
/// order. JSON gives the order of members no meaning; sorting dictionaries would cost every
/// value a dynamic cast, which alone was an eighth of a status reply's encoding.
///
/// The conventions are `JSONValueEncoder`'s: dates are RFC 3339 strings in UTC, URLs their
/// absolute string, absent optionals are left out, non-finite doubles become `null`; integers
/// are written exactly, however large.
///
/// A value that is `JSONWritable` writes itself instead.
///
/// Containers opened with `nestedContainer`, `nestedUnkeyedContainer` or `superEncoder` may be
/// filled after their parent has moved on, so they are written to a text of their own and
/// spliced into place when the value is complete. Every other container is filled before the
/// next field starts, and goes straight into the text.
enum JSONTextEncoder {
    /// Appends the JSON text of `value` to `text`; when encoding fails, `text` is left as it was.
    static func encode(_ value: some Encodable, into text: inout JSONText) throws {
        // One cast per value encoded as a whole; a type that writes itself skips the machinery.
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter(text: text)
            text = JSONText()
            writable.writeJSON(to: &writer)
            text = writer.text
            return
        }
        let start = text.count
        let output = JSONTextOutput(text: text)
        text = JSONText()  // the output holds the only reference while it writes
        do {
            try output.encodeValue(value, at: 0)
            text = try output.finish()
        } catch {
            text = output.abandon(keeping: start)
            throw error
        }
    }

    /// Appends `value`, which must encode as a JSON object, to `text`; anything else is refused
    /// and leaves `text` as it was.
    static func encodeObject(_ value: some Encodable, into text: inout JSONText) throws {
        let start = text.count
        try encode(value, into: &text)
        guard text.count > start, text.bytes[start] == UInt8(ascii: "{") else {
            text.truncate(to: start)
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Varlink parameters must encode as an object"))
        }
    }
}

/// The text being written, and the containers open in it.
///
/// Positions are depths: a value at depth `d` has `d` containers open around it, and a container
/// whose opening bracket was written at depth `d` takes members while exactly `d + 1` are open.
/// A write anywhere else would land inside another container, and is refused.
///
/// Each write is one access to `state`; the text and the open containers are plain values in it.
final class JSONTextOutput {
    enum Frame {
        case object(members: Int)
        case array(elements: Int)
        /// A value written through a single-value container.
        case value
    }

    struct State {
        var text: JSONText
        var frames: [Frame] = []

        /// Starts a member of the object opened at depth `depth - 1`: comma, key and colon.
        mutating func startMember(_ key: String, at depth: Int) -> Bool {
            guard frames.count == depth, case .object(let members) = frames[depth - 1] else { return false }
            frames[depth - 1] = .object(members: members + 1)
            if members > 0 { text.append(UInt8(ascii: ",")) }
            text.appendString(key)
            text.append(UInt8(ascii: ":"))
            return true
        }

        /// Starts an element of the array opened at depth `depth - 1`.
        mutating func startElement(at depth: Int) -> Bool {
            guard frames.count == depth, case .array(let elements) = frames[depth - 1] else { return false }
            frames[depth - 1] = .array(elements: elements + 1)
            if elements > 0 { text.append(UInt8(ascii: ",")) }
            return true
        }

        /// Opens the object or array of the value at `depth`; asked again for the same value
        /// (as a subclass and its superclass both do), it keeps the one open.
        mutating func open(_ frame: Frame, at depth: Int) -> Bool {
            if frames.count == depth {
                frames.append(frame)
                switch frame {
                case .object: text.append(UInt8(ascii: "{"))
                case .array: text.append(UInt8(ascii: "["))
                case .value: break
                }
                return true
            }
            switch (frames.count == depth + 1 ? frames[depth] : nil, frame) {
            case (.object?, .object), (.array?, .array): return true
            default: return false
            }
        }

        /// Closes whatever the value at `depth` opened; a value that wrote nothing at all
        /// becomes an empty object, as with Foundation's `JSONEncoder`.
        mutating func close(to depth: Int) {
            guard frames.count > depth else {
                text.append("{}")
                return
            }
            while frames.count > depth {
                switch frames.removeLast() {
                case .object: text.append(UInt8(ascii: "}"))
                case .array: text.append(UInt8(ascii: "]"))
                case .value: break
                }
            }
        }
    }

    private var state: State
    /// Texts of containers that may be filled late, to be inserted at these offsets.
    private var deferred: [(at: Int, part: JSONTextOutput)] = []
    /// The first misuse of the `Encoder` API seen where it could not be thrown at once.
    private var misuse: String?

    init(text: JSONText) {
        state = State(text: text)
    }

    // MARK: Values

    /// Writes `value` at `depth`, where it must be the next thing written.
    func encodeValue<T: Encodable>(_ value: T, at depth: Int) throws {
        // Values with a fixed JSON form; comparing metatypes is cheap, unlike a cast tried on
        // every value.
        if T.self == String.self {
            state.text.appendString(value as! String)
        } else if T.self == Date.self {
            write { text in
                text.append(UInt8(ascii: "\""))
                RFC3339.write(value as! Date, into: &text)
                text.append(UInt8(ascii: "\""))
            }
        } else if T.self == URL.self {
            state.text.appendString((value as! URL).absoluteString)
        } else if T.self == JSONValue.self {
            JSONSerializer.write(value as! JSONValue, into: &state.text)
        } else {
            try value.encode(to: JSONTextEncoding(output: self, depth: depth))
            state.close(to: depth)
        }
    }

    func write(_ body: (inout JSONText) -> Void) {
        body(&state.text)
    }

    // MARK: Containers

    func open(_ frame: Frame, at depth: Int) {
        if !state.open(frame, at: depth) {
            refuse("a value opened a second container of another kind, or one out of turn")
        }
    }

    func close(to depth: Int) {
        state.close(to: depth)
    }

    /// Writes a member whose value has a fixed form: comma, key, colon and value in one go.
    func member(_ key: String, at depth: Int, _ value: (inout JSONText) -> Void) throws {
        try modify { state in
            guard state.startMember(key, at: depth) else { throw outOfTurn(key) }
            value(&state.text)
        }
    }

    func startMember(_ key: String, at depth: Int) throws {
        guard state.startMember(key, at: depth) else { throw outOfTurn(key) }
    }

    func element(at depth: Int, _ value: (inout JSONText) -> Void) throws {
        try modify { state in
            guard state.startElement(at: depth) else { throw outOfTurn("an array element") }
            value(&state.text)
        }
    }

    func startElement(at depth: Int) throws {
        guard state.startElement(at: depth) else { throw outOfTurn("an array element") }
    }

    /// Writes the one value of a single-value container at `depth`.
    func singleValue(at depth: Int, _ value: (inout JSONText) -> Void) throws {
        try modify { state in
            guard state.frames.count == depth else { throw Self.secondSingleValue }
            value(&state.text)
            state.frames.append(.value)
        }
    }

    func singleValue<T: Encodable>(_ value: T, at depth: Int) throws {
        guard state.frames.count == depth else { throw Self.secondSingleValue }
        try encodeValue(value, at: depth)
        state.frames.append(.value)
    }

    /// A part of the text that may be written later than what follows it here: it is written
    /// on its own and inserted at this point by `finish`.
    func deferredPart() -> JSONTextOutput {
        let part = JSONTextOutput(text: JSONText())
        deferred.append((state.text.count, part))
        return part
    }

    /// Notes a misuse found where it cannot be thrown; `finish` throws it.
    func refuse(_ message: String) {
        misuse = misuse ?? message
    }

    /// The finished text: deferred parts closed and spliced in, or the first misuse thrown.
    func finish() throws -> JSONText {
        if let misuse {
            throw EncodingError.invalidValue((), .init(codingPath: [], debugDescription: misuse))
        }
        guard !deferred.isEmpty else { return take() }
        var spliced = JSONText(capacity: state.text.count)
        var copied = 0
        for (at, part) in deferred {
            part.close(to: 0)
            spliced.append(state.text, from: copied, to: at)
            spliced.append(try part.finish())
            copied = at
        }
        spliced.append(state.text, from: copied, to: state.text.count)
        return spliced
    }

    /// The text as it was before the value, after a failure.
    func abandon(keeping count: Int) -> JSONText {
        var text = take()
        text.truncate(to: count)
        return text
    }

    /// The text, leaving none behind: the caller goes on writing to the only copy.
    private func take() -> JSONText {
        defer { state.text = JSONText() }
        return state.text
    }

    private func modify(_ body: (inout State) throws -> Void) throws {
        try body(&state)
    }

    private func outOfTurn(_ what: String) -> EncodingError {
        .invalidValue(what, .init(codingPath: [], debugDescription: "\(what) was encoded into a container while another was open inside it"))
    }

    private static let secondSingleValue = EncodingError.invalidValue((), .init(codingPath: [], debugDescription: "a single-value container encodes one value"))
}

/// The `Encoder` for one value, at a depth in the output.
struct JSONTextEncoding: Encoder {
    let output: JSONTextOutput
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        output.open(.object(members: 0), at: depth)
        return KeyedEncodingContainer(KeyedContainer<Key>(output: output, depth: depth + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        output.open(.array(elements: 0), at: depth)
        return UnkeyedContainer(output: output, depth: depth + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(output: output, depth: depth)
    }

    /// The members of an object; `depth` is where they are written.
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let output: JSONTextOutput
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        private func member(_ key: Key, _ value: (inout JSONText) -> Void) throws {
            try output.member(key.stringValue, at: depth, value)
        }

        mutating func encodeNil(forKey key: Key) throws { try member(key) { $0.append("null") } }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try member(key) { $0.append(value ? "true" : "false") } }
        mutating func encode(_ value: String, forKey key: Key) throws { try member(key) { $0.appendString(value) } }
        mutating func encode(_ value: Double, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: Float, forKey key: Key) throws { try member(key) { $0.appendNumber(Double(value)) } }
        mutating func encode(_ value: Int, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key) { $0.appendNumber(value) } }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try output.startMember(key.stringValue, at: depth)
            try output.encodeValue(value, at: depth)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            deferredEncoder(forKey: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            deferredEncoder(forKey: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            deferredEncoder(forKey: Key(stringValue: "super")!)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            deferredEncoder(forKey: key)
        }

        private func deferredEncoder(forKey key: Key) -> JSONTextEncoding {
            // These cannot throw; a member out of turn is reported when encoding finishes.
            do {
                try output.startMember(key.stringValue, at: depth)
            } catch {
                output.refuse("\(key.stringValue) was encoded into a container while another was open inside it")
            }
            return JSONTextEncoding(output: output.deferredPart(), depth: 0)
        }
    }

    /// The elements of an array; `depth` is where they are written.
    struct UnkeyedContainer: UnkeyedEncodingContainer, JSONTextValueWriting {
        let output: JSONTextOutput
        let depth: Int
        private(set) var count = 0
        var codingPath: [any CodingKey] { [] }

        mutating func write(_ value: (inout JSONText) -> Void) throws {
            try output.element(at: depth, value)
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try output.startElement(at: depth)
            try output.encodeValue(value, at: depth)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            deferredEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            deferredEncoder().unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            deferredEncoder()
        }

        private mutating func deferredEncoder() -> JSONTextEncoding {
            do {
                try output.startElement(at: depth)
            } catch {
                output.refuse("an array element was encoded into a container while another was open inside it")
            }
            count += 1
            return JSONTextEncoding(output: output.deferredPart(), depth: 0)
        }
    }

    /// One value; `depth` is where it is written.
    struct SingleContainer: SingleValueEncodingContainer, JSONTextValueWriting {
        let output: JSONTextOutput
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        mutating func write(_ value: (inout JSONText) -> Void) throws {
            try output.singleValue(at: depth, value)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try output.singleValue(value, at: depth)
        }
    }
}

/// The one-value-at-a-time encoding methods the unkeyed and single-value containers share.
protocol JSONTextValueWriting {
    mutating func write(_ value: (inout JSONText) -> Void) throws
}

extension JSONTextValueWriting {
    mutating func encodeNil() throws { try write { $0.append("null") } }
    mutating func encode(_ value: Bool) throws { try write { $0.append(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { try write { $0.appendString(value) } }
    mutating func encode(_ value: Double) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: Float) throws { try write { $0.appendNumber(Double(value)) } }
    mutating func encode(_ value: Int) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: Int8) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: Int16) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: Int32) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: Int64) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: UInt) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: UInt8) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: UInt16) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: UInt32) throws { try write { $0.appendNumber(value) } }
    mutating func encode(_ value: UInt64) throws { try write { $0.appendNumber(value) } }
}
