/// Parses interface descriptions written in the Varlink IDL (varlink.org, "Interface Definition").
///
/// The daemon parses its own descriptions at start, so a description that a standard client
/// could not read is caught before any client sees it, and calls are checked against the same
/// text that `GetInterfaceDescription` serves.
public struct VarlinkInterfaceParser {
    private let text: [Character]
    private var position = 0
    private var line = 1

    public static func parse(_ description: String) throws(VarlinkInterfaceSyntaxError) -> VarlinkInterfaceDefinition {
        var parser = VarlinkInterfaceParser(text: Array(description))
        return try parser.parseInterface()
    }

    private init(text: [Character]) {
        self.text = text
    }

    private mutating func parseInterface() throws(VarlinkInterfaceSyntaxError) -> VarlinkInterfaceDefinition {
        try expectKeyword("interface")
        let name = try interfaceName()
        var types: [String: VarlinkType] = [:]
        var methods: [String: VarlinkInterfaceDefinition.Method] = [:]
        var errors: [String: VarlinkInterfaceDefinition.ErrorDeclaration] = [:]
        var members = Set<String>()

        while skipTrivia(), position < text.count {
            let keyword = word()
            let memberName = try self.memberName()
            guard members.insert(memberName).inserted else {
                throw fail("\(memberName) is declared twice")
            }
            switch keyword {
            case "type":
                types[memberName] = try typeDefinition()
            case "method":
                let input = try structFields()
                try expect("->")
                let output = try structFields()
                methods[memberName] = .init(name: memberName, input: input, output: output)
            case "error":
                errors[memberName] = .init(name: memberName, parameters: try structFields())
            default:
                throw fail("expected type, method or error, found '\(keyword)'")
            }
        }
        if members.isEmpty { throw fail("an interface needs at least one member") }
        let definition = VarlinkInterfaceDefinition(name: name, types: types, methods: methods, errors: errors)
        try checkReferences(in: definition)
        return definition
    }

    // MARK: Members

    private mutating func typeDefinition() throws(VarlinkInterfaceSyntaxError) -> VarlinkType {
        let type = try parenthesised()
        switch type {
        case .structure, .enumeration: return type
        default: throw fail("a type definition must be a struct or an enum")
        }
    }

    private mutating func structFields() throws(VarlinkInterfaceSyntaxError) -> [VarlinkField] {
        guard case .structure(let fields) = try parenthesised() else {
            throw fail("expected a struct of named fields, found an enum")
        }
        return fields
    }

    /// `( … )`, which is a struct when its entries have types and an enum when they are bare names.
    private mutating func parenthesised() throws(VarlinkInterfaceSyntaxError) -> VarlinkType {
        try expect("(")
        skipTrivia()
        if peek(")") {
            position += 1
            return .structure([])
        }
        var fields: [VarlinkField] = []
        var cases: [String] = []
        repeat {
            let name = try fieldName()
            skipTrivia()
            if peek(":") {
                guard cases.isEmpty else { throw fail("an enum cannot have typed entries") }
                position += 1
                guard !fields.contains(where: { $0.name == name }) else { throw fail("field \(name) appears twice") }
                fields.append(VarlinkField(name: name, type: try type()))
            } else {
                guard fields.isEmpty else { throw fail("expected ':' and a type after \(name)") }
                guard !cases.contains(name) else { throw fail("enum value \(name) appears twice") }
                cases.append(name)
            }
            skipTrivia()
        } while consume(",")
        try expect(")")
        return fields.isEmpty ? .enumeration(cases) : .structure(fields)
    }

    private mutating func type() throws(VarlinkInterfaceSyntaxError) -> VarlinkType {
        skipTrivia()
        if consume("?") {
            let wrapped = try type()
            if case .optional = wrapped { throw fail("a type cannot be optional twice") }
            return .optional(wrapped)
        }
        if consume("[]") { return .array(try type()) }
        if consume("[string]") { return .dictionary(try type()) }
        if peek("(") { return try parenthesised() }
        let name = word()
        switch name {
        case "bool": return .bool
        case "int": return .int
        case "float": return .float
        case "string": return .string
        case "object": return .object
        case "": throw fail("expected a type")
        default:
            guard name.first!.isUppercase else { throw fail("unknown type '\(name)'") }
            return .named(name)
        }
    }

