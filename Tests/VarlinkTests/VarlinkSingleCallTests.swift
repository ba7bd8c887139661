import Foundation
import Glibc
import TestSupport
import Testing
import Varlink

/// The blocking one-call client that mediationctl uses: replies, error replies, and each way
/// the connection can fail, as the errors mediationctl words for people.
@Suite("One call on a blocking socket", .timeLimit(.minutes(1)))
struct VarlinkSingleCallTests {
    @Test func aReplyAndAnErrorReplyComeBackAsTheyWereSent() async throws {
        let server = try TestServer()
        let text = String(repeating: "lang antwoord ", count: 5_000)
        let reply = try await offThread { try VarlinkSingleCall.call(unixSocketPath: server.path, method: "org.example.test.Echo", parameters: ["text": .string(text)]) }
        #expect(reply["text"] == .string(text), "a reply longer than one read is put together whole")
        do {
            _ = try await offThread { try VarlinkSingleCall.call(unixSocketPath: server.path, method: "org.example.test.Fail") }
            Issue.record("an error reply must be thrown")
        } catch let error as VarlinkError {
            #expect(error.name == "org.example.test.Failed")
            #expect(error.parameters["why"] == .string("on purpose"))
        }
        try await server.stop()
    }

    @Test func aMissingSocketIsAConnectErrorWithItsErrno() {
        #expect {
            try VarlinkSingleCall.call(unixSocketPath: "/nonexistent/io.example", method: "org.example.test.Echo")
        } throws: { error in
            (error as? VarlinkConnectError)?.code == ENOENT
        }
    }

    @Test func aServiceThatHangsUpBeforeReplyingIsAClosedConnection() async throws {
        let directory = TemporaryDirectory()
        let path = directory.file("hangs-up")
        let listener = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        #expect(withUnixAddress(path) { bind(listener, $0, $1) } == 0 && listen(listener, 1) == 0)
        // Reads the call, then closes without a word.
        let peer = Task.detached {
            let connection = accept(listener, nil, nil)
            var buffer = [UInt8](repeating: 0, count: 256)
            _ = recv(connection, &buffer, buffer.count, 0)
            close(connection)
        }
        await #expect(throws: VarlinkClientError.connectionClosed) {
            try await offThread { try VarlinkSingleCall.call(unixSocketPath: path, method: "org.example.test.Echo", parameters: ["text": .string("hi")]) }
        }
        await peer.value
    }
}
