import NIOCore
import TestSupport
import Testing
@testable import Varlink

@Suite("JSON parsing and writing")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw in try JSONValue(parsing: raw) }
    }

    private func parse(bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { raw in try JSONValue(parsing: raw) }
    }

    @Test func everyKindOfValueIsRead() throws {
        let value = try parse(#" { "a" : [1, -2, 3.5, -1e3, 0, true, false, null], "b": {"c": "d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}, "e": {} , "f": [] } "#)
        #expect(value == .object([
            "a": .array([.int(1), .int(-2), .double(3.5), .double(-1000), .int(0), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d\"\\/\u{8}\u{c}\n\r\té😀")]),
            "e": .object([:]),
            "f": .array([]),
        ]))
    }

    @Test func integersBeyond64BitsBecomeDoubles() throws {
        #expect(try parse("9223372036854775807") == .int(.max))
        #expect(try parse("92233720368547758070") == .double(92233720368547758070))
    }

    @Test(arguments: [
        "", "{", "{\"a\":1,}", "[1,]", "[1 2]", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1",
        "tru", "nul", "\"unterminated", "\"bad \\x escape\"", "\"\\ud83d alone\"", "\"\\ude00\"", "\"tab\there\"",
        "{} {}", "'single'", "NaN", "1e999",
    ])
    func malformedTextIsRefused(text: String) {
        #expect(throws: VarlinkProtocolError.invalidJSON) { _ = try parse(text) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: VarlinkProtocolError.invalidJSON) { _ = try parse(bytes: [0x22, 0xC3, 0x28, 0x22]) }
        // Before an escape, and after one.
        #expect(throws: VarlinkProtocolError.invalidJSON) { _ = try parse(bytes: [0x22, 0xC3, 0x28, 0x5C, 0x6E, 0x22]) }
        #expect(throws: VarlinkProtocolError.invalidJSON) { _ = try parse(bytes: [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22]) }
    }

    @Test func stringsWithAndWithoutEscapesReadTheSame() throws {
        #expect(try parse(#""""#) == .string(""))
        #expect(try parse(#""plain text é""#) == .string("plain text é"))
        #expect(try parse(#""plain \"then\" escaped""#) == .string(#"plain "then" escaped"#))
        #expect(try parse(#""\u00e9 first""#) == .string("é first"))
        let long = String(repeating: "abcdefghij", count: 1_000)
        #expect(try parse("\"\(long)\"") == .string(long))
        #expect(try parse("\"\(long)\\t\(long)\"") == .string(long + "\t" + long))
    }

    @Test func nestingIsBoundedSoNoMessageCanExhaustTheStack() throws {
        let limit = JSONParser.maximumDepth
        _ = try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        #expect(throws: VarlinkProtocolError.invalidJSON) {
            _ = try parse(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
        }
        #expect(throws: VarlinkProtocolError.invalidJSON) {
            _ = try parse(String(repeating: "{\"a\":", count: 100_000))
        }
    }

    @Test func writtenJSONReadsBackTheSame() throws {
        let value = JSONValue.object([
            "text": .string("quote \" backslash \\ newline \n control \u{1} unicode é 😀"),
            "numbers": .array([.int(.min), .int(.max), .double(0.1), .double(-2.5e-8)]),
            "nested": .object(["b": .null, "a": .bool(true)]),
        ])
        let written = String(buffer: value.serialized)
        #expect(try parse(written) == value)
        #expect(written.hasPrefix(#"{"nested":{"a":true,"b":null}"#), "keys are sorted")
        #expect(written.contains(#"\u0001"#))
    }
}

@Suite("JSON parsing of arbitrary bytes")
struct JSONParserRobustnessTests {
    private static let alphabet = Array(#"{}[]:,"\ntrufalsn0123456789-+.eE \u{7f}"#.utf8) + [0x00, 0x1F, 0xC3, 0xA9, 0xFF, 0xED, 0xA0, 0x80]

    @Test func randomBytesAreParsedOrRefusedButNeverCrash() {
        var generator = SeededGenerator(seed: 2026)
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }
            if let value = try? bytes.withUnsafeBytes({ try JSONValue(parsing: $0) }) {
                parsed += 1
                // Whatever parses writes back to JSON that parses to the same value.
                let written = Array(value.serialized.readableBytesView)
                #expect((try? written.withUnsafeBytes { try JSONValue(parsing: $0) }) == value)
            }
        }
        #expect(parsed > 0)
    }

    @Test func mutatedValidMessagesNeverCrashTheCallDecoder() {
        var generator = SeededGenerator(seed: 7)
        let valid = Array(#"{"method":"org.example.test.Echo","parameters":{"text":"é\u00e9","n":[1,2.5,-3e2,true,null]},"more":true}"#.utf8)
        for _ in 0..<20_000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = Self.alphabet.randomElement(using: &generator)!
                case 1: bytes.remove(at: index)
                default: bytes.insert(Self.alphabet.randomElement(using: &generator)!, at: index)
                }
            }
            _ = try? VarlinkWireFormat.decodeCall(ByteBuffer(bytes: bytes))
        }
    }
}
