/// Sends the replies to one call. A handler gives its last reply with `reply`, and, for calls made
/// with `more`, any number of earlier ones with `yield`.
public struct VarlinkReplyWriter: Sendable {
    public typealias Sink = @Sendable (VarlinkReply) async throws -> Void

    private let call: VarlinkCall
    private let sink: Sink

    public init(call: VarlinkCall, sink: @escaping Sink) {
        self.call = call
        self.sink = sink
    }

    /// Whether the client accepts replies with `continues: true`.
    public var acceptsMore: Bool { call.more && !call.oneway }

    public func reply(_ parameters: [String: JSONValue]) async throws {
        guard !call.oneway else { return }
        try await sink(VarlinkReply(parameters: parameters))
    }

    public func reply(encoding output: some Encodable) async throws {
        try await reply(JSONValue(encoding: output).objectValue ?? [:])
    }

    /// One of several replies. Without `more` the client expects exactly one reply, so this
    /// refuses instead of breaking the protocol.
    public func yield(_ parameters: [String: JSONValue]) async throws {
        guard acceptsMore else { throw VarlinkError.expectedMore }
        try await sink(VarlinkReply(parameters: parameters, continues: true))
    }

    public func yield(encoding output: some Encodable) async throws {
        try await yield(JSONValue(encoding: output).objectValue ?? [:])
    }

    func fail(_ error: VarlinkError) async throws {
        guard !call.oneway else { return }
        try await sink(VarlinkReply(parameters: error.parameters, error: error.name))
    }
}
