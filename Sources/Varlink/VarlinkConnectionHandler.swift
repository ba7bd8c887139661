import Logging
import NIOCore

/// Answers the calls on one connection, one at a time and in the order they arrived, which is
/// what the protocol promises clients that pipeline.
///
/// Messages are decoded on the event loop; each call then runs as a task that prefers this
/// connection's event loop, so reading a call, running its handler and writing its reply stay
/// on one thread. When the client goes away the call in progress is cancelled; when the server
/// drains (`Drain`), no further call is taken, a subscription in progress is ended, and any
/// other call in progress finishes and replies before the connection closes.
final class VarlinkConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// Sent by the server when it shuts down gracefully.
    struct Drain {}

    private let dispatcher: VarlinkDispatcher
    private let state: VarlinkServerState
    private let executor: EventLoopTaskExecutor
    private let logger: Logger
    private let peer: PeerCredentials?
    private var waiting = CircularBuffer<VarlinkCall>()
    private var current: (call: VarlinkCall, task: Task<Void, Never>)?
    private var draining = false
    /// A read has been asked for and has not completed yet.
    private var reading = false

    /// - Parameter peer: the client's credentials, read when the server admitted it.
    init(dispatcher: VarlinkDispatcher, state: VarlinkServerState, peer: PeerCredentials?, eventLoop: any EventLoop, logger: Logger) {
        self.dispatcher = dispatcher
        self.state = state
        self.peer = peer
        self.executor = EventLoopTaskExecutor(eventLoop: eventLoop)
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        readIfWanted(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        readIfWanted(context: context)
        context.fireChannelReadComplete()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !draining else { return }
        do {
            waiting.append(try VarlinkWireFormat.decodeCall(unwrapInboundIn(data)))
        } catch {
            protocolViolation(error, context: context)
            return
        }
        startNextCall(context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is VarlinkProtocolError {
            protocolViolation(error, context: context)
        } else if error is VarlinkSendTimeout.TimedOut {
            // Said as a protocol violation is: the client is at fault, and may wonder why.
            logger.notice("closed the connection from \(peerName): \(error)")
            context.close(promise: nil)
        } else {
            logger.debug("connection from \(peerName) failed: \(error)")
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is Drain:
            draining = true
            waiting.removeAll()
            if let current, current.call.more { current.task.cancel() }
            closeIfIdle(context: context)
        case ChannelEvent.inputClosed:
            // The client sends no more calls; those already sent are still answered.
            draining = true
            closeIfIdle(context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        current?.task.cancel()
        waiting.removeAll()
        context.fireChannelInactive()
    }

    private func startNextCall(context: ChannelHandlerContext) {
        guard current == nil, let call = waiting.popFirst() else { return }
        let channel = context.channel
        let request = VarlinkRequest(call: call, peer: peer)
        // Every reply is awaited: the next call starts, and the connection may close, only once
        // the reply is with the kernel, and a client that stops reading stops the calls too.
        let writer = VarlinkReplyWriter(call: call) { frame in try await channel.writeAndFlush(frame) }
        let finished = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let task = Task(executorPreference: executor) { [dispatcher, state] in
            try? await dispatcher.dispatch(request, writer: writer)
            state.countCall()
            channel.eventLoop.executeNowOrSoon {
                let (handler, context) = finished.value
                handler.callFinished(context: context)
            }
        }
        current = (call, task)
    }

    private func callFinished(context: ChannelHandlerContext) {
        current = nil
        context.triggerUserOutboundEvent(VarlinkIdleCloser.CallFinished(), promise: nil)
        startNextCall(context: context)
        closeIfIdle(context: context)
        readIfWanted(context: context)
    }

    /// The server reads (autoRead is off) only while no call read so far waits to start. So a
    /// client that sends without reading holds at most one read's worth of calls in memory: its
    /// calls stop once a reply cannot be written. The next read is asked for while a call runs,
    /// not after it: the socket then stays registered for reading, instead of being taken off
    /// epoll after every read and put back after every reply.
    private func readIfWanted(context: ChannelHandlerContext) {
        if !reading, waiting.isEmpty, !draining, context.channel.isActive {
            reading = true
            context.read()
        }
    }

    private func closeIfIdle(context: ChannelHandlerContext) {
        if draining, current == nil, waiting.isEmpty, context.channel.isActive {
            context.close(promise: nil)
        }
    }

    private func protocolViolation(_ error: any Error, context: ChannelHandlerContext) {
        // The stream is out of step; nothing that follows on it can be trusted.
        logger.notice("closed the connection from \(peerName): \(error)")
        draining = true
        waiting.removeAll()
        context.close(promise: nil)
    }

    private var peerName: String { peer.map { "pid \($0.pid) (uid \($0.uid))" } ?? "an unknown peer" }
}

extension EventLoop {
    /// Runs `body` at once when already on this loop (as a connection's task usually is), and
    /// otherwise schedules it there.
    func executeNowOrSoon(_ body: @escaping @Sendable () -> Void) {
        if inEventLoop { body() } else { execute(body) }
    }
}
