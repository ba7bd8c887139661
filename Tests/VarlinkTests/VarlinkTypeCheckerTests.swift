import Testing
@testable import Varlink

@Suite("Parameter checking against descriptions")
struct VarlinkTypeCheckerTests {
    let definition = try! VarlinkInterfaceParser.parse("""
    interface org.example.check
    type Mode (fast, slow)
    type Item (name: string, count: ?int)
    method Do(
      text: string, ratio: float, count: int, maybe: ?string, mode: Mode,
      items: []Item, tags: [string]string, extra: object
    ) -> ()
    """)

    var fields: [VarlinkField] { definition.methods["Do"]!.input }
    var checker: VarlinkTypeChecker { VarlinkTypeChecker(definition: definition) }

    let valid: [String: JSONValue] = [
        "text": .string("t"), "ratio": .int(2), "count": .int(3), "mode": .string("fast"),
        "items": .array([.object(["name": .string("a")]), .object(["name": .string("b"), "count": .int(1)])]),
        "tags": .object(["k": .string("v")]), "extra": .object(["anything": .array([])]),
    ]

    @Test func wellFormedParametersPass() {
        #expect(checker.firstMismatch(in: valid, against: fields) == nil)
        var withOptional = valid
        withOptional["maybe"] = .null
        #expect(checker.firstMismatch(in: withOptional, against: fields) == nil)
        withOptional["count"] = .double(4.0)
        #expect(checker.firstMismatch(in: withOptional, against: fields) == nil)
    }

    /// SQLite binds text up to its first NUL: a string holding one would be stored cut short.
    @Test func aStringHoldingNULIsRefusedWhereverItIs() {
        var parameters = valid
        parameters["text"] = .string("Jan\u{0}de Vries")
        #expect(checker.firstMismatch(in: parameters, against: fields) == "text")
        parameters = valid
        parameters["items"] = .array([.object(["name": .string("a\u{0}")])])
        #expect(checker.firstMismatch(in: parameters, against: fields) == "items")
    }

    @Test(arguments: [
        ("text", JSONValue.int(1)),
        ("count", JSONValue.double(1.5)),
        ("count", JSONValue.string("3")),
        ("ratio", JSONValue.bool(true)),
        ("maybe", JSONValue.int(1)),
        ("mode", JSONValue.string("medium")),
        ("items", JSONValue.array([.object(["count": .int(1)])])),
        ("items", JSONValue.array([.object(["name": .string("a"), "colour": .string("red")])])),
        ("tags", JSONValue.object(["k": .int(1)])),
        ("extra", JSONValue.array([])),
    ])
    func theWrongParameterIsNamed(field: String, value: JSONValue) {
        var parameters = valid
        parameters[field] = value
        #expect(checker.firstMismatch(in: parameters, against: fields) == field)
    }

    @Test func aMissingRequiredParameterIsNamed() {
        var parameters = valid
        parameters["mode"] = nil
        #expect(checker.firstMismatch(in: parameters, against: fields) == "mode")
    }

    @Test func anUnknownParameterIsNamed() {
        var parameters = valid
        parameters["txet"] = .string("typo")
        #expect(checker.firstMismatch(in: parameters, against: fields) == "txet")
    }
}
