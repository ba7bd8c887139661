import FuzzSupport
import NIOCore
import NIOEmbedded
import Varlink

// What a client's bytes go through before any method runs: the framing, in a channel as the
// server installs it (ByteToMessageHandler over VarlinkFrameDecoder), then each frame decoded as
// a call (what the server reads) and as a reply (what mediationctl reads).
//
// Properties: the frames are exactly the NUL-separated pieces of the input, none longer than the
// limit, whether the bytes arrive at once or in pieces; the envelope read in place agrees with
// the whole message parsed as JSON; what decodes re-encodes to text that decodes to the same.

/// Small, so that short inputs both stay under the limit and go over it.
let limit = 256

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVarlink(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let framing = Framing(model: input.bytes)
    let atOnce = Framing(decoding: [input.bytes[...]])
    require(atOnce == framing, "the decoder framed \(atOnce), the NUL-separated pieces are \(framing)")
    let inPieces = Framing(decoding: pieces(of: input))
    require(inPieces == framing, "in pieces the decoder framed \(inPieces), at once \(framing)")
    for frame in framing.frames {
        require(frame.count <= limit && !frame.contains(0), "a frame of \(frame.count) bytes with a NUL or over the limit")
        MessageCheck(frame).run()
    }
    return 0
}

/// The input cut at points that depend on its content only, so a crash reproduces.
func pieces(of input: FuzzInput) -> [ArraySlice<UInt8>] {
    var generator = SplitMix(seed: input.hash)
    var pieces: [ArraySlice<UInt8>] = []
    var start = 0
    while start < input.bytes.count {
        let end = min(input.bytes.count, start + Int.random(in: 1...128, using: &generator))
        pieces.append(input.bytes[start..<end])
        start = end
    }
    return pieces
}

/// The messages a byte stream holds and how it ends.
struct Framing: Equatable, CustomStringConvertible {
    var frames: [[UInt8]] = []
    var failure: VarlinkProtocolError?

    /// What the stream should give: the pieces between NULs, up to the first that is longer than
    /// the limit; bytes after the last NUL are an unterminated message when the stream ends.
    init(model bytes: [UInt8]) {
        var rest = bytes[...]
        while let terminator = rest.firstIndex(of: 0) {
            let frame = rest[..<terminator]
            if frame.count > limit {
                failure = .messageTooLong(limit: limit)
                return
            }
            frames.append(Array(frame))
            rest = rest[(terminator + 1)...]
        }
        if rest.count > limit {
            failure = .messageTooLong(limit: limit)
        } else if !rest.isEmpty {
            failure = .unterminatedMessage
        }
    }

    /// What the decoder gives when `pieces` arrive one read at a time and the peer then closes.
    init(decoding pieces: [ArraySlice<UInt8>]) {
        let collector = FrameCollector()
        let channel = EmbeddedChannel()
        do {
            try channel.pipeline.syncOperations.addHandlers([
                ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: limit)),
                collector,
            ])
            for piece in pieces where collector.failure == nil {
                try channel.writeInbound(ByteBuffer(bytes: piece))
            }
            _ = try channel.finish()
        } catch {
            fatalError("the embedded channel failed: \(error)")
        }
        frames = collector.frames
        failure = collector.failure
    }

    var description: String {
        "\(frames.map(\.count)) bytes, then \(failure.map { "\($0)" } ?? "the end")"
    }
}

/// Keeps the frames and the first error where the server's next handler would get them.
final class FrameCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    var frames: [[UInt8]] = []
    var failure: VarlinkProtocolError?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        frames.append(Array(unwrapInboundIn(data).readableBytesView))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard failure == nil else { return }
        guard let error = error as? VarlinkProtocolError else {
            fatalError("the frame decoder failed with \(error), not a VarlinkProtocolError")
        }
        failure = error
    }
}

/// One frame read as the server and the client read it.
struct MessageCheck {
    let frame: [UInt8]
    let json: JSONValue?

    init(_ frame: [UInt8]) {
        self.frame = frame
        json = frame.withUnsafeBytes { bytes in try? JSONValue(parsing: bytes) }
    }

    func run() {
        checkJSON()
        checkCall()
        checkReply()
    }

    /// Serialised JSON reads back as the same value and never holds the frame terminator.
    private func checkJSON() {
        guard let json else { return }
        let text = Array(json.serialized.readableBytesView)
        require(!text.contains(0), "serialised JSON holds a NUL")
        let again = text.withUnsafeBytes { bytes in try? JSONValue(parsing: bytes) }
        require(again == json, "\(json) serialised as \(String(decoding: text, as: UTF8.self)) reads back as \(again.map { "\($0)" } ?? "invalid JSON")")
    }

