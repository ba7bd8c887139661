import Glibc
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves Varlink on a listening AF_UNIX stream socket.
///
/// Connections are answered by `VarlinkConnectionHandler`; the server admits them up to its
/// limits, in all and per user, and, on graceful shutdown, stops accepting and lets every
/// connection finish the call it is answering before it returns.
public final class VarlinkServer: Service, Sendable {
    /// The error reply a refused connection gets before the close.
    public typealias RefusalError = @Sendable (VarlinkConnectionRefusal) -> VarlinkError

    private let descriptor: CInt
    private let dispatcher: VarlinkDispatcher
    private let state: VarlinkServerState
    private let refusalError: RefusalError
    private let group: any EventLoopGroup
    private let logger: Logger
    private let onListening: @Sendable () -> Void

    /// - Parameters:
    ///   - descriptor: a socket already bound and listening; the server owns it from now on.
    ///   - refusalError: the error a connection refused by a limit is sent; it must be declared
    ///     by one of the dispatcher's interfaces.
    ///   - onListening: called once the socket is being served.
    public init(
        listeningDescriptor descriptor: CInt,
        dispatcher: VarlinkDispatcher,
        state: VarlinkServerState,
        refusalError: @escaping RefusalError,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger,
        onListening: @escaping @Sendable () -> Void = {}
    ) {
        self.descriptor = descriptor
        self.dispatcher = dispatcher
        self.state = state
        self.refusalError = refusalError
        self.group = group
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelInitializer { [logger] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(VarlinkAcceptBackoff(logger: logger))
                }
            }
            // A client may shut down its sending side and still read its replies.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            // Connections read only between calls; see VarlinkConnectionHandler.
            .childChannelOption(.autoRead, value: false)
            .bind(descriptor) { [self] channel in
                // On the channel's own loop the credentials are read at once.
                PeerCredentials.of(channel).flatMapThrowing { peer in
                    try self.admit(channel, peer: peer)
                }
            }
        onListening()
        // On graceful shutdown stop accepting; the accept loop then ends and the task group
        // waits for every connection to close.
        try await withGracefulShutdownHandler {
            try await acceptConnections(on: server)
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }

    private struct Admission: Sendable {
        let channel: any Channel
        let uid: uid_t?
        let admitted: Bool
    }

    /// Admitted here, before any handler that reads is added: a connection beyond a limit never
    /// has a call read, let alone run. It gets the refusal error and is closed.
    private func admit(_ channel: any Channel, peer: PeerCredentials?) throws -> Admission {
        let pipeline = channel.pipeline.syncOperations
        if let refusal = state.admit(uid: peer?.uid) {
            logRefusal(refusal)
            let error = refusalError(refusal)
            try pipeline.addHandler(VarlinkRefusalHandler(reply: VarlinkWireFormat.frame(VarlinkReply(parameters: error.parameters, error: error.name))))
            return Admission(channel: channel, uid: nil, admitted: false)
        }
        let limits = state.limits
        do {
            try pipeline.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: limits.maximumMessageSize)))
            try pipeline.addHandler(VarlinkIdleCloser(timeout: limits.idleTimeout))
            try pipeline.addHandler(VarlinkSendTimeout(timeout: limits.sendTimeout))
            try pipeline.addHandler(VarlinkConnectionHandler(dispatcher: dispatcher, state: state, peer: peer, eventLoop: channel.eventLoop, logger: logger))
        } catch {
            state.release(uid: peer?.uid)
            throw error
        }
        return Admission(channel: channel, uid: peer?.uid, admitted: true)
    }

    /// The uid is no personal data here (no name is looked up); it tells the operator whose
    /// client to look at.
    private func logRefusal(_ refusal: VarlinkConnectionRefusal) {
        guard let count = state.refusalsToLog(refusal.limit) else { return }
        let every = VarlinkRefusalLog.interval(for: refusal.limit)
        switch refusal.limit {
        case .server:
            logger.warning("refused \(count) connection(s): \(refusal.maximum) are open (varlink.max_connections); further refusals are logged at most every \(every.components.seconds) s")
        case .user(let uid):
            logger.warning(
                "refused \(count) connection(s) of uid \(uid): it has \(refusal.maximum) open (varlink.max_connections_per_user); further refusals of uid \(uid) are logged at most every \(every.components.seconds) s",
                metadata: ["MEDIATION_PEER_UID": "\(uid)"])
        }
    }

    private func acceptConnections(on server: NIOAsyncChannel<Admission, Never>) async throws {
        try await server.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { tasks in
                for try await connection in connections where connection.admitted {
                    tasks.addTask {
                        defer { self.state.release(uid: connection.uid) }
                        await Self.watch(connection.channel)
                    }
                }
            }
        }
    }

    /// Waits for a connection to close, asking it to drain when the server shuts down, and
    /// closing it outright when the drain takes longer than the shutdown timeout (cancellation).
    private static func watch(_ connection: any Channel) async {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await connection.closeFuture.get()
            } onGracefulShutdown: {
                connection.pipeline.fireUserInboundEventTriggered(VarlinkConnectionHandler.Drain())
            }
        } onCancel: {
            connection.close(promise: nil)
        }
    }
}
