import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

/// Slow and stuck clients against the real daemon: one that never reads its replies, one that
/// sends a byte a second, and idle connections under a short `[varlink] idle_timeout`. The
/// daemon answers each connection's calls one at a time and reads only between calls
/// (VarlinkConnectionHandler), so a stuck client holds up its own connection and nobody else's.
///
/// As in AbuseTests, a well-behaved client calls GetStatus on its own connection throughout and
/// must get every answer right within `AbuseScene.prompt` seconds.
@Suite("Slow and stuck clients", .serialized, .timeLimit(.minutes(3)))
struct SlowClientTests {
    static let status = #"{"method":"io.mediationd.Service.GetStatus"}"#
    static let info = #"{"method":"org.varlink.service.GetInfo"}"#
    static let longList = #"{"method":"io.mediationd.Cases.List","parameters":{"limit":500}}"#

    @Test func clientsThatNeverReadTheirRepliesDelayNobodyAndLoseNothing() async throws {
        let scene = try await AbuseScene.start()
        // Enough cases that a list of 500 is a long reply (about 100 KiB).
        try CaseSeeder(database: scene.daemon.stateDirectory + "/mediationd.sqlite")
            .seed(prefix: "SLOW", count: 600, reminderAt: "4102444800000", stage: "upcoming-5", reminderDate: "2099-12-24", due: "2099-12-31")
        let descriptors = scene.gauge.openDescriptors
        scene.gauge.resetPeak()
        let residentBefore = scene.gauge.residentKiB ?? 0

        // One client floods long replies, one floods short ones alternating two methods (so the
        // order of the answers can be checked); neither reads. Each sends until the daemon
        // stops taking its calls: its replies fill the socket, so it stops reading.
        let lister = try scene.connect()
        let flooder = try scene.connect()
        let calls = [Self.status, Self.info]
        let (listed, floodSent) = await offThread {
            (sendUntilStuck(lister, calls: [Self.longList]), sendUntilStuck(flooder, calls: calls))
        }
        print("slow: the non-reading clients got \(listed.frames) long and \(floodSent.frames) short calls in before they were stuck")
        #expect(listed.frames > 1 && floodSent.frames > 10)

        // Meanwhile others are served: the steady client, and new clients asking for the same
        // long list.
        await scene.steady.waitForCalls(20, timeout: 20)
        for _ in 0..<5 {
            let started = Date()
            let reply = try await scene.exchange(Array(Self.longList.utf8) + [0])
            #expect(Date().timeIntervalSince(started) < AbuseScene.prompt)
            #expect(reply.answer?.object("parameters")?.int("total") == 600, "\(reply)")
            #expect((reply.answer?.object("parameters")?["cases"] as? [Any])?.count == 500)
        }
        let peak = scene.reportPeak(during: "clients that never read", residentBefore: residentBefore)
        #expect(peak - residentBefore < 16 << 10, "a client that does not read must not make the daemon hold its replies: it grew by \(peak - residentBefore) KiB")

        // When the flooder reads at last, every call it sent is answered, in order.
        let answers = await offThread { () -> [String] in
            let remainder = floodSent.remainder
            let sender = Thread { try? flooder.blockingSend(bytes: remainder) }
            sender.start()
            let expected = floodSent.frames + (remainder.isEmpty ? 0 : 1)
            var answers: [String] = []
            while answers.count < expected, let answer = flooder.blockingReceive(timeout: 15) { answers.append(answer) }
            return answers
        }
        let expected = floodSent.frames + (floodSent.remainder.isEmpty ? 0 : 1)
        #expect(answers.count == expected, "\(expected) calls were sent, \(answers.count) answered")
        let misplaced = answers.indices.filter { index in
            let parameters = JSONObject(answers[index])?.object("parameters")
            return index % 2 == 0 ? parameters?.string("version") != MediationVersion.string : parameters?["interfaces"] == nil
        }
        #expect(misplaced.isEmpty, "answers out of order or wrong at \(misplaced.prefix(5))")

        // The clients go away (the client that never read, with its calls still waiting); their
        // connections are released, and every descriptor with them.
        shutdown(lister.fd, Int32(SHUT_RDWR))
        shutdown(flooder.fd, Int32(SHUT_RDWR))
        #expect(await scene.waitForDescriptors(atMost: descriptors) == descriptors)
        await scene.finish()
    }

