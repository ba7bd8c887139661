import NIOCore
import Testing
@testable import Varlink

@Suite("Varlink messages")
struct VarlinkWireFormatTests {
    private func decode(_ text: String) throws(VarlinkProtocolError) -> VarlinkCall {
        try VarlinkWireFormat.decodeCall(ByteBuffer(string: text))
    }

    @Test func aCallCarriesMethodParametersAndFlags() throws {
        let call = try decode(#"{"method":"org.example.test.Echo","parameters":{"text":"hi","n":3},"more":true,"oneway":false}"#)
        #expect(call.method == "org.example.test.Echo")
        #expect(call.interfaceName == "org.example.test")
        #expect(call.memberName == "Echo")
        #expect(call.parameters == ["text": .string("hi"), "n": .int(3)])
        #expect(call.more && !call.oneway && !call.upgrade)
    }

    @Test func missingParametersMeanNone() throws {
        #expect(try decode(#"{"method":"a.b.C"}"#).parameters.isEmpty)
    }

    @Test func brokenMessagesAreProtocolErrors() {
        #expect(throws: VarlinkProtocolError.invalidJSON) { try decode("{nope") }
        #expect(throws: VarlinkProtocolError.malformedMessage("a message must be a JSON object")) { try decode("[1,2]") }
        #expect(throws: VarlinkProtocolError.malformedMessage("a call needs a string \"method\"")) { try decode(#"{"parameters":{}}"#) }
        #expect(throws: VarlinkProtocolError.malformedMessage("\"parameters\" must be an object")) { try decode(#"{"method":"a.b.C","parameters":[]}"#) }
        #expect(throws: VarlinkProtocolError.malformedMessage("\"more\" must be a boolean")) { try decode(#"{"method":"a.b.C","more":"yes"}"#) }
    }

    @Test func repliesRoundTripWithContinuesAndErrors() throws {
        for reply in [
            VarlinkReply(parameters: ["a": .array([.bool(true), .null, .double(1.5)])]),
            VarlinkReply(parameters: ["n": .int(1)], continues: true),
            VarlinkReply(parameters: ["parameter": .string("x")], error: "org.varlink.service.InvalidParameter"),
        ] {
            var buffer = ByteBuffer()
            try VarlinkWireFormat.encode(reply, into: &buffer)
            #expect(buffer.readableBytesView.last == 0)
            let frame = buffer.getSlice(at: buffer.readerIndex, length: buffer.readableBytes - 1)!
            #expect(try VarlinkWireFormat.decodeReply(frame) == reply)
        }
    }

    @Test func aReplyOmitsContinuesAndErrorWhenUnset() throws {
        var buffer = ByteBuffer()
        try VarlinkWireFormat.encode(VarlinkReply(parameters: [:]), into: &buffer)
        #expect(String(buffer: buffer) == "{\"parameters\":{}}\0")
    }
}
