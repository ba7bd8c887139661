import NIOCore

/// Closes a connection that has had no call in progress for the idle timeout.
///
/// It counts calls as they arrive and as the connection's loop reports them finished, so a
/// long-running call, or a subscription waiting for events, keeps its connection open.
final class VarlinkIdleCloser: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent down the pipeline by the connection loop when it has answered a call.
    struct CallFinished {}

    private var callsInProgress = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        callsInProgress += 1
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if event is CallFinished {
            callsInProgress -= 1
            promise?.succeed()
        } else {
            context.triggerUserOutboundEvent(event, promise: promise)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, callsInProgress == 0 {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
