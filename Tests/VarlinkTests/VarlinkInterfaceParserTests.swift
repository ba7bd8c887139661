import Testing
@testable import Varlink

@Suite("Varlink interface descriptions")
struct VarlinkInterfaceParserTests {
    @Test func theServiceInterfaceParses() throws {
        let definition = try VarlinkInterfaceParser.parse(OrgVarlinkService.description)
        #expect(definition.name == "org.varlink.service")
        #expect(Set(definition.methods.keys) == ["GetInfo", "GetInterfaceDescription"])
        #expect(Set(definition.errors.keys) == ["InterfaceNotFound", "MethodNotFound", "MethodNotImplemented", "InvalidParameter", "PermissionDenied", "ExpectedMore"])
        #expect(definition.methods["GetInfo"]?.output.map(\.name) == ["vendor", "product", "version", "url", "interfaces"])
        #expect(definition.methods["GetInfo"]?.output.last?.type == .array(.string))
    }

    @Test func everyKindOfTypeIsUnderstood() throws {
        let definition = try VarlinkInterfaceParser.parse("""
        # leading comment
        interface org.example.types
        type Mode (fast, slow) # trailing comment
        type Everything (
          flag: bool, count: int, ratio: float, name: string, anything: object,
          maybe: ?int, list: []string, map: [string]float, mode: Mode,
          inline: (a: int, b: ?[]string), choice: (one, two)
        )
        method Do(e: Everything) -> ()
        error Broke (why: string)
        """)
        guard case .structure(let fields)? = definition.types["Everything"] else {
            Issue.record("Everything is not a struct")
            return
        }
        #expect(fields.map(\.type) == [
            .bool, .int, .float, .string, .object, .optional(.int), .array(.string), .dictionary(.float), .named("Mode"),
            .structure([VarlinkField(name: "a", type: .int), VarlinkField(name: "b", type: .optional(.array(.string)))]),
            .enumeration(["one", "two"]),
        ])
        #expect(definition.types["Mode"] == .enumeration(["fast", "slow"]))
        #expect(definition.errors["Broke"]?.parameters == [VarlinkField(name: "why", type: .string)])
    }

    @Test(arguments: [
        ("interface org.example.x\nmethod A() -> (t: Missing)", "type Missing is used but not declared"),
        ("interface org.example.x\nmethod A() -> ()\nmethod A() -> ()", "A is declared twice"),
        ("interface example\nmethod A() -> ()", "not a valid interface name"),
        ("interface org.example.x\nmethod a() -> ()", "not a valid member name"),
        ("interface org.example.x\nmethod A(x: int, y) -> ()", "expected ':' and a type after y"),
        ("interface org.example.x\ntype T (a, b: int)", "an enum cannot have typed entries"),
        ("interface org.example.x\nmethod A() -> (x: ??int)", "cannot be optional twice"),
        ("interface org.example.x\nmethod A() (x: int)", "expected '->'"),
        ("interface org.example.x", "at least one member"),
        ("interface org.example.x\nfrobnicate A ()", "expected type, method or error"),
    ])
    func mistakesAreReportedWithTheirLine(text: String, message: String) {
        #expect {
            _ = try VarlinkInterfaceParser.parse(text)
        } throws: { error in
            let syntax = error as? VarlinkInterfaceSyntaxError
            return syntax?.message.contains(message) == true && (syntax?.line ?? 0) >= 1
        }
    }

    @Test func theLineOfAMistakeIsCounted() throws {
        #expect(throws: VarlinkInterfaceSyntaxError(line: 4, message: "expected a type")) {
            _ = try VarlinkInterfaceParser.parse("interface org.example.x\n\n# comment\nmethod A(x: ) -> ()")
        }
    }
}
