import NIOCore

/// Writes `JSONValue`s as compact JSON. A `[String: JSONValue]` has no order of its own, so its
/// members are written sorted by key: the same value always gives the same bytes.
enum JSONSerializer {
    static func write(_ value: JSONValue, into text: inout JSONText) {
        switch value {
        case .null: text.append("null")
        case .bool(let flag): text.append(flag ? "true" : "false")
        case .int(let number): text.appendNumber(number)
        case .double(let number): text.appendNumber(number)
        case .string(let string): text.appendString(string)
        case .array(let elements):
            text.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text.append(UInt8(ascii: ",")) }
                write(element, into: &text)
            }
            text.append(UInt8(ascii: "]"))
        case .object(let members):
            writeObject(members, into: &text)
        }
    }

    static func writeObject(_ members: [String: JSONValue], into text: inout JSONText) {
        text.append(UInt8(ascii: "{"))
        for (offset, key) in members.keys.sorted().enumerated() {
            if offset > 0 { text.append(UInt8(ascii: ",")) }
            text.appendString(key)
            text.append(UInt8(ascii: ":"))
            write(members[key]!, into: &text)
        }
        text.append(UInt8(ascii: "}"))
    }
}

/// JSON text as it is written: plain bytes in an array, a value type, so that writing a field
/// costs an append and not the checks a `ByteBuffer` makes on every write. A message is copied
/// into its buffer once, when it is complete.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    /// Drops everything after the first `count` bytes.
    mutating func truncate(to count: Int) {
        bytes.removeLast(bytes.count - count)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ ascii: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }

    mutating func append(_ other: JSONText) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func append(_ other: JSONText, from start: Int, to end: Int) {
        bytes.append(contentsOf: other.bytes[start..<end])
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else
    /// (non-ASCII included) copied as UTF-8. The text is scanned once and copied in runs between
    /// the bytes that need escaping, which in most strings is one run.
    mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var run = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if run < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index])) }
                appendEscape(byte)
                run = index + 1
            }
            if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            append("\\u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    /// An integer in decimal, every digit exact (a reader may still take one beyond 64 bits as a
    /// double).
    mutating func appendNumber(_ value: some BinaryInteger) {
        if let small = Int64(exactly: value) {
            appendDigits(small.magnitude, negative: small < 0)
        } else if let large = UInt64(exactly: value) {
            appendDigits(large, negative: false)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    private mutating func appendDigits(_ magnitude: UInt64, negative: Bool) {
        // 20 digits hold UInt64.max; one more for the sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var start = digits.count
            var rest = magnitude
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if negative {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A double in its shortest form that reads back the same. JSON has no infinities or NaN;
    /// they are written as `null`, as no valid message carries one.
    mutating func appendNumber(_ value: Double) {
        if value.isFinite {
            bytes.append(contentsOf: value.description.utf8)
        } else {
            append("null")
        }
    }
}

extension ByteBuffer {
    init(_ text: JSONText) {
        self = ByteBufferAllocator().buffer(capacity: text.count)
        writeJSONText(text)
    }

    mutating func writeJSONText(_ text: JSONText) {
        text.bytes.withUnsafeBytes { _ = writeBytes($0) }
    }
}
