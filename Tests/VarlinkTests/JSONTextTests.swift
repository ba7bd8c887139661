import Foundation
import Glibc
import NIOCore
import TestSupport
import Testing
@testable import Varlink

private func parse(_ text: String) throws -> JSONValue {
    try Array(text.utf8).withUnsafeBytes { try JSONValue(parsing: $0) }
}

private func written(_ value: JSONValue) -> String {
    String(buffer: value.serialized)
}

private func encoded(_ value: some Encodable) throws -> String {
    var text = JSONText()
    try JSONTextEncoder.encode(value, into: &text)
    return String(decoding: text.bytes, as: UTF8.self)
}

@Suite("Writing JSON strings and numbers")
struct JSONTextPrimitiveTests {
    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        #expect(written(.string(#"say "hi" \ bye"#)) == #""say \"hi\" \\ bye""#)
        #expect(written(.string("\n\r\t\u{8}\u{C}")) == #""\n\r\t\b\f""#)
        #expect(written(.string("\u{0}\u{1}\u{1F}")) == #""\u0000\u0001\u001f""#)
    }

    @Test func everythingElseIsCopiedAsUTF8() {
        // Slash, DEL and non-ASCII need no escaping in JSON.
        #expect(written(.string("a/b\u{7F}")) == "\"a/b\u{7F}\"")
        #expect(written(.string("café 😀 \u{2028}")) == "\"café 😀 \u{2028}\"")
        #expect(written(.string("")) == #""""#)
    }

    @Test func escapesBetweenLongRunsOfPlainTextKeepTheText() throws {
        let text = String(repeating: "plain ", count: 50) + "\"" + String(repeating: "é", count: 30) + "\n" + "end"
        let json = written(.string(text))
        #expect(json.hasPrefix("\"plain plain "))
        #expect(json.hasSuffix(#"\nend""#))
        #expect(try parse(json) == .string(text))
    }

    @Test func integersAreWrittenExactly() {
        #expect(written(.int(0)) == "0")
        #expect(written(.int(7)) == "7")
        #expect(written(.int(-1)) == "-1")
        #expect(written(.int(1_000_000)) == "1000000")
        #expect(written(.int(.max)) == "9223372036854775807")
        #expect(written(.int(.min)) == "-9223372036854775808")
        var text = JSONText()
        text.appendNumber(UInt64.max)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "18446744073709551615")
    }

    @Test func doublesAreWrittenInTheirShortestExactFormAndNonFiniteOnesAsNull() throws {
        #expect(written(.double(0.5)) == "0.5")
        #expect(written(.double(2)) == "2.0")
        #expect(written(.double(-2.5e-8)) == "-2.5e-08")
        #expect(written(.double(.infinity)) == "null")
        #expect(written(.double(.nan)) == "null")
        for value in [0.1, 1e300, -123.456, 5e-324] {
            #expect(try parse(written(.double(value))) == .double(value))
        }
    }

    @Test func objectsOfJSONValuesAreWrittenWithSortedKeys() {
        #expect(written(.object(["b": .int(1), "a": .array([.null, .bool(false)]), "c": .object([:])])) == #"{"a":[null,false],"b":1,"c":{}}"#)
    }
}

@Suite("RFC 3339 dates")
struct RFC3339Tests {
    /// What the C library makes of the same instant, for comparison.
    private func gmtime(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    @Test func knownInstants() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_800_000_000)) == "2027-01-15T08:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -2_203_891_200)) == "1900-03-01T00:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1_800_000_000.999)) == "2027-01-15T08:00:00Z", "whole seconds, rounded down")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }

    @Test func agreesWithTheCLibraryFromYearOneToYear9999() {
        var generator = SeededGenerator(seed: 3339)
        // 0001-01-01 to 9999-12-31.
        let range = -62_135_596_800...253_402_300_799
        let instants = (0..<5_000).map { _ in Int.random(in: range, using: &generator) }
        let disagreements = instants.filter { RFC3339.format(Date(timeIntervalSince1970: Double($0))) != gmtime($0) }
        #expect(disagreements.isEmpty, "for instance \(disagreements.first.map(gmtime) ?? "")")
    }
}

@Suite("Encoding typed values straight to JSON text")
struct JSONTextEncoderTests {
    enum Colour: String, Codable { case red, blue }
    struct Inner: Codable, Equatable { let flag: Bool; let ratio: Double }
    struct Outer: Codable, Equatable {
        let name: String
        let count: Int
        let small: UInt8
        let big: UInt64
        let maybe: String?
        let colour: Colour
        let at: Date
        let inner: Inner
        let list: [Inner]
        let map: [String: Int]
        let nested: [[Int]]
        let raw: JSONValue
    }

