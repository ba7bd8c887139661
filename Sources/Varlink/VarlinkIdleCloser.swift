import NIOCore

/// Closes a connection that has had no call in progress for the idle timeout.
///
/// It counts calls as they arrive and as the connection's loop reports them finished, so a
/// long-running call, or a subscription waiting for events, keeps its connection open. The idle
/// time counts from when the last call in progress finished (a timestamp then, not per message);
/// one timer per timeout period checks it, instead of re-arming a timer on every message.
final class VarlinkIdleCloser: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent down the pipeline by the connection loop when it has answered a call.
    struct CallFinished {}

    private let timeout: TimeAmount?
    private var callsInProgress = 0
    private var lastActivity = NIODeadline.now()
    private var check: Scheduled<Void>?

    init(timeout: TimeAmount?) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { schedule(context: context, at: .now() + (timeout ?? .zero)) }
    }

    func channelActive(context: ChannelHandlerContext) {
        lastActivity = .now()
        schedule(context: context, at: lastActivity + (timeout ?? .zero))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        check?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // While a call is in progress the connection is not idle, whatever the time.
        callsInProgress += 1
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if event is CallFinished {
            callsInProgress -= 1
            if callsInProgress == 0 { lastActivity = .now() }
            promise?.succeed()
        } else {
            context.triggerUserOutboundEvent(event, promise: promise)
        }
    }

    private func schedule(context: ChannelHandlerContext, at deadline: NIODeadline) {
        guard let timeout, check == nil else { return }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        check = context.eventLoop.scheduleTask(deadline: deadline) {
            let (closer, context) = loopBound.value
            closer.check = nil
            let idleUntil = closer.lastActivity + timeout
            if closer.callsInProgress > 0 {
                closer.schedule(context: context, at: .now() + timeout)
            } else if idleUntil <= .now() {
                context.close(promise: nil)
            } else {
                closer.schedule(context: context, at: idleUntil)
            }
        }
    }
}