    private func checkReferences(in definition: VarlinkInterfaceDefinition) throws(VarlinkInterfaceSyntaxError) {
        var pending: [VarlinkType] = Array(definition.types.values)
        for method in definition.methods.values { pending += (method.input + method.output).map(\.type) }
        for error in definition.errors.values { pending += error.parameters.map(\.type) }
        while let type = pending.popLast() {
            switch type {
            case .named(let name):
                if definition.types[name] == nil { throw fail("type \(name) is used but not declared") }
            case .optional(let inner), .array(let inner), .dictionary(let inner):
                pending.append(inner)
            case .structure(let fields):
                pending += fields.map(\.type)
            case .bool, .int, .float, .string, .object, .enumeration:
                break
            }
        }
    }

    // MARK: Names

    private mutating func interfaceName() throws(VarlinkInterfaceSyntaxError) -> String {
        skipTrivia()
        let start = position
        while position < text.count, text[position].isASCII, text[position].isLetter || text[position].isNumber || "-.".contains(text[position]) {
            position += 1
        }
        let name = String(text[start..<position])
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.count >= 2 && labels.enumerated().allSatisfy { index, label in
            guard let first = label.first, let last = label.last else { return false }
            return (first.isLetter || (index > 0 && first.isNumber)) && last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        guard valid else { throw fail("'\(name)' is not a valid interface name (reverse domain, like io.example.Service)") }
        return name
    }

    private mutating func memberName() throws(VarlinkInterfaceSyntaxError) -> String {
        skipTrivia()
        let name = word()
        guard let first = name.first, first.isUppercase, name.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw fail("'\(name)' is not a valid member name (it starts with a capital letter)")
        }
        return name
    }

    private mutating func fieldName() throws(VarlinkInterfaceSyntaxError) -> String {
        skipTrivia()
        let name = word()
        guard let first = name.first, first.isLetter, !name.hasSuffix("_"), !name.contains("__") else {
            throw fail("'\(name)' is not a valid field name")
        }
        return name
    }

    // MARK: Lexing

    /// Skips whitespace and `#` comments; returns true so it can lead a `while` condition.
    @discardableResult
    private mutating func skipTrivia() -> Bool {
        while position < text.count {
            let character = text[position]
            if character == "#" {
                while position < text.count, !text[position].isNewline { position += 1 }
            } else if character.isWhitespace {
                if character.isNewline { line += 1 }
                position += 1
            } else {
                break
            }
        }
        return true
    }

    private mutating func word() -> String {
        skipTrivia()
        let start = position
        while position < text.count, text[position].isASCII, text[position].isLetter || text[position].isNumber || text[position] == "_" {
            position += 1
        }
        return String(text[start..<position])
    }

    private func peek(_ literal: String) -> Bool {
        let characters = Array(literal)
        guard position + characters.count <= text.count else { return false }
        return Array(text[position..<position + characters.count]) == characters
    }

    private mutating func consume(_ literal: String) -> Bool {
        skipTrivia()
        guard peek(literal) else { return false }
        position += literal.count
        return true
    }

    private mutating func expect(_ literal: String) throws(VarlinkInterfaceSyntaxError) {
        guard consume(literal) else { throw fail("expected '\(literal)'") }
    }

    private mutating func expectKeyword(_ keyword: String) throws(VarlinkInterfaceSyntaxError) {
        guard word() == keyword else { throw fail("expected '\(keyword)'") }
    }

    private func fail(_ message: String) -> VarlinkInterfaceSyntaxError {
        VarlinkInterfaceSyntaxError(line: line, message: message)
    }
}

public struct VarlinkInterfaceSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { "line \(line): \(message)" }
}
