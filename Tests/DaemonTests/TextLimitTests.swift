import Foundation
import TestSupport
import Testing
import Varlink

/// Every text a client can send has a limit, found here from the interface descriptions the
/// daemon itself serves: a field added later is covered without editing this test.
@Suite("Texts have a stated maximum", .timeLimit(.minutes(3)))
struct TextLimitTests {
    /// Longer than any limit the daemon may set.
    static let tooLong = String(repeating: "x", count: 70_000)

    @Test func everyTextFieldOfEveryMethodIsRefusedPastItsLimitAndNotBefore() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let client = try await VarlinkClient.connect(unixSocketPath: daemon.socketPath)
        let info = try await client.call("org.varlink.service.GetInfo")
        let names = (info["interfaces"]?.arrayValue ?? []).compactMap(\.stringValue).filter { !$0.hasPrefix("org.varlink.") }
        #expect(names.count >= 5, "\(info)")

        var limits: [(method: String, path: [String], parameters: (String) -> [String: JSONValue], limit: Int)] = []
        for name in names {
            let reply = try await client.call("org.varlink.service.GetInterfaceDescription", parameters: ["interface": .string(name)])
            let definition = try VarlinkInterfaceParser.parse(try #require(reply["description"]?.stringValue))
            let builder = MinimalParameters(definition: definition)
            for method in definition.methods.values.sorted(by: { $0.name < $1.name }) {
                for path in builder.textPaths(in: method.input) {
                    let qualified = "\(name).\(method.name)"
                    #expect(definition.errors["TextTooLong"] != nil, "\(name) takes text in \(qualified) but declares no TextTooLong")
                    let field = path.joined(separator: ".")
                    do {
                        _ = try await client.call(qualified, parameters: builder.parameters(for: method.input, with: Self.tooLong, at: path))
                        Issue.record("\(qualified) took \(Self.tooLong.count) characters in \(field)")
                    } catch let error as VarlinkError {
                        #expect(error.name == "\(name).TextTooLong", "\(qualified) \(field): \(error)")
                        #expect(error.parameters["field"]?.stringValue == field, "\(qualified): \(error)")
                        let limit = Int(error.parameters["limit"]?.intValue ?? 0)
                        #expect(limit > 0 && limit < Self.tooLong.count, "\(qualified) \(field): \(error)")
                        #expect(error.parameters["message"]?.stringValue?.contains("\(field) is longer than the \(limit) characters") == true)
                        limits.append((qualified, path, { builder.parameters(for: method.input, with: $0, at: path) }, limit))
                    }
                }
            }
        }
        #expect(limits.count > 50, "every text field of every method: \(limits.count)")
        #expect(limits.contains { $0.method == "io.mediationd.Cases.Register" && $0.path == ["complainant", "name"] && $0.limit == 200 })
        #expect(limits.contains { $0.method == "io.mediationd.Investigation.Conclude" && $0.path == ["text"] && $0.limit == 65_536 })

        // A refused call wrote nothing.
        let listed = try await client.call("io.mediationd.Cases.List")
        #expect(listed["total"]?.intValue == 0)

        // At the limit the text is taken, counted in characters: "é" written as e and a
        // combining accent is two, and two bytes each.
        for entry in limits {
            let atLimit = String(repeating: "e\u{301}", count: entry.limit / 2) + String(repeating: "x", count: entry.limit % 2)
            do {
                _ = try await client.call(entry.method, parameters: entry.parameters(atLimit))
            } catch let error as VarlinkError {
                #expect(!error.name.hasSuffix(".TextTooLong"), "\(entry.method) \(entry.path) refused \(entry.limit) characters: \(error)")
            }
        }
        await client.close()
        #expect(await daemon.stop() == 0)
    }
}

/// The least a method's parameters need to match its description, with one text field set.
private struct MinimalParameters {
    let definition: VarlinkInterfaceDefinition

    /// The paths of every text field the input can carry, nested types included.
    func textPaths(in fields: [VarlinkField]) -> [[String]] {
        fields.flatMap { field in textPaths(in: field.type).map { [field.name] + $0 } }
    }

    private func textPaths(in type: VarlinkType) -> [[String]] {
        switch type {
        case .string: [[]]
        case .optional(let inner), .array(let inner): textPaths(in: inner)
        case .named(let name): definition.types[name].map(textPaths(in:)) ?? []
        case .structure(let fields): textPaths(in: fields)
        default: []
        }
    }

    func parameters(for fields: [VarlinkField], with text: String, at path: [String]) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for field in fields {
            let target = path.first == field.name ? Array(path.dropFirst()) : nil
            if let value = value(of: field.type, text: text, at: target) { object[field.name] = value }
        }
        return object
    }

    /// nil for an optional field off the path: it is left out.
    private func value(of type: VarlinkType, text: String, at path: [String]?) -> JSONValue? {
        switch type {
        case .string: .string(path == nil ? "x" : text)
        case .bool: .bool(false)
        case .int: .int(1)
        case .float: .double(1)
        case .enumeration(let values): .string(values[0])
        case .optional(let inner): path == nil ? nil : value(of: inner, text: text, at: path)
        case .array(let inner): .array(path == nil ? [] : value(of: inner, text: text, at: path).map { [$0] } ?? [])
        case .dictionary, .object: .object([:])
        case .named(let name): definition.types[name].flatMap { value(of: $0, text: text, at: path) }
        case .structure(let fields): .object(parameters(for: fields, with: text, at: path ?? []))
        }
    }
}
