import NIOCore
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
