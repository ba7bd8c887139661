import NIOCore

/// Closes a connection whose reply has waited longer than the send timeout to be written.
///
/// A reply waits only when the client does not read: its socket buffer and ours are full. Such
/// a client would otherwise keep its connection, and its place under the connection limits, for
/// ever, since a call in progress (the one whose reply waits) keeps the idle timeout away. The
/// timer is armed only when a flush leaves a write pending, so a client that reads costs no
/// timer at all.
final class VarlinkSendTimeout: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Fired down the pipeline before the close, so the connection's handler logs why.
    struct TimedOut: Error, CustomStringConvertible {
        let timeout: TimeAmount
        var description: String {
            "a reply waited \(Double(timeout.nanoseconds) / 1e9) s to be written (varlink.send_timeout): the client does not read"
        }
    }

    private let timeout: TimeAmount
    private var pendingWrites = 0
    /// Since when the oldest pending write has waited, counted from the flush that left it
    /// pending or from the last write that went out; nil while nothing waits.
    private var waitingSince: NIODeadline?
    private var check: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let promise = promise ?? context.eventLoop.makePromise()
        pendingWrites += 1
        // Writes complete in order, on this loop, when the kernel has taken them or the channel
        // has closed.
        promise.futureResult.assumeIsolated().whenComplete { _ in
            self.pendingWrites -= 1
            self.waitingSince = self.pendingWrites == 0 ? nil : .now()
        }
        context.write(data, promise: promise)
    }

    func flush(context: ChannelHandlerContext) {
        context.flush()
        if pendingWrites > 0, waitingSince == nil {
            waitingSince = .now()
            schedule(context: context, at: .now() + timeout)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
    }

    private func schedule(context: ChannelHandlerContext, at deadline: NIODeadline) {
        guard check == nil else { return }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        check = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.check = nil
            guard let since = handler.waitingSince, context.channel.isActive else { return }
            if since + handler.timeout <= .now() {
                context.fireErrorCaught(TimedOut(timeout: handler.timeout))
                context.close(promise: nil)
            } else {
                handler.schedule(context: context, at: since + handler.timeout)
            }
        }
    }
}
