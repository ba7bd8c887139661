/// A method implementation: it answers through the writer, or throws a `VarlinkError`.
public typealias VarlinkMethodHandler = @Sendable (VarlinkRequest, VarlinkReplyWriter) async throws -> Void

/// The first step of every handler on its own: decoding the call's parameters into the Swift type
/// the handler takes, so that a check (a fuzz target, a test) can run exactly what a call runs
/// before any service does anything.
typealias VarlinkParameterDecoder = @Sendable (VarlinkRequest) throws(VarlinkError) -> Void

/// An interface a service offers: its description (the contract clients read) and the handlers
/// that fulfil it.
public struct VarlinkInterface: Sendable {
    public let description: String
    public let definition: VarlinkInterfaceDefinition
    let checker: VarlinkTypeChecker
    let handlers: [String: VarlinkMethodHandler]
    let parameterDecoders: [String: VarlinkParameterDecoder]
    /// Methods that only make sense with `more` (subscriptions); called without it they fail
    /// with `ExpectedMore` before the handler runs.
    let streamingMethods: Set<String>

    public var name: String { definition.name }

    public init(description: String, methods: VarlinkMethodTable) throws(VarlinkInterfaceSyntaxError) {
        self.description = description
        self.definition = try VarlinkInterfaceParser.parse(description)
        self.checker = VarlinkTypeChecker(definition: definition)
        self.handlers = methods.handlers
        self.parameterDecoders = methods.parameterDecoders
        self.streamingMethods = methods.streaming
        for name in handlers.keys where definition.methods[name] == nil {
            throw VarlinkInterfaceSyntaxError(line: 0, message: "a handler is registered for \(name), which \(definition.name) does not declare")
        }
    }
}

/// Collects typed handlers for an interface's methods.
public struct VarlinkMethodTable: Sendable {
    var handlers: [String: VarlinkMethodHandler] = [:]
    var parameterDecoders: [String: VarlinkParameterDecoder] = [:]
    var streaming: Set<String> = []

    public init() {}

    /// A method with one reply.
    public mutating func method<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ name: String,
        _ body: @escaping @Sendable (Input, VarlinkRequest) async throws -> Output
    ) {
        parameterDecoders[name] = Self.parameterDecoder(Input.self)
        handlers[name] = { request, writer in
            let input = try request.decodeParameters(Input.self)
            try await writer.reply(encoding: try await body(input, request))
        }
    }

    /// A method that sends a series of replies to a call made with `more`.
    public mutating func streamingMethod<Input: Decodable & Sendable>(
        _ name: String,
        _ body: @escaping @Sendable (Input, VarlinkRequest, VarlinkReplyWriter) async throws -> Void
    ) {
        streaming.insert(name)
        parameterDecoders[name] = Self.parameterDecoder(Input.self)
        handlers[name] = { request, writer in
            try await body(try request.decodeParameters(Input.self), request, writer)
        }
    }

    /// What a handler taking `Input` starts with. A local function rather than a closure: a
    /// closure with a typed throw in this generic context crashes the Swift 6.3 compiler (SILGen).
    private static func parameterDecoder<Input: Decodable & Sendable>(_: Input.Type) -> VarlinkParameterDecoder {
        @Sendable func decode(_ request: VarlinkRequest) throws(VarlinkError) {
            _ = try request.decodeParameters(Input.self)
        }
        return decode
    }
}
