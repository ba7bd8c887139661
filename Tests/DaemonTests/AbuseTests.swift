import Foundation
import Glibc
import MediationService
import TestSupport
import Testing
import Varlink

/// Hostile clients against the real daemon: a thousand connections at once, messages of 16 MiB,
/// JSON nested 100,000 deep, broken UTF-8, NUL bytes, numbers beyond 64 bits, and every method
/// called with every parameter missing, null or of the wrong type.
///
/// Each test runs one daemon with a well-behaved bystander (`SteadyClient`) calling GetStatus on
/// its own connection throughout: every one of its calls must be answered correctly within
/// `AbuseScene.prompt` seconds, which proves the daemon kept serving everyone else. The peak
/// memory (VmHWM, reset just before the abuse) is printed as "abuse: peak VmHWM …".
@Suite("Abuse of the Varlink socket", .serialized, .timeLimit(.minutes(4)))
struct AbuseTests {
    // MARK: A thousand connections

    @Test func aThousandConcurrentConnectionsAreAnsweredOrRefusedAndLeaveNoDescriptorBehind() async throws {
        #expect(raiseDescriptorLimit(to: 4096) >= 2100, "the test needs 1000 client sockets")
        // The flood is this test's own user's, as are the steady client and the observer: the
        // user's limit is raised beyond the server's, so that the server's is the one reached.
        let scene = try await AbuseScene.start(varlink: "max_connections_per_user = 1024")
        // The observer is admitted before the flood, like the steady client, so it can still ask
        // for the daemon's status while the flood holds every other place.
        let observer = try scene.connect()
        let limit = try #require(await scene.listener(observer)?.int("maximumConnections"))
        #expect(limit == 512, "the shipped default of [varlink] max_connections")

        // Warm up first, so what the daemon opens lazily on the first concurrent calls (database
        // readers, say) is open before the baseline is taken.
        let warmUp = ConnectionFlood()
        let warmed = await offThread { warmUp.run(path: scene.daemon.socketPath, count: 50, message: AbuseScene.getStatus, timeout: 30) }
        #expect(warmed.allSatisfy { if case .answered(let text) = $0 { AbuseScene.isStatus(text) } else { false } })
        warmUp.closeAll()
        #expect(await scene.waitForActiveConnections(2, observer: observer), "the steady client and the observer")
        let baseline = scene.gauge.openDescriptors
        scene.gauge.resetPeak()
        let residentBefore = scene.gauge.residentKiB ?? 0

        let flood = ConnectionFlood()
        let started = Date()
        let outcomes = await offThread { flood.run(path: scene.daemon.socketPath, count: 1000, message: AbuseScene.getStatus, timeout: 60) }
        let stillOpen = await offThread { flood.settle(timeout: 20) }
        let elapsed = Date().timeIntervalSince(started)

        var answered = 0, refused = 0, answeredThenClosed = 0, refusedButOpen = 0, wrong: [String] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .answered(let text) where AbuseScene.isStatus(text):
                answered += 1
                if flood.peerClosed[index] { answeredThenClosed += 1 }
            case .answered(let text) where AbuseScene.isRefusal(text, limit: "server"):
                refused += 1
                if !flood.peerClosed[index] { refusedButOpen += 1 }
            case .answered(let text): wrong.append(String(text.prefix(200)))
            case .closed: wrong.append("connection \(index) was closed without the refusal")
            case .silent: wrong.append("connection \(index) got neither an answer nor a close")
            case .connectFailed(let code): wrong.append("connection \(index) could not connect: \(String(cString: strerror(code)))")
            }
        }
        print("abuse: 1000 connections in \(String(format: "%.1f", elapsed)) s: \(answered) answered (\(answeredThenClosed) of them then closed), "
              + "\(refused) refused with TooManyConnections, \(stillOpen) still open; daemon fds \(scene.gauge.openDescriptors) (baseline \(baseline))")
        #expect(wrong.isEmpty, "\(wrong.count) wrong: \(wrong.prefix(3))")
        // Every client either got the right answer or was refused, with the error, and closed;
        // exactly as many stay open as the limit leaves room for beside the steady client and the
        // observer: an admitted connection stays open.
        #expect(answered + refused == 1000)
        #expect(refusedButOpen == 0, "a refused connection is closed after its error")
        #expect(stillOpen == limit - 2)
        #expect(answered - answeredThenClosed == limit - 2, "every admitted connection was answered")
        // VarlinkServerLimits: "further clients are refused on accept". A client refused by the
        // limit must not have its call run first: otherwise every client accepted before the
        // accept loop gets round to refusing it is served beyond the limit.
        #expect(answeredThenClosed == 0, "\(answeredThenClosed) connections beyond max_connections had their call answered before they were closed")
        let listener = try #require(await scene.listener(observer))
        #expect(listener.int("activeConnections") == limit)

        // While the daemon is full, a newcomer is refused; the clients already in are served.
        let newcomer = try scene.connect()
        try? await newcomer.send(AbuseScene.getStatus)
        #expect(await newcomer.receive(timeout: 10).map { AbuseScene.isRefusal($0, limit: "server") } == true, "a client beyond the limit hears why")
        #expect(await newcomer.waitForClose(timeout: 10), "a client beyond the limit is closed")

        flood.closeAll()
        #expect(await scene.waitForActiveConnections(2, observer: observer), "every flood connection was released")
        // Every descriptor of the flood is closed again: none leaked.
        let settledDescriptors = await scene.waitForDescriptors(atMost: baseline)
        #expect(settledDescriptors == baseline, "the daemon had \(baseline) descriptors open before the flood and \(settledDescriptors) after")
        scene.reportPeak(during: "1000 connections", residentBefore: residentBefore)

        // A new client is admitted and served again.
        let after = try scene.connect()
        try await after.send(AbuseScene.getStatus)
        #expect(await after.receive(timeout: 10).map(AbuseScene.isStatus) == true)
        await scene.finish()
    }

    // MARK: One user's flood

    /// A user with no role at all (introspection is open to everyone) opens 600 connections,
    /// pipelines GetInterfaceDescription on each and never reads, as in issue 13. Their user
    /// gets max_connections_per_user places and no more; every connection beyond gets the
    /// refusal and is closed; the connections they got are closed once a reply has waited the
    /// send timeout. Throughout, this test's own user (root) is served: the steady client, and
    /// a new connection every 100 ms.
    @Test func oneUserFloodingConnectionsThatNeverReadLocksNobodyElseOut() async throws {
        #expect(raiseDescriptorLimit(to: 4096) >= 1300, "the flooder needs 600 client sockets")
        let sendTimeout = 2.0
        let scene = try await AbuseScene.start(varlink: #"send_timeout = "2s""#)
        let daemon = scene.daemon
        StuckFlood.openToEveryone(socket: daemon.socketPath, through: [daemon.directory.path, daemon.directory.file("run")])
        let observer = try scene.connect()
        let floodingUID: uid_t = 65534
        let perUser = 32  // the shipped default of [varlink] max_connections_per_user
        let flood = try StuckFlood(
            socketPath: daemon.socketPath, uid: floodingUID, connections: 600,
            call: #"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"io.mediationd.Cases"}}"#,
            refusalError: "io.mediationd.Service.TooManyConnections", watch: 30)

        var newcomers = 0, mostActive = 0
        var failures: [String] = []
        while flood.isRunning {
            let reply = try await scene.exchange(Array(AbuseScene.getStatus.utf8) + [0])
            newcomers += 1
            if reply.text.map(AbuseScene.isStatus) != true { failures.append("newcomer \(newcomers): \(reply)") }
            if let active = await scene.listener(observer)?.int("activeConnections") { mostActive = max(mostActive, active) }
            try await Task.sleep(for: .milliseconds(100))
        }
        let report = try await flood.report(timeout: 10)
        print("abuse: one user's 600 stuck connections: \(report.admitted) admitted, \(report.refused) refused \(report.refusals), "
              + "\(report.stillOpen) still open after 30 s; closed \(String(format: "%.1f", report.stuckSeconds.max() ?? 0)) s at most after their last call got in "
              + "(send_timeout \(sendTimeout) s); \(report.callsSent) calls sent; \(newcomers) newcomers of another user, \(failures.count) not served; "
              + "at most \(mostActive) connections open")

        #expect(failures.isEmpty, "another user was not served during the flood: \(failures.prefix(3))")
        #expect(newcomers >= 5, "the flood lasted a while")
        #expect(report.connections == 600 && report.connectFailures == 0)
        #expect(report.refused >= 600 - 2 * perUser, "the flooder's connections beyond its share are refused")
        #expect(report.refusals == ["user": report.refused], "each refusal names the user's limit")
        #expect(report.admitted >= perUser, "the flooder got its share")
        // Its share and no more at any time: besides the flooder's, the steady client, the
        // observer, a newcomer and the one before it, whose close the daemon may not have seen.
        #expect(mostActive <= perUser + 4, "at most \(perUser) of one user's connections are open at once, saw \(mostActive) in all")
        #expect(report.stillOpen == 0 && report.admittedClosed == report.admitted, "every stuck connection was closed")
        // Closed once a reply waited send_timeout, give or take the flooder's last calls and a
        // loaded machine.
        #expect(report.stuckSeconds.allSatisfy { $0 < sendTimeout + 8 }, "stuck for up to \(report.stuckSeconds.max() ?? 0) s")

        // The journal names the user, once: the flood lasted less than a minute.
        let named = (daemon.process?.standardError ?? "").split(separator: "\n").filter { $0.contains("of uid \(floodingUID)") }
        #expect(named.count == 1, "\(named)")
        #expect(named.first?.contains("max_connections_per_user") == true)
        #expect(await scene.waitForActiveConnections(2, observer: observer), "every connection of the flooder was released")
        await scene.finish()
    }

    // MARK: Out of descriptors

    /// The daemon started with 64 descriptors, far fewer than max_connections needs: a flood of
    /// connections makes accept fail with EMFILE. The daemon pauses accepting (and says so)
    /// instead of trying again at once in a loop or stopping; it serves the clients it has
    /// meanwhile, and new ones once the flood has gone.
    @Test func aDaemonOutOfDescriptorsPausesAcceptingAndServesOnceTheFloodEnds() async throws {
        #expect(raiseDescriptorLimit(to: 4096) >= 600)
        let scene = try await AbuseScene.start(varlink: "max_connections_per_user = 512", launcher: ["/usr/bin/prlimit", "--nofile=64:64", "--"])
        let observer = try scene.connect()
        let cpuBefore = try #require(scene.gauge.cpuSeconds)
        let started = Date()
        let flood = ConnectionFlood()
        // Those the daemon cannot accept wait in the listen backlog: silent until it can. Fewer
        // than the backlog holds (SOMAXCONN, 128 with older headers) beside those the descriptors
        // allow, since a connect beyond it would block until the test's own connections close.
        let outcomes = await offThread { flood.run(path: scene.daemon.socketPath, count: 120, message: AbuseScene.getStatus, timeout: 8) }
        let elapsed = Date().timeIntervalSince(started)
        let cpu = try #require(scene.gauge.cpuSeconds) - cpuBefore
        let answered = outcomes.filter { if case .answered(let text) = $0 { AbuseScene.isStatus(text) } else { false } }.count
        let waiting = outcomes.filter { $0 == .silent }.count
        print("abuse: 120 connections to a daemon with 64 descriptors: \(answered) answered, \(waiting) waiting; "
              + "the daemon used \(String(format: "%.2f", cpu)) s of CPU in \(String(format: "%.1f", elapsed)) s")
        #expect(answered > 0 && waiting > 0, "the flood went beyond the descriptors")
        #expect(scene.gauge.isAlive)
        // Waiting, not trying again in a loop: a daemon that retried accept at once would use a
        // core for as long as the flood lasts.
        #expect(cpu < elapsed / 4, "the daemon used \(cpu) s of CPU in \(elapsed) s while it could not accept")
        let said = (scene.daemon.process?.standardError ?? "").split(separator: "\n").filter { $0.contains("accepting pauses") }
        #expect(said.count == 1, "the log says once (per minute) why accepting pauses: \(said)")
        #expect(said.first?.contains("Too many open files") == true)
        #expect(said.first?.contains("RLIMIT_NOFILE) is 64") == true)

        flood.closeAll()
        // Once the flood has gone, newcomers are served again.
        var served = false
        for _ in 0..<50 where !served {
            let reply = try await scene.exchange(Array(AbuseScene.getStatus.utf8) + [0], timeout: 5)
            served = reply.text.map(AbuseScene.isStatus) == true
            if !served { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(served, "a newcomer is served once the flood has gone")
        #expect(await scene.waitForActiveConnections(2, observer: observer), "every flood connection was released")
        await scene.finish()
    }

    // MARK: Message size

    @Test func messagesOf16MiBCloseOnlyTheirOwnConnectionWithoutBeingBuffered() async throws {
        let scene = try await AbuseScene.start()
        scene.gauge.resetPeak()
        let residentBefore = try #require(scene.gauge.residentKiB)

        // Three at once: were the daemon to buffer each whole, it would hold 48 MiB.
        let prefix = #"{"method":"io.mediationd.Service.GetStatus","parameters":{"padding":""#
        let suffix = #""}}"#
        let huge = [UInt8](prefix.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 16 << 20 - prefix.utf8.count - suffix.utf8.count) + [UInt8](suffix.utf8) + [0]
        #expect(huge.count == 16 << 20 + 1)
        let offenders = try (0..<3).map { _ in try scene.connect() }
        let outcomes = await withTaskGroup(of: (sent: Bool, answer: String?, closed: Bool).self) { group in
            for offender in offenders {
                group.addTask {
                    await offThread {
                        // The daemon closes the connection once it has read more than the limit
                        // without a terminator, so the send fails part way (EPIPE/ECONNRESET).
                        let sent = (try? offender.blockingSend(bytes: huge)) != nil
                        let answer = offender.blockingReceive(timeout: 15)
                        return (sent, answer, offender.closed)
                    }
                }
            }
            var outcomes: [(sent: Bool, answer: String?, closed: Bool)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        for outcome in outcomes {
            // VarlinkFrameDecoder: a message longer than max_message_size (1 MiB by default) is
            // a protocol violation, so the connection is closed; no error reply is specified.
            #expect(outcome.answer == nil, "\(outcome.answer ?? "")")
            #expect(outcome.closed, "the connection of a 16 MiB message is closed")
            #expect(!outcome.sent, "the daemon stopped reading long before 16 MiB")
        }
        let peak = scene.reportPeak(during: "three 16 MiB messages", residentBefore: residentBefore)
        #expect(peak - residentBefore < 16 << 10, "the daemon must not buffer a 16 MiB message: it grew by \(peak - residentBefore) KiB")

        // The limit is exact: a message of max_message_size bytes (terminator excluded) is read
        // and answered (its unknown parameter is refused), one byte more closes the connection.
        let limit = 1 << 20
        func message(ofLength length: Int) -> String {
            let head = #"{"method":"io.mediationd.Service.GetStatus","parameters":{"padding":""#
            let tail = #""}}"#
            return head + String(repeating: "b", count: length - head.utf8.count - tail.utf8.count) + tail
        }
        let fits = try scene.connect()
        try await fits.send(message(ofLength: limit))
        let answer = await fits.receiveJSON(timeout: 15)
        #expect(answer?.string("error") == "org.varlink.service.InvalidParameter")
        #expect(answer?.object("parameters")?.string("parameter") == "padding")
        try await fits.send(AbuseScene.getStatus)
        #expect(await fits.receive(timeout: 10).map(AbuseScene.isStatus) == true, "the connection carries on after a message at the limit")
        let over = try scene.connect()
        try? await over.send(message(ofLength: limit + 1))
        #expect(await over.receive(timeout: 15) == nil)
        #expect(over.closed, "one byte over the limit closes the connection")
        await scene.finish()
    }

    // MARK: Hostile JSON

    /// Messages that are not valid Varlink at all. The daemon cannot answer them, since the
    /// stream may be out of step (VarlinkConnectionHandler.protocolViolation): it closes that
    /// connection, and only that one, without a reply.
    @Test func brokenJSONClosesOnlyItsOwnConnection() async throws {
        let scene = try await AbuseScene.start()
        scene.gauge.resetPeak()
        let residentBefore = scene.gauge.residentKiB ?? 0
        let status = Array(#"{"method":"io.mediationd.Service.GetStatus","parameters":{"x":"#.utf8)
        let show = Array(#"{"method":"io.mediationd.Cases.Show","parameters":{"reference":""#.utf8)
        let end = Array(#""}}"#.utf8)
        let cases: [(String, [UInt8])] = [
            // JSONParser.maximumDepth is 128; the parser stops there instead of recursing on.
            ("arrays nested 100,000 deep", status + Array(repeating: UInt8(ascii: "["), count: 100_000) + Array(repeating: UInt8(ascii: "]"), count: 100_000) + Array("}}".utf8)),
            ("objects nested 100,000 deep", status + Array(String(repeating: #"{"a":"#, count: 100_000).utf8) + [UInt8(ascii: "1")] + Array(repeating: UInt8(ascii: "}"), count: 100_002)),
            ("arrays and objects nested 100,000 deep", status + Array(String(repeating: #"[{"a":"#, count: 50_000).utf8) + [UInt8(ascii: "1")] + Array(String(repeating: "}]", count: 50_000).utf8) + Array("}}".utf8)),
            ("arrays nested 100,000 deep and never closed", status + Array(repeating: UInt8(ascii: "["), count: 100_000)),
            // One level past the limit: the top-level object and "parameters" are two levels.
            ("nesting of depth 129", status + Array(repeating: UInt8(ascii: "["), count: 127) + Array(repeating: UInt8(ascii: "]"), count: 127) + Array("}}".utf8)),
            // RFC 8259 requires UTF-8; JSONParser validates every string.
            ("the byte 0xFF in a string", show + [0xFF] + end),
            ("a truncated two-byte sequence", show + [0xC3] + end),
            ("an overlong encoding of '/'", show + [0xC0, 0xAF] + end),
            ("a UTF-16 surrogate encoded as UTF-8", show + [0xED, 0xA0, 0x80] + end),
            ("a code point beyond U+10FFFF", show + [0xF4, 0x90, 0x80, 0x80] + end),
            ("an escaped lone surrogate", show + Array(#"\ud800"#.utf8) + end),
            ("invalid UTF-8 in a member name", Array(#"{"method":"io.mediationd.Service.GetStatus","parameters":{""#.utf8) + [0xFE] + Array(#"":1}}"#.utf8)),
            ("invalid UTF-8 in the method name", Array(#"{"method":"io.mediationd.Service.GetStat"#.utf8) + [0xFF] + Array(#"us"}"#.utf8)),
            // A NUL byte ends a Varlink message, so a raw NUL inside a string cuts the message in
            // two; the first half is not JSON. (The second half is tested below.)
            ("a raw NUL inside a string", show + Array("2026".utf8) + [0] + Array("-0001".utf8) + end),
            // A number too large for a double is refused by the parser (RFC 8259 section 9
            // lets a parser limit the range of numbers), not turned into infinity.
            ("the number 1e400", Array(#"{"method":"io.mediationd.Cases.List","parameters":{"limit":1e400}}"#.utf8)),
            ("an empty message", []),
            ("a top-level array", Array(#"["io.mediationd.Service.GetStatus"]"#.utf8)),
            ("parameters that are a number", Array(#"{"method":"io.mediationd.Service.GetStatus","parameters":5}"#.utf8)),
            ("a method that is a number", Array(#"{"method":5}"#.utf8)),
            ("\"more\" that is a string", Array(#"{"method":"io.mediationd.Cases.Watch","more":"yes"}"#.utf8)),
        ]
        for (name, bytes) in cases {
            let outcome = try await scene.exchange(bytes + [0])
            #expect(outcome.answer == nil && outcome.closed, "\(name): expected the connection closed without an answer, got \(outcome)")
        }
        scene.reportPeak(during: "broken JSON", residentBefore: residentBefore)

        // Just inside the depth limit, the message is valid JSON and the type checker answers.
        let deepest = status + Array(repeating: UInt8(ascii: "["), count: 126) + Array(repeating: UInt8(ascii: "]"), count: 126) + Array("}}".utf8)
        let answer = try await scene.exchange(deepest + [0])
        #expect(answer.errorName == "org.varlink.service.InvalidParameter" && answer.parameter == "x", "depth 128: \(answer)")
        #expect(!answer.closed)
        await scene.finish()
    }

    /// What follows a raw NUL inside a string is never run as a call of its own: the daemon
    /// closes the connection at the broken first half and discards everything after it.
    @Test func theSecondHalfOfAMessageCutByARawNULIsNeverRun() async throws {
        let scene = try await AbuseScene.start()
        let before = try await scene.caseTotal()
        let register = #"{"method":"io.mediationd.Cases.Register","parameters":{"agency":"Belastingdienst","subject":"Toeslag","complainant":{"name":"N. N.","contact":"n@example.nl"}}}"#
        let bytes = Array(#"{"method":"io.mediationd.Cases.Show","parameters":{"reference":"x"#.utf8) + [0] + Array(register.utf8) + [0]
        let outcome = try await scene.exchange(bytes)
        #expect(outcome.answer == nil && outcome.closed, "\(outcome)")
        #expect(try await scene.caseTotal() == before, "the call after the NUL must not have registered a case")
        // The same Register on its own is a valid call, so the check above means something.
        let alone = try await scene.exchange(Array(register.utf8) + [0])
        #expect(alone.errorName == nil, "\(alone)")
        #expect(try await scene.caseTotal() == before + 1)
        await scene.finish()
    }

    /// A NUL written as the escape \u0000 is a valid character of a JSON string. The daemon may
    /// refuse it (InvalidParameter naming the field) or keep it, but what it keeps it must give
    /// back exactly: a name silently cut at the NUL is a different person's name.
    @Test func anEscapedNULInAStringIsRefusedOrKeptWholeNeverTruncated() async throws {
        let scene = try await AbuseScene.start()
        let register = #"{"method":"io.mediationd.Cases.Register","parameters":{"agency":"Belasting\u0000dienst","subject":"Toe\u0000slag","complainant":{"name":"Jan\u0000de Vries","contact":"jan@example.nl\u0000"}}}"#
        let outcome = try await scene.exchange(Array(register.utf8) + [0])
        if let error = outcome.errorName {
            #expect(error == "org.varlink.service.InvalidParameter", "\(outcome)")
            #expect(["agency", "subject", "complainant"].contains(outcome.parameter ?? ""), "\(outcome)")
        } else {
            let registered = try #require(outcome.answer?.object("parameters")?.object("case"))
            let reference = try #require(registered.string("reference"))
            // Compared as Swift literals ("Jan\0de Vries"), so a failure shows where the NUL went.
            func visible(_ text: String?) -> String { text.map { String(reflecting: $0) } ?? "nil" }
            // What Register answers is what it was given...
            #expect(visible(registered.object("complainant")?.string("name")) == visible("Jan\u{0}de Vries"))
            // ...and what it stored must read back the same.
            let shown = try await scene.exchange(Array(#"{"method":"io.mediationd.Cases.Show","parameters":{"reference":"\#(reference)"}}"#.utf8) + [0])
            let stored = try #require(shown.answer?.object("parameters")?.object("case"), "\(shown)")
            #expect(visible(stored.object("complainant")?.string("name")) == visible("Jan\u{0}de Vries"), "the complainant's name was cut at the NUL")
            #expect(visible(stored.object("complainant")?.string("contact")) == visible("jan@example.nl\u{0}"), "the contact was cut at the NUL")
            #expect(visible(stored.string("agency")) == visible("Belasting\u{0}dienst"), "the agency was cut at the NUL")
            #expect(visible(stored.string("subject")) == visible("Toe\u{0}slag"), "the subject was cut at the NUL")
        }
        // A NUL in a reference is refused, not cut off to find case 2026-0001: either as a
        // string with a NUL (InvalidParameter) or with the reference's own error, the NUL kept.
        let shown = try await scene.exchange(Array(#"{"method":"io.mediationd.Cases.Show","parameters":{"reference":"2026-0001\u0000"}}"#.utf8) + [0])
        if shown.errorName == "io.mediationd.Cases.InvalidReference" {
            #expect(shown.answer?.object("parameters")?.string("reference").map { String(reflecting: $0) } == String(reflecting: "2026-0001\u{0}"))
        } else {
            #expect(shown.errorName == "org.varlink.service.InvalidParameter" && shown.parameter == "reference", "\(shown)")
        }
        await scene.finish()
    }

    /// Numbers that do not fit in 64 bits are valid JSON; the parser keeps them as doubles, so
    /// the type checker refuses them where an int is declared (VarlinkTypeChecker: an int must
    /// be integral and exact), naming the parameter, and the connection carries on.
    @Test func numbersBeyond64BitsAreRefusedNamingTheParameter() async throws {
        let scene = try await AbuseScene.start()
        let refused: [(String, String)] = [
            (#"{"method":"io.mediationd.Cases.List","parameters":{"limit":123456789012345678901234567890}}"#, "limit"),
            (#"{"method":"io.mediationd.Cases.List","parameters":{"limit":-123456789012345678901234567890}}"#, "limit"),
            (#"{"method":"io.mediationd.Cases.List","parameters":{"limit":9223372036854775808}}"#, "limit"),
            (#"{"method":"io.mediationd.Cases.List","parameters":{"limit":-9223372036854775809}}"#, "limit"),
            (#"{"method":"io.mediationd.Cases.List","parameters":{"limit":1e300}}"#, "limit"),
            (#"{"method":"io.mediationd.Cases.List","parameters":{"limit":2.5}}"#, "limit"),
            (#"{"method":"io.mediationd.Scheduling.GetSession","parameters":{"id":123456789012345678901234567890}}"#, "id"),
            // A number where a string is declared.
            (#"{"method":"io.mediationd.Cases.Show","parameters":{"reference":123456789012345678901234567890}}"#, "reference"),
            (#"{"method":"io.mediationd.Cases.Register","parameters":{"agency":"A","subject":"S","complainant":{"name":123456789012345678901234567890,"contact":"c"}}}"#, "complainant"),
        ]
        let socket = try scene.connect()
        for (call, parameter) in refused {
            try await socket.send(call)
            let reply = await socket.receiveJSON(timeout: 10)
            #expect(reply?.string("error") == "org.varlink.service.InvalidParameter", "\(call)")
            #expect(reply?.object("parameters")?.string("parameter") == parameter, "\(call)")
        }
        // The extremes of 64 bits fit: they pass the type checker and reach the method, which
        // refuses them as limits with its own error, repeating the number exactly.
        for limit in ["9223372036854775807", "-9223372036854775808"] {
            try await socket.send(#"{"method":"io.mediationd.Cases.List","parameters":{"limit":\#(limit)}}"#)
            let text = await socket.receive(timeout: 10) ?? ""
            #expect(text.contains(#""error":"io.mediationd.Cases.InvalidLimit""#), "\(text)")
            #expect(text.contains(#""limit":\#(limit)"#), "\(text)")
        }
        // An integral double is an int (JSON does not tell 1 from 1.0).
        try await socket.send(#"{"method":"io.mediationd.Cases.List","parameters":{"limit":1.0}}"#)
        #expect(await socket.receiveJSON(timeout: 10)?.object("parameters")?.int("total") == 0)
        #expect(!socket.closed)
        await scene.finish()
    }

    // MARK: Every method, every parameter

    /// Generated from the daemon's own interface descriptions, so a method added later is
    /// swept too. For each method a call whose parameters all have their declared types is the
    /// baseline; then each parameter in turn is left out, set to null and given values of other
    /// types (at every level of its structure). Where that breaks the declaration the answer must
    /// be org.varlink.service.InvalidParameter naming the parameter (VarlinkDispatcher checks
    /// before any method runs); where the parameter is optional the call is valid and may get
    /// any answer but a failure of the daemon (InternalError, MethodNotImplemented) or an error
    /// its interface does not declare.
    @Test func everyMethodRefusesEveryParameterMissingNullOrOfTheWrongType() async throws {
        let scene = try await AbuseScene.start()
        scene.gauge.resetPeak()
        let residentBefore = scene.gauge.residentKiB ?? 0
        let interfaces = try await scene.interfaceDefinitions()
        #expect(interfaces.map(\.name).contains("io.mediationd.Cases"))
        #expect(interfaces.map(\.name).contains("org.varlink.service"))

        var probes: [SweepProbe] = []
        for interface in interfaces {
            let sweep = ParameterSweep(types: interface.types)
            for method in interface.methods.values.sorted(by: { $0.name < $1.name }) {
                probes += sweep.probes(for: method, in: interface)
            }
        }
        let methodCount = interfaces.reduce(0) { $0 + $1.methods.count }
        let path = scene.daemon.socketPath
        let started = Date()
        let calls = probes
        let failures = try await offThread { try ParameterSweep.run(calls, path: path) }
        print("abuse: swept \(methodCount) methods of \(interfaces.count) interfaces with \(probes.count) calls in "
              + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s, \(failures.count) wrong answers")
        for failure in failures.prefix(30) { print("abuse: sweep: \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) wrong answers; the first: \(failures.prefix(10))")
        #expect(probes.count > 200, "the sweep should have covered every parameter of every method")
        scene.reportPeak(during: "the parameter sweep", residentBefore: residentBefore)
        await scene.finish()
    }
}

// MARK: - The daemon under abuse

/// One daemon with its bystander: started, watched and stopped the same way by every test.
final class AbuseScene: @unchecked Sendable {
    /// How long any one answer to the steady client may take on a loaded two-core machine.
    static let prompt = 3.0
    static let getStatus = #"{"method":"io.mediationd.Service.GetStatus"}"#

    static func isStatus(_ text: String) -> Bool {
        JSONObject(text).map(isStatus) ?? false
    }

    /// The refusal a connection beyond a limit gets ("server" or "user").
    static func isRefusal(_ text: String, limit: String) -> Bool {
        guard let reply = JSONObject(text) else { return false }
        return reply.string("error") == "io.mediationd.Service.TooManyConnections" && reply.object("parameters")?.string("limit") == limit
            && reply.object("parameters")?.string("message")?.isEmpty == false
    }

    static func isStatus(_ reply: JSONObject) -> Bool {
        reply["error"] == nil && reply.object("parameters")?.string("version") == MediationVersion.string
    }

    let daemon: DaemonHarness
    let gauge: ProcessGauge
    let steady: SteadyClient

    private init(daemon: DaemonHarness, gauge: ProcessGauge, steady: SteadyClient) {
        self.daemon = daemon
        self.gauge = gauge
        self.steady = steady
    }

    /// - Parameters:
    ///   - varlink: lines for the [varlink] table of the configuration.
    ///   - launcher: a command that execs the daemon (DaemonHarness.startDirect).
    static func start(varlink: String = "", launcher: [String] = []) async throws -> AbuseScene {
        let daemon = DaemonHarness(varlink: varlink)
        try await daemon.startDirectAndWait(launcher: launcher)
        let pid = try #require(daemon.process?.pid)
        let steady = try SteadyClient(path: daemon.socketPath, call: getStatus, limit: prompt, isCorrect: isStatus)
        try steady.start()
        return AbuseScene(daemon: daemon, gauge: ProcessGauge(pid: pid), steady: steady)
    }

    func connect() throws -> RawVarlinkSocket {
        try RawVarlinkSocket(path: daemon.socketPath)
    }

    struct Exchange: CustomStringConvertible {
        let text: String?
        let closed: Bool
        var answer: JSONObject? { text.flatMap(JSONObject.init) }
        var errorName: String? { answer?.string("error") }
        var parameter: String? { answer?.object("parameters")?.string("parameter") }
        var description: String { "answer \(text.map { String($0.prefix(300)) } ?? "none"), \(closed ? "closed" : "open")" }
    }

    /// Sends `bytes` as they are on a new connection and waits for an answer or the close. When
    /// an answer comes, whether the connection then closes is looked at briefly.
    func exchange(_ bytes: [UInt8], timeout: Double = 10) async throws -> Exchange {
        let socket = try connect()
        return await offThread {
            try? socket.blockingSend(bytes: bytes)
            let text = socket.blockingReceive(timeout: timeout)
            if text != nil { _ = socket.blockingReceive(timeout: 0.05) }
            return Exchange(text: text, closed: socket.closed)
        }
    }

    /// The listener part of GetStatus, asked on `socket`.
    func listener(_ socket: RawVarlinkSocket) async -> JSONObject? {
        try? await socket.send(Self.getStatus)
        return await socket.receiveJSON(timeout: 10)?.object("parameters")?.object("listener")
    }

    func waitForActiveConnections(_ count: Int, observer: RawVarlinkSocket, timeout: Double = 30) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            if await listener(observer)?.int("activeConnections") == count { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Waits for the daemon's descriptors to fall to `limit`; the count at the end.
    func waitForDescriptors(atMost limit: Int, timeout: Double = 20) async -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while gauge.openDescriptors > limit, deadline.timeIntervalSinceNow > 0 {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return gauge.openDescriptors
    }

    /// The total of Cases.List.
    func caseTotal() async throws -> Int {
        let reply = try await exchange(Array(#"{"method":"io.mediationd.Cases.List","parameters":{"limit":1}}"#.utf8) + [0])
        return try #require(reply.answer?.object("parameters")?.int("total"), "\(reply)")
    }

    /// Every interface the daemon serves, parsed from its own descriptions.
    func interfaceDefinitions() async throws -> [VarlinkInterfaceDefinition] {
        let socket = try connect()
        try await socket.send(#"{"method":"org.varlink.service.GetInfo"}"#)
        let names = try #require(await socket.receiveJSON()?.object("parameters")?["interfaces"] as? [String])
        var definitions: [VarlinkInterfaceDefinition] = []
        for name in names {
            try await socket.send(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"\#(name)"}}"#)
            let description = try #require(await socket.receiveJSON()?.object("parameters")?.string("description"))
            definitions.append(try VarlinkInterfaceParser.parse(description))
        }
        return definitions
    }

    /// Prints the daemon's peak resident memory since the last `resetPeak()`; returns it (KiB).
    @discardableResult
    func reportPeak(during what: String, residentBefore: Int) -> Int {
        let peak = gauge.peakKiB ?? 0
        print("abuse: peak VmHWM \(Self.mebibytes(peak)) MiB during \(what) (resident before: \(Self.mebibytes(residentBefore)) MiB, "
              + "growth \(Self.mebibytes(peak - residentBefore)) MiB)")
        return peak
    }

    static func mebibytes(_ kibibytes: Int) -> String {
        String(format: "%.1f", Double(kibibytes) / 1024)
    }

    /// Checks that the bystander was served throughout and that the daemon is alive, then stops
    /// it; the stop must be clean.
    func finish(sourceLocation: SourceLocation = #_sourceLocation) async {
        await steady.waitForCalls(2, timeout: 10)
        let report = await steady.stop()
        print("abuse: steady client: \(report)")
        #expect(report.failures.isEmpty, "the well-behaved client was not served throughout: \(report)", sourceLocation: sourceLocation)
        #expect(report.calls >= 2, "the well-behaved client should have kept calling: \(report)", sourceLocation: sourceLocation)
        #expect(gauge.isAlive, "the daemon died: \(daemon.process?.standardError.suffix(2000) ?? "")", sourceLocation: sourceLocation)
        #expect(await daemon.stop() == 0, "\(daemon.process?.standardError.suffix(2000) ?? "")", sourceLocation: sourceLocation)
    }
}

// MARK: - The parameter sweep

/// One call of the sweep and what its answer must be.
struct SweepProbe: Sendable {
    let label: String
    let call: String
    /// The parameter an InvalidParameter must name; nil when the call is valid as declared.
    let invalidParameter: String?
    /// The errors the method's interface declares, fully qualified: a valid call may fail only
    /// with one of these or one of org.varlink.service's.
    let declaredErrors: Set<String>
}

struct ParameterSweep {
    let types: [String: VarlinkType]

    /// The probes for one method: the baseline, every parameter broken in every way, and a
    /// parameter the method does not declare.
    func probes(for method: VarlinkInterfaceDefinition.Method, in interface: VarlinkInterfaceDefinition) -> [SweepProbe] {
        let name = "\(interface.name).\(method.name)"
        let declared = Set(interface.errors.keys.map { "\(interface.name).\($0)" })
        var baseline: [String: JSONValue] = [:]
        for field in method.input {
            baseline[field.name] = sample(field.type, depth: 0)
        }
        func probe(_ label: String, _ parameters: [String: JSONValue], invalid: String?) -> SweepProbe {
            let text = #"{"method":"\#(name)","parameters":\#(JSONValue.object(parameters).compactDescription)}"#
            return SweepProbe(label: "\(name) \(label)", call: text, invalidParameter: invalid, declaredErrors: declared)
        }
        var probes = [probe("with every parameter of its declared type", baseline, invalid: nil)]
        for field in method.input {
            var missing = baseline
            missing[field.name] = nil
            var null = baseline
            null[field.name] = .null
            let optional = isOptional(field.type)
            probes.append(probe("without \(field.name)", missing, invalid: optional ? nil : field.name))
            probes.append(probe("with \(field.name) null", null, invalid: optional ? nil : field.name))
            for (label, value) in wrongValues(for: field.type, depth: 0) {
                var wrong = baseline
                wrong[field.name] = value
                probes.append(probe("with \(field.name) \(label)", wrong, invalid: field.name))
            }
        }
        var unknown = baseline
        unknown["abuseUndeclared"] = .bool(true)
        probes.append(probe("with an undeclared parameter", unknown, invalid: "abuseUndeclared"))
        return probes
    }

    private func resolve(_ type: VarlinkType) -> VarlinkType {
        if case .named(let name) = type, let resolved = types[name] { return resolve(resolved) }
        return type
    }

    private func isOptional(_ type: VarlinkType) -> Bool {
        if case .optional = resolve(type) { return true }
        return false
    }

    /// A plain value of the type; nil for an optional too deep to fill (recursive types).
    private func sample(_ type: VarlinkType, depth: Int) -> JSONValue? {
        switch resolve(type) {
        case .bool: return .bool(true)
        case .int: return .int(1)
        case .float: return .double(1.5)
        case .string: return .string("abuse")
        case .object: return .object([:])
        case .named: return nil  // an undeclared name: the description parser would refuse it
        case .optional(let wrapped): return depth > 3 ? nil : sample(wrapped, depth: depth + 1)
        case .array(let element): return .array(sample(element, depth: depth + 1).map { [$0] } ?? [])
        case .dictionary(let element): return .object(sample(element, depth: depth + 1).map { ["key": $0] } ?? [:])
        case .structure(let fields):
            var object: [String: JSONValue] = [:]
            for field in fields { object[field.name] = sample(field.type, depth: depth + 1) }
            return .object(object)
        case .enumeration(let cases): return .string(cases.first ?? "")
        }
    }

    /// Values that break the type, each with a label: other JSON types, and within arrays,
    /// dictionaries and structures, broken elements and fields (a structure's fields also
    /// missing and null).
    private func wrongValues(for type: VarlinkType, depth: Int) -> [(String, JSONValue)] {
        let deeper = depth < 3
        switch resolve(type) {
        case .optional(let wrapped):
            return wrongValues(for: wrapped, depth: depth)
        case .bool:
            return [("as a string", .string("true")), ("as a number", .int(1))]
        case .int:
            return [("as a string", .string("1")), ("as a fraction", .double(1.5)), ("beyond 64 bits", .double(1.2345678901234568e29)),
                    ("as a bool", .bool(true)), ("as an array", .array([.int(1)]))]
        case .float:
            return [("as a string", .string("1.5")), ("as a bool", .bool(false))]
        case .string:
            return [("as a number", .int(1)), ("as a bool", .bool(true)), ("as an array", .array([.string("abuse")])), ("as an object", .object([:]))]
        case .object:
            return [("as an array", .array([])), ("as a string", .string("{}"))]
        case .named:
            return []
        case .enumeration:
            return [("as an undeclared case", .string("abuse_no_such_case")), ("as a number", .int(0)), ("as a bool", .bool(true))]
        case .array(let element):
            var values: [(String, JSONValue)] = [("as an object", .object([:])), ("as a string", .string("[]"))]
            if deeper {
                values += wrongValues(for: element, depth: depth + 1).map { ("with an element \($0.0)", .array([$0.1])) }
                if !isOptional(element) { values.append(("with a null element", .array([.null]))) }
            }
            return values
        case .dictionary(let element):
            var values: [(String, JSONValue)] = [("as an array", .array([])), ("as a string", .string("{}"))]
            if deeper {
                values += wrongValues(for: element, depth: depth + 1).map { ("with an entry \($0.0)", .object(["key": $0.1])) }
                if !isOptional(element) { values.append(("with a null entry", .object(["key": .null]))) }
            }
            return values
        case .structure(let fields):
            var values: [(String, JSONValue)] = [("as a string", .string("abuse")), ("as an array", .array([]))]
            guard deeper, case .object(let whole)? = sample(type, depth: depth) else { return values }
            for field in fields {
                if !isOptional(field.type) {
                    var missing = whole
                    missing[field.name] = nil
                    values.append(("without its field \(field.name)", .object(missing)))
                    var null = whole
                    null[field.name] = .null
                    values.append(("with its field \(field.name) null", .object(null)))
                }
                for (label, value) in wrongValues(for: field.type, depth: depth + 1) {
                    var wrong = whole
                    wrong[field.name] = value
                    values.append(("with its field \(field.name) \(label)", .object(wrong)))
                }
            }
            var undeclared = whole
            undeclared["abuseUndeclared"] = .int(1)
            values.append(("with an undeclared field", .object(undeclared)))
            return values
        }
    }

    /// Makes every call in turn on one connection (a new one if the daemon closed it) and
    /// returns what was wrong.
    static func run(_ probes: [SweepProbe], path: String) throws -> [String] {
        var failures: [String] = []
        var socket = try RawVarlinkSocket(path: path)
        for probe in probes {
            do {
                try socket.blockingSend(probe.call)
            } catch {
                failures.append("\(probe.label): the call could not be sent: \(error)")
                socket = try RawVarlinkSocket(path: path)
                continue
            }
            guard let text = socket.blockingReceive(timeout: 15) else {
                failures.append("\(probe.label): \(socket.closed ? "the daemon closed the connection" : "no answer within 15 s")")
                socket = try RawVarlinkSocket(path: path)
                continue
            }
            guard let reply = JSONObject(text) else {
                failures.append("\(probe.label): the answer is not JSON: \(text.prefix(200))")
                continue
            }
            let error = reply.string("error")
            if let parameter = probe.invalidParameter {
                let named = reply.object("parameters")?.string("parameter")
                if error != "org.varlink.service.InvalidParameter" || named != parameter {
                    failures.append("\(probe.label): expected InvalidParameter naming \(parameter), got \(text.prefix(300))")
                }
            } else if let error, error.hasSuffix(".InternalError") || error.hasSuffix(".MethodNotImplemented") {
                failures.append("\(probe.label): a valid call failed inside the daemon: \(text.prefix(300))")
            } else if let error, !error.hasPrefix("org.varlink.service."), !probe.declaredErrors.contains(error) {
                failures.append("\(probe.label): the error is not declared by the interface: \(text.prefix(300))")
            }
        }
        return failures
    }
}
