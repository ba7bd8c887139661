import Glibc
import Logging
import NIOCore

/// Pauses accepting while accept(2) fails for want of descriptors or kernel memory (EMFILE,
/// ENFILE, ENOBUFS, ENOMEM), then tries again; the pause doubles from 50 ms to 1 s while the
/// failures go on, and starts over once a connection is accepted.
///
/// Such a failure leaves the connection in the listen backlog, so the listening socket stays
/// readable. NIO keeps the socket registered for reading after a failed accept, so it would try
/// again at once, for as long as the shortage lasts, on one core, and NIO's own
/// AcceptBackoffHandler does not stop that. Turning autoRead off takes the socket out of epoll
/// until the pause is over; the clients wait in the backlog meanwhile and are served once
/// descriptors free up. The error goes no further: passed on, it would end the accept loop, and
/// with it the daemon.
final class VarlinkAcceptBackoff: ChannelInboundHandler {
    typealias InboundIn = Any

    static let shortestPause = TimeAmount.milliseconds(50)
    static let longestPause = TimeAmount.seconds(1)
    /// One line per minute at most, however long the shortage lasts.
    static let logInterval = TimeAmount.minutes(1)

    private let logger: Logger
    private var pause = shortestPause
    private var resume: Scheduled<Void>?
    private var lastLogged: NIODeadline?
    private var failuresSinceLogged = 0

    init(logger: Logger) {
        self.logger = logger
    }

    static func isShortage(_ error: any Error) -> Bool {
        guard let error = error as? IOError else { return false }
        return [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(error.errnoCode)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A connection was accepted: the shortage, if there was one, is over.
        pause = Self.shortestPause
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard Self.isShortage(error) else {
            context.fireErrorCaught(error)
            return
        }
        failuresSinceLogged += 1
        guard resume == nil else { return }
        log(error)
        try? context.channel.syncOptions?.setOption(.autoRead, value: false)
        let channel = NIOLoopBound((self, context.channel), eventLoop: context.eventLoop)
        resume = context.eventLoop.scheduleTask(in: pause) {
            let (backoff, channel) = channel.value
            backoff.resume = nil
            try? channel.syncOptions?.setOption(.autoRead, value: true)
        }
        pause = min(pause * 2, Self.longestPause)
    }

    func channelInactive(context: ChannelHandlerContext) {
        resume?.cancel()
        resume = nil
        context.fireChannelInactive()
    }

    private func log(_ error: any Error) {
        let now = NIODeadline.now()
        if let lastLogged, now - lastLogged < Self.logInterval { return }
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let message = "accept failed \(failuresSinceLogged) time(s) (\(error)): accepting pauses, for up to a second at a time, until descriptors are free again; "
            + "the open-files limit (RLIMIT_NOFILE) is \(limit.rlim_cur): raise LimitNOFILE= or lower [varlink] max_connections"
        logger.warning("\(message)")
        lastLogged = now
        failuresSinceLogged = 0
    }
}
