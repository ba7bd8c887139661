import Foundation
import Glibc
import NIOCore
import TestSupport
import Testing
@testable import Varlink

@Suite("Varlink server", .timeLimit(.minutes(1)))
struct VarlinkServerTests {
    @Test func pipelinedCallsAreAnsweredInOrder() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        // The slow call comes first: its reply must still come first.
        try await socket.send(
            #"{"method":"org.example.test.Sleep","parameters":{"milliseconds":150}}"# + "\0"
                + #"{"method":"org.example.test.Echo","parameters":{"text":"second"}}"# + "\0"
                + #"{"method":"org.example.test.Echo","parameters":{"text":"third"}}"#)
        let first = await socket.receiveJSON()
        let second = await socket.receiveJSON()
        let third = await socket.receiveJSON()
        #expect(first?.object("parameters")?.int("slept") == 150)
        #expect(second?.object("parameters")?.string("text") == "second")
        #expect(third?.object("parameters")?.string("text") == "third")
        try await server.stop()
    }

    @Test func moreGivesSeveralRepliesEachButTheLastContinuing() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        try await socket.send(#"{"method":"org.example.test.Count","parameters":{"to":3},"more":true}"#)
        var replies: [JSONObject] = []
        for _ in 0..<3 { if let reply = await socket.receiveJSON() { replies.append(reply) } }
        #expect(replies.map { $0.object("parameters")?.int("n") } == [1, 2, 3])
        #expect(replies.map { $0.bool("continues") ?? false } == [true, true, false])
        // The connection is free for the next call once the last reply is out.
        try await socket.send(#"{"method":"org.example.test.Echo","parameters":{"text":"after"}}"#)
        #expect(await socket.receiveJSON()?.object("parameters")?.string("text") == "after")
        try await server.stop()
    }

    @Test func onewayCallsGetNoReply() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        try await socket.send(#"{"method":"org.example.test.Echo","parameters":{"text":"quiet"},"oneway":true}"#)
        try await socket.send(#"{"method":"org.example.test.Echo","parameters":{"text":"loud"}}"#)
        // The first message to arrive answers the second call.
        #expect(await socket.receiveJSON()?.object("parameters")?.string("text") == "loud")
        #expect(await socket.receive(timeout: 0.2) == nil)
        try await server.stop()
    }

    @Test(arguments: [
        (#"{"method":"org.example.nothing.Echo"}"#, "org.varlink.service.InterfaceNotFound", "interface", "org.example.nothing"),
        (#"{"method":"org.example.test.Nothing"}"#, "org.varlink.service.MethodNotFound", "method", "org.example.test.Nothing"),
        (#"{"method":"org.example.test.Unimplemented"}"#, "org.varlink.service.MethodNotImplemented", "method", "org.example.test.Unimplemented"),
        (#"{"method":"org.example.test.Echo","parameters":{"text":5}}"#, "org.varlink.service.InvalidParameter", "parameter", "text"),
        (#"{"method":"org.example.test.Echo","parameters":{}}"#, "org.varlink.service.InvalidParameter", "parameter", "text"),
        (#"{"method":"org.example.test.Store","parameters":{"items":[{"count":1}]}}"#, "org.varlink.service.InvalidParameter", "parameter", "items"),
        (#"{"method":"org.example.test.Fail"}"#, "org.example.test.Failed", "why", "on purpose"),
        (#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"org.example.none"}}"#, "org.varlink.service.InterfaceNotFound", "interface", "org.example.none"),
    ])
    func errorsNameWhatWasWrong(call: String, error: String, parameter: String, value: String) async throws {
        let server = try TestServer()
        let reply = try await server.call(call)
        #expect(reply?.string("error") == error)
        #expect(reply?.object("parameters")?.string(parameter) == value)
        try await server.stop()
    }

    @Test func permissionDeniedAndExpectedMoreHaveNoParameters() async throws {
        let server = try TestServer()
        #expect(try await server.call(#"{"method":"org.example.test.Secret"}"#)?.string("error") == "org.varlink.service.PermissionDenied")
        #expect(try await server.call(#"{"method":"org.example.test.Count","parameters":{"to":2}}"#)?.string("error") == "org.varlink.service.ExpectedMore")
        try await server.stop()
    }

    @Test func introspectionListsAndDescribesEveryInterface() async throws {
        let server = try TestServer()
        let info = try await server.call(#"{"method":"org.varlink.service.GetInfo"}"#)?.object("parameters")
        #expect(info?["interfaces"] as? [String] == ["org.varlink.service", "org.example.test"])
        #expect(info?.string("vendor") == "Example")
        let description = try await server.call(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"org.example.test"}}"#)
        #expect(description?.object("parameters")?.string("description") == TestServer.description)
        try await server.stop()
    }

    @Test(arguments: [
        "{this is not json",
        #"{"parameters":{}}"#,
        #"["method"]"#,
    ])
    func aBrokenMessageClosesOnlyItsOwnConnection(message: String) async throws {
        let server = try TestServer()
        let bystander = try server.connect()
        let offender = try server.connect()
        try await offender.send(message)
        #expect(await offender.waitForClose())
        try await bystander.send(#"{"method":"org.example.test.Echo","parameters":{"text":"fine"}}"#)
        #expect(await bystander.receiveJSON()?.object("parameters")?.string("text") == "fine")
        try await server.stop()
    }

    @Test func anOverlongMessageClosesTheConnectionAndOthersCarryOn() async throws {
        let server = try TestServer(limits: VarlinkServerLimits(maximumMessageSize: 4096))
        let bystander = try server.connect()
        let offender = try server.connect()
        let huge = #"{"method":"org.example.test.Echo","parameters":{"text":""# + String(repeating: "a", count: 8192) + #""}}"#
        try? await offender.send(huge)
        #expect(await offender.waitForClose())
        // Just under the limit still works.
        let fits = #"{"method":"org.example.test.Echo","parameters":{"text":""# + String(repeating: "b", count: 4000) + #""}}"#
        try await bystander.send(fits)
        #expect(await bystander.receiveJSON()?.object("parameters")?.string("text")?.count == 4000)
        try await server.stop()
    }

    @Test func aClientThatHangsUpMidMessageLeavesTheServerServing() async throws {
        let server = try TestServer()
        do {
            let quitter = try server.connect()
            try await quitter.send(#"{"method":"org.example.test.Echo","para"#, terminated: false)
        }
        try await Task.sleep(for: .milliseconds(50))
        let reply = try await server.call(#"{"method":"org.example.test.Echo","parameters":{"text":"still here"}}"#)
        #expect(reply?.object("parameters")?.string("text") == "still here")
        try await server.stop()
    }

    @Test func connectionsBeyondTheLimitAreRefusedWithAnErrorUntilOneFrees() async throws {
        let server = try TestServer(limits: VarlinkServerLimits(maximumConnections: 2))
        try await expectTwoAdmittedThenARefusalUntilOneFrees(server, perUser: false, afterRefusal: {
            #expect(server.state.connectionsRefused == 1)
        })
        try await server.stop()
    }

    /// Every connection of the test process has the same uid, so here one user fills their
    /// share; the daemon tests (AbuseTests) show another user getting in meanwhile.
    @Test func oneUsersConnectionsBeyondTheirLimitAreRefusedWithAnError() async throws {
        let server = try TestServer(limits: VarlinkServerLimits(maximumConnections: 10, maximumConnectionsPerUser: 2))
        try await expectTwoAdmittedThenARefusalUntilOneFrees(server, perUser: true, whenFull: {
            #expect(server.state.activeConnections(uid: getuid()) == 2)
        })
        try await server.stop()
    }

    /// Two connections take the places a limit of two leaves; a third, refused before anything
    /// is read, gets the refusal instead of an answer to the call it sent at once, then the
    /// close; once the first has gone, a new connection gets in.
    private func expectTwoAdmittedThenARefusalUntilOneFrees(_ server: TestServer, perUser: Bool, whenFull: () -> Void = {}, afterRefusal: () -> Void = {},
                                                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var first: RawVarlinkSocket? = try server.connect()
        let second = try server.connect()
        for socket in [first!, second] {
            try await socket.send(#"{"method":"org.example.test.Echo","parameters":{"text":"in"}}"#)
            #expect(await socket.receiveJSON() != nil, sourceLocation: sourceLocation)
        }
        whenFull()
        let third = try server.connect()
        try? await third.send(#"{"method":"org.example.test.Echo","parameters":{"text":"too many"}}"#)
        let refusal = await third.receiveJSON(timeout: 5)
        #expect(refusal?.string("error") == "org.example.test.TooManyConnections", sourceLocation: sourceLocation)
        #expect(refusal?.object("parameters")?.bool("perUser") == perUser, sourceLocation: sourceLocation)
        #expect(refusal?.object("parameters")?.int("maximum") == 2, sourceLocation: sourceLocation)
        #expect(await third.receive(timeout: 5) == nil && third.closed, sourceLocation: sourceLocation)
        afterRefusal()

        first = nil
        // The server notices the close asynchronously; a new client gets in once it has.
        var admitted: String?
        for _ in 0..<50 where admitted == nil {
            let fourth = try server.connect()
            try? await fourth.send(#"{"method":"org.example.test.Echo","parameters":{"text":"now"}}"#)
            admitted = await fourth.receiveJSON(timeout: 1)?.object("parameters")?.string("text")
            if admitted == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(admitted == "now", "a place freed by a close is taken again", sourceLocation: sourceLocation)
        _ = first
    }

    @Test func connectionsAreCountedPerUserAndTheUsersOwnLimitIsNamedFirst() {
        var counts = VarlinkConnectionCounts()
        let limits = VarlinkServerLimits(maximumConnections: 3, maximumConnectionsPerUser: 2)
        #expect(counts.admit(uid: 1000, limits: limits) == nil)
        #expect(counts.admit(uid: 1000, limits: limits) == nil)
        #expect(counts.admit(uid: 1000, limits: limits) == VarlinkConnectionRefusal(limit: .user(1000), maximum: 2))
        #expect(counts.admit(uid: 1001, limits: limits) == nil, "another user still gets in")
        #expect(counts.admit(uid: 1002, limits: limits) == VarlinkConnectionRefusal(limit: .server, maximum: 3))
        #expect(counts.admit(uid: 1000, limits: limits) == VarlinkConnectionRefusal(limit: .user(1000), maximum: 2), "at their own limit, a user hears of it")
        #expect(counts.admit(uid: nil, limits: limits) == VarlinkConnectionRefusal(limit: .server, maximum: 3))
        counts.release(uid: 1000)
        #expect(counts.total == 2 && counts.open(uid: 1000) == 1)
        #expect(counts.admit(uid: nil, limits: limits) == nil, "without credentials only the server's limit counts")
        counts.release(uid: nil)
        counts.release(uid: 1000)
        counts.release(uid: 1001)
        #expect(counts.total == 0 && counts.open(uid: 1000) == 0 && counts.open(uid: 1001) == 0)
    }

    @Test func aFloodOfRefusalsIsOneLogLinePerInterval() {
        let state = VarlinkServerState(limits: VarlinkServerLimits(maximumConnections: 1))
        let start = ContinuousClock.now
        #expect(state.refusalsToLog(.server, now: start) == 1, "the first refusal is logged at once")
        for second in 1..<10 {
            #expect(state.refusalsToLog(.server, now: start + .seconds(second)) == nil)
        }
        #expect(state.refusalsToLog(.server, now: start + .seconds(10)) == 10, "the next line counts those held back")
        #expect(state.refusalsToLog(.server, now: start + .seconds(11)) == nil)
    }

    @Test func eachLimitedUserIsNamedOncePerMinute() {
        var log = VarlinkRefusalLog()
        let start = ContinuousClock.now
        #expect(log.refusalsToLog(.user(1000), now: start) == 1, "the first refusal of a user is logged at once")
        #expect(log.refusalsToLog(.user(1000), now: start + .seconds(1)) == nil)
        #expect(log.refusalsToLog(.user(1001), now: start + .seconds(2)) == 1, "another user is named at once too")
        #expect(log.refusalsToLog(.server, now: start + .seconds(3)) == 1, "so is the server's limit")
        for second in 4..<60 {
            #expect(log.refusalsToLog(.user(1000), now: start + .seconds(second)) == nil)
        }
        #expect(log.refusalsToLog(.user(1000), now: start + .seconds(60)) == 58, "a minute on, with the refusals held back")
        #expect(log.refusalsToLog(.user(1001), now: start + .seconds(600)) == 1, "long after, like a first refusal")
    }

    @Test func aClientThatNeverReadsItsRepliesIsClosedAfterTheSendTimeout() async throws {
        // A shutdown timeout too: without the send timeout, the stuck connection would hold up
        // the stop for ever.
        let server = try TestServer(limits: VarlinkServerLimits(sendTimeout: .seconds(1)), shutdownTimeout: .seconds(1))
        let stuck = try server.connect()
        // Replies far beyond what the socket buffers hold, never read.
        try await stuck.send(#"{"method":"org.example.test.Count","parameters":{"to":100000000},"more":true}"#)
        #expect(await stuck.waitForHangUpWithoutReading(timeout: 20), "the stuck connection was closed")
        #expect(try await server.call(#"{"method":"org.example.test.Echo","parameters":{"text":"still here"}}"#)?.object("parameters")?.string("text") == "still here")
        for _ in 0..<100 where server.state.activeConnections > 0 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(server.state.activeConnections == 0, "its place was released")
        do {
            try await server.stop()
        } catch is CancellationError {}
    }

    @Test func aClientThatReadsSlowerThanTheServerWritesIsNotClosed() async throws {
        let server = try TestServer(limits: VarlinkServerLimits(sendTimeout: .seconds(5)))
        let socket = try server.connect()
        // Some 1.2 MiB, several socket buffers' worth, read with pauses of a second: replies
        // wait each time, none as long as the timeout.
        let count = 30_000
        try await socket.send(#"{"method":"org.example.test.Count","parameters":{"to":\#(count)},"more":true}"#)
        var received = 0
        while received < count, let reply = await socket.receiveJSON(timeout: 10) {
            received += 1
            if received % 5_000 == 0 { try await Task.sleep(for: .seconds(1)) }
            if reply.bool("continues") != true { break }
        }
        #expect(received == count)
        #expect(!socket.closed)
        try await server.stop()
    }

    @Test func idleConnectionsAreClosedButBusyOnesAreNot() async throws {
        // The timeout is generous enough that the busy call surely arrives in time on a loaded
        // machine; the call then lasts well past it.
        let server = try TestServer(limits: VarlinkServerLimits(idleTimeout: .seconds(1)))
        let idle = try server.connect()
        let busy = try server.connect()
        try await busy.send(#"{"method":"org.example.test.Sleep","parameters":{"milliseconds":2500}}"#)
        var started = server.sleepsStarted.makeAsyncIterator()
        #expect(await started.next() == 2500)
        #expect(await idle.waitForClose(timeout: 10))
        #expect(await busy.receiveJSON(timeout: 10)?.object("parameters")?.int("slept") == 2500)
        #expect(await busy.waitForClose(timeout: 10))
        try await server.stop()
    }

    @Test func gracefulShutdownLetsTheCallInProgressFinish() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        try await socket.send(#"{"method":"org.example.test.Sleep","parameters":{"milliseconds":300}}"#)
        var started = server.sleepsStarted.makeAsyncIterator()
        #expect(await started.next() == 300)
        async let stopped: Void = server.stop()
        #expect(await socket.receiveJSON()?.object("parameters")?.int("slept") == 300)
        #expect(await socket.waitForClose())
        try await stopped
    }

    @Test func theClientMatchesRepliesToConcurrentCalls() async throws {
        let server = try TestServer()
        let client = try await VarlinkClient.connect(unixSocketPath: server.path)
        async let slow = client.call("org.example.test.Sleep", parameters: ["milliseconds": .int(100)])
        try await Task.sleep(for: .milliseconds(10))
        async let fast = client.call("org.example.test.Echo", parameters: ["text": .string("x")])
        #expect(try await slow["slept"] == .int(100))
        #expect(try await fast["text"] == .string("x"))

        var counted: [JSONValue?] = []
        for try await reply in client.stream("org.example.test.Count", parameters: ["to": .int(3)]) {
            counted.append(reply["n"])
        }
        #expect(counted == [.int(1), .int(2), .int(3)])

        await #expect(throws: VarlinkError("org.example.test.Failed", parameters: ["why": .string("on purpose")])) {
            _ = try await client.call("org.example.test.Fail")
        }
        await client.close()
        try await server.stop()
    }

    @Test func theClientReportsWhyItCouldNotConnect() async throws {
        let directory = TemporaryDirectory()
        await #expect {
            _ = try await VarlinkClient.connect(unixSocketPath: directory.file("absent.sock"))
        } throws: { error in
            (error as? VarlinkConnectError)?.code == ENOENT
        }
    }
}

@Suite("Varlink server, half-closed connections", .timeLimit(.minutes(1)))
struct VarlinkHalfCloseTests {
    @Test func aClientThatStopsSendingStillGetsItsReplies() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        try await socket.send(#"{"method":"org.example.test.Echo","parameters":{"text":"one"}}"# + "\0" + #"{"method":"org.example.test.Echo","parameters":{"text":"two"}}"#)
        shutdown(socket.fd, Int32(SHUT_WR))
        #expect(await socket.receiveJSON()?.object("parameters")?.string("text") == "one")
        #expect(await socket.receiveJSON()?.object("parameters")?.string("text") == "two")
        #expect(await socket.waitForClose())
        try await server.stop()
    }

    @Test func anUpgradeIsNotOffered() async throws {
        let server = try TestServer()
        let reply = try await server.call(#"{"method":"org.example.test.Echo","parameters":{"text":"x"},"upgrade":true}"#)
        #expect(reply?.string("error") == "org.varlink.service.MethodNotImplemented")
        try await server.stop()
    }
}

@Suite("Varlink server under pressure", .timeLimit(.minutes(1)))
struct VarlinkPressureTests {
    private static let call = #"{"method":"org.example.test.Echo","parameters":{"text":"p"}}"#

    @Test func thousandsOfPipelinedCallsAreAllAnsweredInOrder() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        let count = 3_000
        let batch = (0..<count).map { #"{"method":"org.example.test.Echo","parameters":{"text":"\#($0)"}}"# }.joined(separator: "\0")
        async let sent: Void = socket.send(batch)
        var texts: [String] = []
        for _ in 0..<count {
            guard let reply = await socket.receiveJSON() else { break }
            texts.append(reply.object("parameters")?.string("text") ?? "?")
        }
        try await sent
        #expect(texts == (0..<count).map(String.init))
        try await server.stop()
    }

    @Test func aClientThatStopsSendingAndReadsSlowlyLosesNoReply() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        // Far more replies than the socket buffers hold. The client sends while it reads, as a
        // pipelining client must (the server reads no further while its replies go unread).
        let count = 10_000
        let batch = Array(repeating: Self.call, count: count).joined(separator: "\0")
        async let sent: Void = {
            try await socket.send(batch)
            shutdown(socket.fd, Int32(SHUT_WR))
        }()
        try await Task.sleep(for: .milliseconds(300))
        var received = 0
        while await socket.receiveJSON(timeout: 5) != nil { received += 1 }
        try await sent
        #expect(received == count)
        try await server.stop()
    }

    @Test func aHandlerThatForgetsItsLastReplyGetsOneSentForItAndTheNextCallIsUnaffected() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        try await socket.send(#"{"method":"org.example.test.Forgetful","more":true}"# + "\0" + Self.call)
        let first = await socket.receiveJSON()
        #expect(first?.bool("continues") == true)
        let closing = await socket.receiveJSON()
        #expect(closing?.string("error") == "org.example.test.Failed")
        #expect(closing?.bool("continues") != true)
        #expect(await socket.receiveJSON()?.object("parameters")?.string("text") == "p")
        try await server.stop()
    }

    @Test func aReplyThatCannotBeEncodedIsAnsweredWithAnErrorAndTheNextCallIsUnaffected() async throws {
        let server = try TestServer()
        let socket = try server.connect()
        try await socket.send(#"{"method":"org.example.test.Unencodable"}"# + "\0" + Self.call)
        let failed = await socket.receiveJSON()
        #expect(failed?.string("error") == "org.example.test.Failed")
        #expect(await socket.receiveJSON()?.object("parameters")?.string("text") == "p")
        try await server.stop()
    }

    @Test func anUnknownParameterIsNamedEvenBesideValidOnes() async throws {
        let server = try TestServer()
        let reply = try await server.call(#"{"method":"org.example.test.Echo","parameters":{"text":"a","txet":"b"}}"#)
        #expect(reply?.string("error") == "org.varlink.service.InvalidParameter")
        #expect(reply?.object("parameters")?.string("parameter") == "txet")
        try await server.stop()
    }

    @Test func shutdownDoesNotHangOnASubscriberThatStoppedReading() async throws {
        let server = try TestServer(shutdownTimeout: .milliseconds(500))
        let socket = try server.connect()
        // A subscription far larger than the socket buffers, never read.
        try await socket.send(#"{"method":"org.example.test.Count","parameters":{"to":100000000},"more":true}"#)
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        // On a loaded machine the drain can outlast the 500 ms, and the group then cancels what
        // is left and reports it: either way the point is that the stop returns.
        do {
            try await server.stop()
        } catch is CancellationError {}
        #expect(ContinuousClock.now - started < .seconds(10))
        _ = socket
    }
}
