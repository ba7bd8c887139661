import NIOCore

/// Answers a connection the server refused with one error reply, then closes it. It never reads:
/// whatever the client sent is not looked at.
final class VarlinkRefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let reply: ByteBuffer

    /// - Parameter reply: the error reply, framed.
    init(reply: ByteBuffer) {
        self.reply = reply
    }

    func channelActive(context: ChannelHandlerContext) {
        // A new connection's send buffer is empty, so the reply goes to the kernel whole, at
        // once; the close that follows does not wait for a client that does not read.
        context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
        context.close(promise: nil)
        context.fireChannelActive()
    }
}
