import NIOCore
import Synchronization

/// Sends the replies to one call. A handler gives its last reply with `reply`, and, for calls made
/// with `more`, any number of earlier ones with `yield`.
public struct VarlinkReplyWriter: Sendable {
    /// Takes one complete, NUL-terminated reply and returns once it is written.
    public typealias Sink = @Sendable (ByteBuffer) async throws -> Void

    private let call: VarlinkCall
    private let sink: Sink
    private let progress = ReplyProgress()

    public init(call: VarlinkCall, sink: @escaping Sink) {
        self.call = call
        self.sink = sink
    }

    /// Whether the call has had its last reply (or needed none, being oneway).
    public var hasFinished: Bool { progress.finished.load(ordering: .acquiring) }

    /// Whether the client accepts replies with `continues: true`.
    public var acceptsMore: Bool { call.more && !call.oneway }

    public func reply(_ parameters: [String: JSONValue]) async throws {
        try await send(VarlinkWireFormat.frame(VarlinkReply(parameters: parameters)), last: true)
    }

    /// A reply whose parameters are `output`, which must encode as a JSON object (a struct, or
    /// a dictionary keyed by strings). It is encoded straight to the reply's text.
    public func reply(encoding output: some Encodable) async throws {
        try await send(VarlinkWireFormat.frame(encoding: output), last: true)
    }

    /// One of several replies. Without `more` the client expects exactly one reply, so this
    /// refuses instead of breaking the protocol.
    public func yield(_ parameters: [String: JSONValue]) async throws {
        guard acceptsMore else { throw VarlinkError.expectedMore }
        try await send(VarlinkWireFormat.frame(VarlinkReply(parameters: parameters, continues: true)), last: false)
    }

    public func yield(encoding output: some Encodable) async throws {
        guard acceptsMore else { throw VarlinkError.expectedMore }
        try await send(VarlinkWireFormat.frame(encoding: output, continues: true), last: false)
    }

    func fail(_ error: VarlinkError) async throws {
        try await send(VarlinkWireFormat.frame(VarlinkReply(parameters: error.parameters, error: error.name)), last: true)
    }

    private func send(_ frame: @autoclosure () throws -> ByteBuffer, last: Bool) async throws {
        // After the last reply the next one on the connection belongs to the next call; a reply
        // sent now would be taken as its answer.
        guard !hasFinished else { throw VarlinkReplyWriterError.alreadyFinished(call.method) }
        // A oneway call's reply is never written, so it is not even encoded. Otherwise the frame
        // is made first: a reply that fails to encode has not been given, and the dispatcher
        // answers with an error instead.
        let frame = call.oneway ? nil : try frame()
        if last { progress.finished.store(true, ordering: .releasing) }
        guard let frame else { return }
        try await sink(frame)
    }
}

/// Whether a call has been answered; shared by the copies of its writer.
final class ReplyProgress: Sendable {
    let finished = Atomic<Bool>(false)
}

/// A method handler broke the reply sequence; a programming error reported to the client as an
/// internal error rather than sent on the wire out of order.
public enum VarlinkReplyWriterError: Error, Equatable, CustomStringConvertible {
    case alreadyFinished(String)
    case noFinalReply(String)

    public var description: String {
        switch self {
        case .alreadyFinished(let method): "\(method) replied after its last reply"
        case .noFinalReply(let method): "\(method) returned without its last reply"
        }
    }
}
