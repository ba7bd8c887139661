import NIOCore

/// Splits the byte stream into NUL-terminated messages, refusing any longer than the limit before
/// buffering it whole, so a client cannot make the daemon hold an unbounded message in memory.
public struct VarlinkFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    private let maximumMessageSize: Int
    /// Bytes already searched for a terminator, so each byte is scanned once however the message
    /// is split across reads.
    private var scanned = 0

    public init(maximumMessageSize: Int) {
        self.maximumMessageSize = maximumMessageSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        let searchStart = view.index(view.startIndex, offsetBy: scanned)
        guard let terminator = view[searchStart...].firstIndex(of: 0) else {
            scanned = view.count
            if scanned > maximumMessageSize {
                throw VarlinkProtocolError.messageTooLong(limit: maximumMessageSize)
            }
            return .needMoreData
        }
        let length = terminator - view.startIndex
        scanned = 0
        if length > maximumMessageSize {
            throw VarlinkProtocolError.messageTooLong(limit: maximumMessageSize)
        }
        let frame = buffer.readSlice(length: length)!
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 {
            throw VarlinkProtocolError.unterminatedMessage
        }
        return .needMoreData
    }
}
