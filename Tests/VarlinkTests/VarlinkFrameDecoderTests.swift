import NIOCore
import NIOEmbedded
import Testing
@testable import Varlink

@Suite("Varlink framing")
struct VarlinkFrameDecoderTests {
    private func channel(limit: Int = 64) throws -> EmbeddedChannel {
        try EmbeddedChannel(handler: ByteToMessageHandler(VarlinkFrameDecoder(maximumMessageSize: limit)))
    }

    private func feed(_ channel: EmbeddedChannel, _ text: String) throws {
        var buffer = channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        try channel.writeInbound(buffer)
    }

    private func frames(_ channel: EmbeddedChannel) throws -> [String] {
        var result: [String] = []
        while let frame = try channel.readInbound(as: ByteBuffer.self) {
            result.append(String(buffer: frame))
        }
        return result
    }

    @Test func aMessageSplitAcrossReadsIsReassembled() throws {
        let channel = try channel()
        try feed(channel, "{\"meth")
        #expect(try frames(channel).isEmpty)
        try feed(channel, "od\":\"a.b.C\"")
        #expect(try frames(channel).isEmpty)
        try feed(channel, "}\0")
        #expect(try frames(channel) == ["{\"method\":\"a.b.C\"}"])
    }

    @Test func severalMessagesInOneReadAreSeparated() throws {
        let channel = try channel()
        try feed(channel, "{\"a\":1}\0{\"b\":2}\0{\"c\"")
        #expect(try frames(channel) == ["{\"a\":1}", "{\"b\":2}"])
        try feed(channel, ":3}\0")
        #expect(try frames(channel) == ["{\"c\":3}"])
    }

    @Test func aMessageAtTheLimitPassesAndOneByteMoreIsRefused() throws {
        let exact = try channel(limit: 10)
        try feed(exact, String(repeating: "x", count: 10) + "\0")
        #expect(try frames(exact).count == 1)

        let over = try channel(limit: 10)
        #expect(throws: VarlinkProtocolError.messageTooLong(limit: 10)) {
            try feed(over, String(repeating: "x", count: 11))
        }
    }

    @Test func anOverlongMessageIsRefusedBeforeItsTerminatorArrives() throws {
        let channel = try channel(limit: 16)
        try feed(channel, String(repeating: "y", count: 12))
        #expect(throws: VarlinkProtocolError.messageTooLong(limit: 16)) {
            try feed(channel, String(repeating: "y", count: 12))
        }
    }

    @Test func closingInTheMiddleOfAMessageIsAnError() throws {
        let channel = try channel()
        try feed(channel, "{\"method\":\"a.b.C\"}\0{\"half")
        #expect(try frames(channel).count == 1)
        #expect(throws: VarlinkProtocolError.unterminatedMessage) {
            _ = try channel.finish()
        }
    }
}
