import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves Varlink on a listening AF_UNIX stream socket.
///
/// Connections are answered by `VarlinkConnectionHandler`; the server admits them up to the
/// limit and, on graceful shutdown, stops accepting and lets every connection finish the call it
/// is answering before it returns.
public final class VarlinkServer: Service, Sendable {
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
            // A client may shut down its sending side and still read its replies.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            // Connections read only between calls; see VarlinkConnectionHandler.
            .childChannelOption(.autoRead, value: false)
            .bind(descriptor) { [state, dispatcher, logger] channel in
                let limits = state.limits
                return channel.eventLoop.makeCompletedFuture { () -> Admission in
                    // Admitted here, before any handler that reads is added: a connection
                    // beyond the limit never has a call read, let alone run.
                    guard state.admit() else {
                        if let count = state.refusalsToLog() {
                            logger.warning("refused \(count) connection(s): \(limits.maximumConnections) are open (varlink.max_connections); further refusals are logged at most every 10 s")
                        }
                        channel.close(promise: nil)
                        return Admission(channel: channel, admitted: false)
                    }
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: limits.maximumMessageSize)))
                    try pipeline.addHandler(VarlinkIdleCloser(timeout: limits.idleTimeout))
                    try pipeline.addHandler(VarlinkConnectionHandler(dispatcher: dispatcher, state: state, eventLoop: channel.eventLoop, logger: logger))
                    return Admission(channel: channel, admitted: true)
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
        let admitted: Bool
    }

    private func acceptConnections(on server: NIOAsyncChannel<Admission, Never>) async throws {
        try await server.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { tasks in
                for try await connection in connections where connection.admitted {
                    tasks.addTask {
                        defer { self.state.release() }
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