    let value = Outer(
        name: "n \"quoted\"", count: -3, small: 7, big: UInt64.max, maybe: nil, colour: .blue,
        at: Date(timeIntervalSince1970: 1_800_000_000),
        inner: Inner(flag: true, ratio: 0.5), list: [Inner(flag: false, ratio: 2)], map: ["a": 1],
        nested: [[1, 2], []], raw: .object(["z": .null, "y": .int(1)]))

    @Test func membersComeInDeclarationOrderWithEveryValueInItsJSONForm() throws {
        #expect(try encoded(value) == """
            {"name":"n \\"quoted\\"","count":-3,"small":7,"big":18446744073709551615,"colour":"blue",\
            "at":"2027-01-15T08:00:00Z","inner":{"flag":true,"ratio":0.5},\
            "list":[{"flag":false,"ratio":2.0}],"map":{"a":1},"nested":[[1,2],[]],"raw":{"y":1,"z":null}}
            """, "an absent optional is left out")
    }

    @Test func itReadsBackAsWhatTheValueEncoderMakes() throws {
        let small = Outer(
            name: value.name, count: value.count, small: value.small, big: 12, maybe: "here", colour: value.colour,
            at: value.at, inner: value.inner, list: value.list, map: ["a": 1, "b": 2, "c": 3],
            nested: value.nested, raw: value.raw)
        #expect(try parse(encoded(small)) == JSONValue(encoding: small))
        #expect(try parse(encoded(small)).decode(Outer.self) == small)
    }

    @Test func urlsAreTheirAbsoluteString() throws {
        struct Link: Encodable { let link: URL }
        #expect(try encoded(Link(link: URL(string: "https://example.org/a?b=c")!)) == #"{"link":"https://example.org/a?b=c"}"#)
    }

    @Test func containersFilledAfterTheyWereOpenedKeepTheirContents() throws {
        let text = try encoded(JSONValueNestedContainerTests.Handwritten())
        #expect(text == #"{"point":{"x":1,"y":3},"list":["a",{"y":2},"c"],"after":"done"}"#)
    }

    struct Base: Encodable {
        enum Keys: String, CodingKey { case base }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .base)
        }
    }

    /// Encodes the way a subclass does: its superclass's fields into the same container as its
    /// own, or its superclass into a super encoder.
    struct Derived: Encodable {
        enum Keys: String, CodingKey { case own, parent }
        func encode(to encoder: any Encoder) throws {
            try Base().encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("x", forKey: .own)
            try Base().encode(to: container.superEncoder(forKey: .parent))
        }
    }

    @Test func aSecondContainerForTheSameValueIsTheSameObject() throws {
        #expect(try encoded(Derived()) == #"{"base":1,"own":"x","parent":{"base":1}}"#)
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Twice: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(1)
            try container.encode(2)
        }
    }

    struct Mixed: Encodable {
        enum Keys: String, CodingKey { case a }
        func encode(to encoder: any Encoder) throws {
            _ = encoder.unkeyedContainer()
            _ = encoder.container(keyedBy: Keys.self)
        }
    }

    @Test func aValueThatEncodesNothingIsAnEmptyObjectAndMisusesAreRefused() throws {
        #expect(try encoded(Nothing()) == "{}")
        #expect(try encoded([Nothing()]) == "[{}]")
        #expect(throws: EncodingError.self) { try encoded(Twice()) }
        #expect(throws: EncodingError.self) { try encoded(Mixed()) }
    }

    @Test func scalarsAndOptionalsAtTheTop() throws {
        #expect(try encoded("text") == #""text""#)
        #expect(try encoded(Optional<Int>.none) == "null")
        #expect(try encoded([1.5, -0.25]) == "[1.5,-0.25]")
    }

    @Test func aReplyFrameRefusesParametersThatAreNotAnObject() throws {
        #expect(throws: EncodingError.self) { _ = try VarlinkWireFormat.frame(encoding: "just a string") }
        #expect(throws: EncodingError.self) { _ = try VarlinkWireFormat.frame(encoding: [1, 2]) }
        #expect(throws: EncodingError.self) { _ = try VarlinkWireFormat.frame(encoding: Twice()) }
        #expect(String(buffer: try VarlinkWireFormat.frame(encoding: Inner(flag: true, ratio: 1))) == "{\"parameters\":{\"flag\":true,\"ratio\":1.0}}\0")
        #expect(String(buffer: try VarlinkWireFormat.frame(encoding: ["n": 2], continues: true)) == "{\"parameters\":{\"n\":2},\"continues\":true}\0")
    }

    @Test func aFailedEncodingLeavesTheTextAsItWas() {
        var text = JSONText()
        text.append("prefix")
        #expect(throws: EncodingError.self) { try JSONTextEncoder.encodeObject("not an object", into: &text) }
        #expect(throws: EncodingError.self) { try JSONTextEncoder.encodeObject(Twice(), into: &text) }
        #expect(String(decoding: text.bytes, as: UTF8.self) == "prefix")
    }
}

@Suite("Types that write their own JSON")
struct JSONWritableTests {
    struct Point: Codable, Equatable, JSONWritable {
        enum Kind: String, Codable, JSONWritable { case fixed, moving }

        var name: String
        var kind: Kind
        var x: Int
        var ratio: Double
        var seen: Date
        var tags: [String]
        var note: String?
        var next: [Point]

        func writeJSON(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.member(CodingKeys.name, name)
            writer.member(CodingKeys.kind, kind)
            writer.member(CodingKeys.x, x)
            writer.member(CodingKeys.ratio, ratio)
            writer.member(CodingKeys.seen, seen)
            writer.member(CodingKeys.tags, tags)
            writer.member(CodingKeys.note, note)
            writer.member(CodingKeys.next, next)
            writer.endObject()
        }
    }

    let point = Point(
        name: "p\n", kind: .moving, x: -4, ratio: 0.25, seen: Date(timeIntervalSince1970: 1_800_000_000), tags: ["a", "b"], note: nil,
        next: [Point(name: "q", kind: .fixed, x: 1, ratio: 1, seen: Date(timeIntervalSince1970: 0), tags: [], note: "n", next: [])])

    @Test func itWritesCommasBracketsAndSkipsAbsentOptionals() throws {
        #expect(String(buffer: try VarlinkWireFormat.frame(encoding: point)) == """
            {"parameters":{"name":"p\\n","kind":"moving","x":-4,"ratio":0.25,"seen":"2027-01-15T08:00:00Z","tags":["a","b"],\
            "next":[{"name":"q","kind":"fixed","x":1,"ratio":1.0,"seen":"1970-01-01T00:00:00Z","tags":[],"note":"n","next":[]}]}}\0
            """)
    }

    @Test func itAgreesWithItsCodableConformance() throws {
        var text = JSONText()
        try JSONTextEncoder.encode(point, into: &text)
        let value = try text.bytes.withUnsafeBytes { try JSONValue(parsing: $0) }
        #expect(try value.decode(Point.self) == point)
        #expect(try JSONValue(encoding: point) == value)
        #expect(try JSONValueEncoding.encode(point) == value, "the value encoder's own path gives the same value")
    }

    /// Writes something other than its `Encodable` form, which a real type must not do: here it
    /// shows which of the two each way of encoding uses.
    struct Marked: Encodable, JSONWritable {
        enum Keys: String, CodingKey { case via }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(["via": "encodable"])
        }

        func writeJSON(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.member(Keys.via, "writer")
            writer.endObject()
        }
    }

    struct Holder: Encodable { let marked: Marked }

    @Test func valuesEncodedAsAWholeWriteThemselvesAndMembersUseEncodable() throws {
        #expect(String(buffer: try VarlinkWireFormat.frame(encoding: Marked())) == "{\"parameters\":{\"via\":\"writer\"}}\0")
        #expect(try JSONValue(encoding: Marked()) == .object(["via": .string("writer")]))
        #expect(try encoded(Holder(marked: Marked())) == #"{"marked":{"via":"encodable"}}"#)
    }
}

@Suite("Message envelopes")
struct VarlinkEnvelopeTests {
    @Test func repliesAndCallsHaveTheirMembersInAFixedOrder() {
        #expect(String(buffer: VarlinkWireFormat.frame(VarlinkReply(parameters: ["b": .int(2), "a": .int(1)], continues: true))) == "{\"parameters\":{\"a\":1,\"b\":2},\"continues\":true}\0")
        #expect(String(buffer: VarlinkWireFormat.frame(VarlinkReply(parameters: ["method": .string("x.Y")], error: "org.varlink.service.MethodNotFound"))) == "{\"error\":\"org.varlink.service.MethodNotFound\",\"parameters\":{\"method\":\"x.Y\"}}\0")
        var buffer = ByteBuffer()
        VarlinkWireFormat.encode(VarlinkCall(method: "a.b.C", parameters: ["k": .string("v")], oneway: true, more: true, upgrade: true), into: &buffer)
        #expect(String(buffer: buffer) == "{\"method\":\"a.b.C\",\"parameters\":{\"k\":\"v\"},\"oneway\":true,\"more\":true,\"upgrade\":true}\0")
        buffer.clear()
        VarlinkWireFormat.encode(VarlinkCall(method: "a.b.C"), into: &buffer)
        #expect(String(buffer: buffer) == "{\"method\":\"a.b.C\"}\0")
    }

    @Test func interfaceAndMemberNamesSplitAtTheLastDot() {
        let call = VarlinkCall(method: "org.exämple.test.Echo")
        #expect(call.interfaceName == "org.exämple.test")
        #expect(call.memberName == "Echo")
        #expect(VarlinkCall(method: "NoDot").interfaceName == "")
        #expect(VarlinkCall(method: "NoDot").memberName == "NoDot")
        #expect(VarlinkCall(method: "trailing.").memberName == "")
    }
}
