import NIOCore

/// An error reply: a fully qualified error name declared in an interface, and its parameters.
///
/// Method handlers throw these; the server turns them into `{"error": …, "parameters": …}`.
public struct VarlinkError: Error, Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let parameters: [String: JSONValue]

    public init(_ name: String, parameters: [String: JSONValue] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    public init(_ name: String, encoding parameters: some Encodable) {
        self.name = name
        self.parameters = (try? JSONValue(encoding: parameters).objectValue) ?? [:]
    }

    public var description: String {
        if parameters.isEmpty { return name }
        let rendered = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.compactDescription)" }
        return "\(name) (\(rendered.joined(separator: ", ")))"
    }

    // MARK: org.varlink.service's standard errors

    public static let serviceInterface = "org.varlink.service"

    public static func interfaceNotFound(_ interface: some StringProtocol) -> VarlinkError {
        VarlinkError("\(serviceInterface).InterfaceNotFound", parameters: ["interface": .string(String(interface))])
    }

    public static func methodNotFound(_ method: some StringProtocol) -> VarlinkError {
        VarlinkError("\(serviceInterface).MethodNotFound", parameters: ["method": .string(String(method))])
    }

    public static func methodNotImplemented(_ method: some StringProtocol) -> VarlinkError {
        VarlinkError("\(serviceInterface).MethodNotImplemented", parameters: ["method": .string(String(method))])
    }

    public static func invalidParameter(_ parameter: some StringProtocol) -> VarlinkError {
        VarlinkError("\(serviceInterface).InvalidParameter", parameters: ["parameter": .string(String(parameter))])
    }

    public static let permissionDenied = VarlinkError("\(serviceInterface).PermissionDenied")
    public static let expectedMore = VarlinkError("\(serviceInterface).ExpectedMore")
}

extension JSONValue {
    /// One-line JSON, for messages and logs.
    public var compactDescription: String {
        String(buffer: serialized)
    }
}
