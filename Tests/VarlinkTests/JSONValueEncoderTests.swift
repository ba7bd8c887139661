import Foundation
import Testing
@testable import Varlink

@Suite("Encoding typed values as JSON")
struct JSONValueEncoderTests {
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
    }

    let value = Outer(
        name: "n", count: -3, small: 7, big: UInt64.max, maybe: nil, colour: .blue,
        at: Date(timeIntervalSince1970: 1_800_000_000), inner: Inner(flag: true, ratio: 0.5),
        list: [Inner(flag: false, ratio: 2)], map: ["a": 1], nested: [[1, 2], []])

    @Test func structsBecomeObjectsWithEveryFieldInItsJSONForm() throws {
        let encoded = try JSONValue(encoding: value)
        #expect(encoded == .object([
            "name": .string("n"), "count": .int(-3), "small": .int(7), "big": .double(Double(UInt64.max)),
            "colour": .string("blue"), "at": .string("2027-01-15T08:00:00Z"),
            "inner": .object(["flag": .bool(true), "ratio": .double(0.5)]),
            "list": .array([.object(["flag": .bool(false), "ratio": .double(2)])]),
            "map": .object(["a": .int(1)]),
            "nested": .array([.array([.int(1), .int(2)]), .array([])]),
        ]), "an absent optional is left out")
    }

    @Test func whatIsEncodedDecodesBack() throws {
        var decodable = value
        decodable = Outer(name: value.name, count: value.count, small: value.small, big: 12, maybe: "here", colour: value.colour,
                          at: value.at, inner: value.inner, list: value.list, map: value.map, nested: value.nested)
        #expect(try JSONValue(encoding: decodable).decode(Outer.self) == decodable)
    }
}

@Suite("Decoding typed values from JSON")
struct JSONValueDecoderTests {
    struct Parameters: Decodable, Equatable {
        let name: String
        let small: UInt8
        let when: Date?
        let tags: [String]
    }

    @Test func wellFormedParametersDecode() throws {
        let value = JSONValue.object(["name": .string("x"), "small": .int(200), "when": .string("2027-01-15T08:00:00Z"), "tags": .array([.string("a")])])
        #expect(try value.decode(Parameters.self) == Parameters(name: "x", small: 200, when: Date(timeIntervalSince1970: 1_800_000_000), tags: ["a"]))
        let withoutDate = JSONValue.object(["name": .string("x"), "small": .int(1), "tags": .array([])])
        #expect(try withoutDate.decode(Parameters.self).when == nil)
    }

    @Test(arguments: [
        ("small", JSONValue.int(300)),
        ("small", JSONValue.double(1.5)),
        ("name", JSONValue.int(1)),
        ("when", JSONValue.string("yesterday")),
        ("tags", JSONValue.string("a")),
    ])
    func aValueThatDoesNotFitNamesItsParameter(key: String, value: JSONValue) {
        var members: [String: JSONValue] = ["name": .string("x"), "small": .int(1), "tags": .array([])]
        members[key] = value
        let request = VarlinkRequest(call: VarlinkCall(method: "a.b.C", parameters: members), peer: nil)
        #expect(throws: VarlinkError.invalidParameter(key)) { _ = try request.decodeParameters(Parameters.self) }
    }

    /// Found by Fuzz/fuzz-parameters: a value of the wrong kind for a String-backed enum, for a
    /// String in a list or for a String on its own recursed until the stack overflowed.
    @Test func aPrimitiveOfTheWrongKindIsAMismatchNotARecursion() throws {
        #expect(throws: DecodingError.self) { _ = try JSONValue.int(3).decode(JSONValueEncoderTests.Colour.self) }
        #expect(throws: DecodingError.self) { _ = try JSONValue.array([.int(3)]).decode([String].self) }
        #expect(throws: DecodingError.self) { _ = try JSONValue.bool(true).decode(String.self) }
        #expect(throws: DecodingError.self) { _ = try JSONValue.string("1").decode(Int.self) }
        #expect(try JSONValue.string("red").decode(JSONValueEncoderTests.Colour.self) == .red)
        #expect(try JSONValue.array([.int(3), .double(4)]).decode([Int].self) == [3, 4])
        #expect(try JSONValue.int(2).decode(Double.self) == 2)
    }

    @Test func aMissingParameterIsNamed() {
        let request = VarlinkRequest(call: VarlinkCall(method: "a.b.C", parameters: ["small": .int(1), "tags": .array([])]), peer: nil)
        #expect(throws: VarlinkError.invalidParameter("name")) { _ = try request.decodeParameters(Parameters.self) }
    }
}

@Suite("Encoding with nested containers")
struct JSONValueNestedContainerTests {
    /// Encodes the way hand-written `encode(to:)` methods do, with containers opened before
    /// their contents are written.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case point, list, after }
        enum PointKeys: String, CodingKey { case x, y }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var point = container.nestedContainer(keyedBy: PointKeys.self, forKey: .point)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try container.encode("done", forKey: .after)
            try point.encode(1, forKey: .x)
            try list.encode("a")
            var inner = list.nestedContainer(keyedBy: PointKeys.self)
            try list.encode("c")
            try inner.encode(2, forKey: .y)
            try point.encode(3, forKey: .y)
        }
    }

    @Test func containersFilledAfterTheyWereOpenedKeepTheirContents() throws {
        #expect(try JSONValue(encoding: Handwritten()) == .object([
            "point": .object(["x": .int(1), "y": .int(3)]),
            "list": .array([.string("a"), .object(["y": .int(2)]), .string("c")]),
            "after": .string("done"),
        ]))
    }
}
