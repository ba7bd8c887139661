import NIOCore

/// Sends the replies to one call. A handler gives its last reply with `reply`, and, for calls made
/// with `more`, any number of earlier ones with `yield`.
public struct VarlinkReplyWriter: Sendable {
    /// Takes one complete, NUL-terminated reply; `last` is false for replies with `continues`,
    /// whose sender should wait until the client keeps up.
    public typealias Sink = @Sendable (_ frame: ByteBuffer, _ last: Bool) async throws -> Void

    private let call: VarlinkCall
    private let sink: Sink

    public init(call: VarlinkCall, sink: @escaping Sink) {
        self.call = call
        self.sink = sink
    }

    /// Whether the client accepts replies with `continues: true`.
    public var acceptsMore: Bool { call.more && !call.oneway }

    public func reply(_ parameters: [String: JSONValue]) async throws {
        try await send(VarlinkWireFormat.frame(VarlinkReply(parameters: parameters)), last: true)
    }

    /// A reply whose parameters are `output`, which must encode as a JSON object (a struct).
    public func reply(encoding output: some Encodable) async throws {
        try await reply(try parameters(of: output))
    }

    /// One of several replies. Without `more` the client expects exactly one reply, so this
    /// refuses instead of breaking the protocol.
    public func yield(_ parameters: [String: JSONValue]) async throws {
        guard acceptsMore else { throw VarlinkError.expectedMore }
        try await send(VarlinkWireFormat.frame(VarlinkReply(parameters: parameters, continues: true)), last: false)
    }

    public func yield(encoding output: some Encodable) async throws {
        try await yield(try parameters(of: output))
    }

    func fail(_ error: VarlinkError) async throws {
        try await send(VarlinkWireFormat.frame(VarlinkReply(parameters: error.parameters, error: error.name)), last: true)
    }

    private func parameters(of output: some Encodable) throws -> [String: JSONValue] {
        guard case .object(let parameters) = try JSONValue(encoding: output) else {
            throw EncodingError.invalidValue(output, .init(codingPath: [], debugDescription: "Varlink parameters must encode as an object"))
        }
        return parameters
    }

    private func send(_ frame: @autoclosure () throws -> ByteBuffer, last: Bool) async throws {
        guard !call.oneway else { return }
        try await sink(try frame(), last)
    }
}