    private func checkCall() {
        check("call", decoded: Result { () throws(VarlinkProtocolError) in try VarlinkWireFormat.decodeCall(ByteBuffer(bytes: frame)) },
              expected: Envelope(json).call) { call in
            var buffer = ByteBuffer()
            VarlinkWireFormat.encode(call, into: &buffer)
            return Result { () throws(VarlinkProtocolError) in try VarlinkWireFormat.decodeCall(unframed(buffer)) }
        }
    }

    private func checkReply() {
        check("reply", decoded: Result { () throws(VarlinkProtocolError) in try VarlinkWireFormat.decodeReply(ByteBuffer(bytes: frame)) },
              expected: Envelope(json).reply) { reply in
            Result { () throws(VarlinkProtocolError) in try VarlinkWireFormat.decodeReply(unframed(VarlinkWireFormat.frame(reply))) }
        }
    }

    /// A message read in place agrees with the one parsed whole (both read, or both refused for
    /// the same reason), and what was read, encoded again, reads back the same.
    private func check<Message: Equatable>(
        _ kind: String, decoded: Result<Message, VarlinkProtocolError>, expected: Result<Message, VarlinkProtocolError>,
        readBackEncoded: (Message) -> Result<Message, VarlinkProtocolError>
    ) {
        switch (decoded, expected) {
        case (.success(let message), .success(let reference)):
            require(message == reference, "the \(kind) read in place, \(message), differs from the one parsed whole, \(reference)")
            let again = readBackEncoded(message)
            require(again == .success(message), "\(message) re-encoded reads back as \(again)")
        case (.failure(let error), .failure(let reference)):
            require(error.kind == reference.kind, "the \(kind) was refused with \(error), the whole message says \(reference)")
        default:
            require(false, "decoding the \(kind) gave \(decoded), the whole message parsed says \(expected)")
        }
    }

    /// An encoded message without its terminator, checking that it has exactly one, at the end.
    private func unframed(_ buffer: ByteBuffer) -> ByteBuffer {
        let bytes = Array(buffer.readableBytesView)
        require(bytes.last == 0 && bytes.dropLast().allSatisfy { $0 != 0 }, "an encoded message is not one NUL-terminated frame")
        return ByteBuffer(bytes: bytes.dropLast())
    }
}

/// The envelope as varlink.org defines it, read from the message parsed whole: the reference the
/// in-place reading is held to.
struct Envelope {
    let json: JSONValue?

    init(_ json: JSONValue?) {
        self.json = json
    }

    var call: Result<VarlinkCall, VarlinkProtocolError> {
        Result { () throws(VarlinkProtocolError) in
            let members = try object()
            guard case .string(let method)? = members["method"] else { throw .malformedMessage("method") }
            return VarlinkCall(
                method: method, parameters: try parameters(members),
                oneway: try flag(members["oneway"]), more: try flag(members["more"]), upgrade: try flag(members["upgrade"]))
        }
    }

    var reply: Result<VarlinkReply, VarlinkProtocolError> {
        Result { () throws(VarlinkProtocolError) in
            let members = try object()
            let parameters = try parameters(members)
            let error: String?
            switch members["error"] {
            case nil, .null?: error = nil
            case .string(let name)?: error = name
            default: throw .malformedMessage("error")
            }
            return VarlinkReply(parameters: parameters, continues: try flag(members["continues"]), error: error)
        }
    }

    private func object() throws(VarlinkProtocolError) -> [String: JSONValue] {
        guard let json else { throw .invalidJSON }
        guard case .object(let members) = json else { throw .malformedMessage("not an object") }
        return members
    }

    private func parameters(_ members: [String: JSONValue]) throws(VarlinkProtocolError) -> [String: JSONValue] {
        switch members["parameters"] {
        case nil, .null?: return [:]
        case .object(let parameters)?: return parameters
        default: throw .malformedMessage("parameters")
        }
    }

    private func flag(_ value: JSONValue?) throws(VarlinkProtocolError) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        default: throw .malformedMessage("flag")
        }
    }
}

extension VarlinkProtocolError {
    /// The case without its text: the reference's wording differs, the classification must not.
    var kind: String {
        switch self {
        case .invalidJSON: "invalidJSON"
        case .malformedMessage: "malformedMessage"
        case .messageTooLong: "messageTooLong"
        case .unterminatedMessage: "unterminatedMessage"
        }
    }
}
