import Glibc
import NIOCore
import NIOPosix

/// A Varlink client over an AF_UNIX stream socket.
///
/// Calls may be made concurrently; they are written in the order they are made and the replies
/// are matched to calls in that order, as the protocol prescribes.
public final class VarlinkClient: Sendable {
    private let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
    }

    /// Connects to the service listening at `path`.
    public static func connect(
        unixSocketPath path: String,
        maximumMessageSize: Int = 16 << 20,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(VarlinkConnectError) -> VarlinkClient {
        do {
            return try await open(path: path, maximumMessageSize: maximumMessageSize, group: group)
        } catch {
            throw VarlinkConnectError(path: path, underlying: error)
        }
    }

    private static func open(path: String, maximumMessageSize: Int, group: any EventLoopGroup) async throws -> VarlinkClient {
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: maximumMessageSize)))
                    try channel.pipeline.syncOperations.addHandler(VarlinkClientHandler())
                }
            }
            .connect(unixDomainSocketPath: path)
            .get()
        return VarlinkClient(channel: channel)
    }

    /// Makes a call and returns the parameters of its reply; an error reply is thrown as
    /// `VarlinkError`.
    public func call(_ method: String, parameters: [String: JSONValue] = [:]) async throws -> [String: JSONValue] {
        let promise = channel.eventLoop.makePromise(of: VarlinkReply.self)
        let call = VarlinkCall(method: method, parameters: parameters)
        do {
            try await channel.writeAndFlush(VarlinkClientHandler.Request(call: call, receiver: .single(promise))).get()
        } catch {
            promise.fail(error)
            throw error
        }
        let reply = try await promise.futureResult.get()
        if let error = reply.error { throw VarlinkError(error, parameters: reply.parameters) }
        return reply.parameters
    }

    /// A typed call.
    public func call<Output: Decodable>(_ method: String, input: some Encodable = VarlinkEmpty(), as output: Output.Type) async throws -> Output {
        let parameters = try JSONValue(encoding: input).objectValue ?? [:]
        return try JSONValue.object(try await call(method, parameters: parameters)).decode(output)
    }

    /// Makes a call with `more` and yields each reply until the last; an error reply ends the
    /// sequence by throwing it.
    public func stream(_ method: String, parameters: [String: JSONValue] = [:]) -> AsyncThrowingStream<[String: JSONValue], any Error> {
        let (replies, continuation) = AsyncThrowingStream.makeStream(of: [String: JSONValue].self)
        let call = VarlinkCall(method: method, parameters: parameters, more: true)
        channel.writeAndFlush(VarlinkClientHandler.Request(call: call, receiver: .stream(continuation))).whenFailure { error in
            continuation.finish(throwing: error)
        }
        continuation.onTermination = { [channel] reason in
            // A consumer that stops listening to a subscription ends it the only way Varlink
            // allows: by closing the connection.
            if case .cancelled = reason { channel.close(promise: nil) }
        }
        return replies
    }

    /// Sends a call that wants no reply.
    public func send(oneway method: String, parameters: [String: JSONValue] = [:]) async throws {
        let call = VarlinkCall(method: method, parameters: parameters, oneway: true)
        try await channel.writeAndFlush(VarlinkClientHandler.Request(call: call, receiver: .none)).get()
    }

    public func close() async {
        try? await channel.close()
    }
}

/// Matches replies to calls on the client's event loop.
final class VarlinkClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = Request
    typealias OutboundOut = ByteBuffer

    enum Receiver {
        case none
        case single(EventLoopPromise<VarlinkReply>)
        case stream(AsyncThrowingStream<[String: JSONValue], any Error>.Continuation)
    }

    struct Request {
        let call: VarlinkCall
        let receiver: Receiver
    }

    private var waiting: CircularBuffer<Receiver> = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        var buffer = context.channel.allocator.buffer(capacity: 128)
        VarlinkWireFormat.encode(request.call, into: &buffer)
        if case .none = request.receiver {} else { waiting.append(request.receiver) }
        context.write(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply: VarlinkReply
        do {
            reply = try VarlinkWireFormat.decodeReply(unwrapInboundIn(data))
        } catch {
            context.fireErrorCaught(error)
            return
        }
        guard let receiver = waiting.first else {
            context.fireErrorCaught(VarlinkClientError.unexpectedReply)
            return
        }
        switch receiver {
        case .none:
            break
        case .single(let promise):
            waiting.removeFirst()
            promise.succeed(reply)
        case .stream(let continuation):
            if let error = reply.error {
                waiting.removeFirst()
                continuation.finish(throwing: VarlinkError(error, parameters: reply.parameters))
            } else {
                continuation.yield(reply.parameters)
                if !reply.continues {
                    waiting.removeFirst()
                    continuation.finish()
                }
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(VarlinkClientError.connectionClosed)
        context.fireChannelInactive()
    }

    private func failAll(_ error: any Error) {
        while let receiver = waiting.popFirst() {
            switch receiver {
            case .none: break
            case .single(let promise): promise.fail(error)
            case .stream(let continuation): continuation.finish(throwing: error)
            }
        }
    }
}

public enum VarlinkClientError: Error, Equatable, Sendable, CustomStringConvertible {
    case connectionClosed
    case unexpectedReply

    public var description: String {
        switch self {
        case .connectionClosed: "the service closed the connection before it replied"
        case .unexpectedReply: "the service sent a reply to no call"
        }
    }
}

/// A connection that could not be made, with the system's reason when there is one.
public struct VarlinkConnectError: Error, CustomStringConvertible, Sendable {
    public let path: String
    /// The errno of the failed connect(2), when the failure was one.
    public let code: CInt?
    private let detail: String

    init(path: String, underlying: any Error) {
        self.path = path
        if let io = underlying as? IOError {
            code = io.errnoCode
        } else if let connection = underlying as? NIOConnectionError {
            code = connection.connectionErrors.lazy.compactMap { ($0.error as? IOError)?.errnoCode }.first
        } else {
            code = nil
        }
        detail = code.map { String(cString: strerror($0)) } ?? "\(underlying)"
    }

    /// A connect(2) that failed with `code`.
    init(path: String, code: CInt) {
        self.path = path
        self.code = code
        detail = String(cString: strerror(code))
    }

    public var description: String { "cannot connect to \(path): \(detail)" }
}