    @Test func aClientSendingOneByteASecondDelaysNobody() async throws {
        let scene = try await AbuseScene.start()
        let trickler = try scene.connect()
        let call = Array(#"{"method":"io.mediationd.Service.GetStatus"}"#.utf8) + [0]
        let dribbled = 6
        // The first bytes one a second, on a thread of their own...
        let dribbling = Task {
            await offThread {
                for byte in call.prefix(dribbled) {
                    try? trickler.blockingSend(bytes: [byte])
                    sleep(1)
                }
            }
        }
        // ...while new clients are answered as usual, each promptly.
        var answered = 0
        let started = Date()
        while Date().timeIntervalSince(started) < Double(dribbled) - 1 {
            let before = Date()
            let reply = try await scene.exchange(Array(Self.status.utf8) + [0])
            #expect(reply.text.map(AbuseScene.isStatus) == true, "\(reply)")
            #expect(Date().timeIntervalSince(before) < AbuseScene.prompt)
            answered += 1
            try await Task.sleep(for: .milliseconds(200))
        }
        await dribbling.value
        #expect(answered >= 5)
        // The slow client's call, once complete, is answered too: the daemon kept what came.
        try await trickler.send(bytes: Array(call.dropFirst(dribbled)))
        #expect(await trickler.receive(timeout: 10).map(AbuseScene.isStatus) == true)
        await scene.finish()
    }

    @Test func idleConnectionsAreClosedAfterTheTimeoutAndBusyOnesAreNot() async throws {
        let timeout = 2.0
        let scene = try await AbuseScene.start(varlink: #"idle_timeout = "2s""#)
        let path = scene.daemon.socketPath

        // Never makes a call: closed once the timeout has passed since it connected.
        let idle = Task {
            try await offThread { () throws -> Double? in
                let socket = try RawVarlinkSocket(path: path)
                let start = Date()
                return socket.blockingReceive(timeout: 15) == nil && socket.closed ? Date().timeIntervalSince(start) : nil
            }
        }
        // Makes one call: closed once the timeout has passed since its answer.
        let answeredOnce = Task {
            try await offThread { () throws -> Double? in
                let socket = try RawVarlinkSocket(path: path)
                try socket.blockingSend(Self.status)
                guard socket.blockingReceive(timeout: 10).map(AbuseScene.isStatus) == true else { return nil }
                let start = Date()
                return socket.blockingReceive(timeout: 15) == nil && socket.closed ? Date().timeIntervalSince(start) : nil
            }
        }
        // Calls every half second for three times the timeout: never closed.
        let busy = Task {
            try await offThread { () throws -> Int in
                let socket = try RawVarlinkSocket(path: path)
                var answered = 0
                for _ in 0..<12 {
                    try socket.blockingSend(Self.status)
                    if socket.blockingReceive(timeout: 10).map(AbuseScene.isStatus) == true { answered += 1 }
                    usleep(500_000)
                }
                return answered
            }
        }
        // A subscription waiting for events is a call in progress: its connection stays open
        // past the timeout, and the next event still reaches it.
        let subscriber = try scene.connect()
        try await subscriber.send(#"{"method":"io.mediationd.Cases.Watch","more":true}"#)
        // Sends part of a call, a byte a second: a call only counts once it is complete, so
        // this connection is idle, and is closed after the timeout like any idle one.
        let trickle = Task {
            try await offThread { () throws -> Double? in
                let socket = try RawVarlinkSocket(path: path)
                let start = Date()
                for byte in Self.status.utf8.prefix(12) {
                    if (try? socket.blockingSend(bytes: [byte])) == nil { break }
                    if socket.blockingReceive(timeout: 1) == nil, socket.closed { break }
                }
                return socket.closed || (socket.blockingReceive(timeout: 10) == nil && socket.closed) ? Date().timeIntervalSince(start) : nil
            }
        }

        let idleFor = try await idle.value
        let answeredOnceFor = try await answeredOnce.value
        let trickledFor = try await trickle.value
        #expect(try await busy.value == 12, "a connection in use is never closed for idleness")
        print("slow: idle_timeout 2s: an idle connection closed after \(idleFor.map { String(format: "%.2f", $0) } ?? "-") s, "
              + "one answered once after \(answeredOnceFor.map { String(format: "%.2f", $0) } ?? "-") s, a trickling one after \(trickledFor.map { String(format: "%.2f", $0) } ?? "-") s")
        for (name, elapsed) in [("an idle connection", idleFor), ("a connection after its answer", answeredOnceFor), ("a connection trickling a partial call", trickledFor)] {
            let seconds = try #require(elapsed, "\(name) was not closed")
            #expect(seconds >= timeout - 0.05, "\(name) was closed after \(seconds) s, before the timeout")
            #expect(seconds < timeout + 8, "\(name) was closed only after \(seconds) s")
        }

        #expect(await subscriber.receive(timeout: 0.5) == nil && !subscriber.closed, "the subscription outlived the timeout")
        let registered = try await scene.exchange(Array(#"{"method":"io.mediationd.Cases.Register","parameters":{"agency":"Belastingdienst","subject":"Toeslag","complainant":{"name":"N. N.","contact":"n@example.nl"}}}"#.utf8) + [0])
        #expect(registered.errorName == nil, "\(registered)")
        let event = await subscriber.receiveJSON(timeout: 10)
        #expect(event?.bool("continues") == true, "the subscriber got the event of the case registered: \(String(describing: event?.values))")
        await scene.finish()
    }
}

/// Sends `calls` in turn, pipelined, without reading and without blocking, until the peer has
/// taken nothing for `quiet` seconds. Returns how many calls went out whole and the rest of the
/// one cut short, if any.
private func sendUntilStuck(_ socket: RawVarlinkSocket, calls: [String], quiet: Double = 1) -> (frames: Int, remainder: [UInt8]) {
    let frames = calls.map { Array($0.utf8) + [0] }
    var sent = 0
    var lastProgress = Date()
    while Date().timeIntervalSince(lastProgress) < quiet {
        let frame = frames[sent % frames.count]
        let written = frame.withUnsafeBytes { Glibc.send(socket.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
        if written == frame.count {
            sent += 1
            lastProgress = Date()
        } else if written > 0 {
            return (sent, Array(frame[written...]))
        } else {
            usleep(20_000)
        }
    }
    return (sent, [])
}
