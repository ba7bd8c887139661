import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves Varlink on a listening AF_UNIX stream socket.
///
/// Each connection answers its calls one at a time, in the order they arrived, which is what the
/// protocol promises clients that pipeline. On graceful shutdown the server stops taking calls,
/// lets every call in progress finish and reply, then closes.
public final class VarlinkServer: Service, Sendable {
    private typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    private let descriptor: CInt
    private let dispatcher: VarlinkDispatcher
    private let state: VarlinkServerState
    private let group: any EventLoopGroup
    private let logger: Logger
    private let onListening: @Sendable () -> Void

    /// - Parameters:
    ///   - descriptor: a socket already bound and listening; the server owns it from now on.
    ///   - onListening: called once the socket is being served.
    public init(
        listeningDescriptor descriptor: CInt,
        dispatcher: VarlinkDispatcher,
        state: VarlinkServerState,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        onListening: @escaping @Sendable () -> Void = {}
    ) {
        self.descriptor = descriptor
        self.dispatcher = dispatcher
        self.state = state
        self.group = group
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            // A client may shut down its sending side and still read its replies; the server
            // uses the same half-close to stop taking calls while it drains.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(descriptor) { [state] channel in
                let limits = state.limits
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: limits.maximumMessageSize)))
                    try pipeline.addHandler(VarlinkIdleCloser(timeout: limits.idleTimeout))
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        onListening()
        // On graceful shutdown stop accepting; the accept loop then ends and the task group
        // waits for every connection to finish the call it is answering.
        try await withGracefulShutdownHandler {
            try await acceptConnections(on: server)
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }

    private func acceptConnections(on server: NIOAsyncChannel<Connection, Never>) async throws {
        try await server.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { tasks in
                for try await connection in connections {
                    guard state.admit() else {
                        logger.warning("refusing a connection: \(state.limits.maximumConnections) are open (varlink.max_connections)")
                        tasks.addTask { try? await connection.executeThenClose { _, _ in } }
                        continue
                    }
                    tasks.addTask(executorPreference: EventLoopTaskExecutor(eventLoop: connection.channel.eventLoop)) {
                        defer { self.state.release() }
                        await self.serve(connection)
                    }
                }
            }
        }
    }

    private func serve(_ connection: Connection) async {
        let channel = connection.channel
        let peer = try? await PeerCredentials.of(channel)
        let peerName = peer.map { "pid \($0.pid)" } ?? "an unknown peer"
        do {
            // Closing the input side on graceful shutdown ends the loop below once the call in
            // progress has been answered; racing each read against shutdown instead would cost
            // every call several task switches.
            try await withGracefulShutdownHandler {
                try await answerCalls(on: connection, peer: peer)
            } onGracefulShutdown: {
                channel.close(mode: .input, promise: nil)
            }
        } catch let error as VarlinkProtocolError {
            // The stream is out of step; nothing sent on it from here on could be trusted.
            logger.notice("closed the connection from \(peerName): \(error)")
        } catch {
            logger.debug("connection from \(peerName) ended: \(error)")
        }
    }

    private func answerCalls(on connection: Connection, peer: PeerCredentials?) async throws {
        let channel = connection.channel
        try await connection.executeThenClose { inbound, outbound in
            for try await frame in inbound {
                let call = try VarlinkWireFormat.decodeCall(frame)
                let writer = VarlinkReplyWriter(call: call) { frame in try await outbound.write(frame) }
                try await dispatcher.dispatch(VarlinkRequest(call: call, peer: peer), writer: writer)
                state.countCall()
                channel.triggerUserOutboundEvent(VarlinkIdleCloser.CallFinished(), promise: nil)
            }
        }
    }
}
