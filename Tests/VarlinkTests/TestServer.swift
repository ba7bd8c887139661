import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Systemd
import TestSupport
import Varlink

/// A Varlink server on a temporary socket, serving a small test interface, run in a service
/// group so tests can shut it down gracefully as the daemon would.
final class TestServer: Sendable {
    static let description = """
    # An interface for exercising the server.
    interface org.example.test

    type Item (name: string, count: ?int)

    # Answers with what it was given.
    method Echo(text: string) -> (text: string)

    # Replies 1, 2, … up to `to`, each but the last with continues.
    method Count(to: int) -> (n: int)

    # Takes its time, to have a call in progress.
    method Sleep(milliseconds: int) -> (slept: int)

    # Takes structured parameters.
    method Store(items: []Item) -> (stored: int)

    # Declared, but no handler is registered.
    method Unimplemented() -> ()

    # Refused by the authorizer.
    method Secret() -> ()

    # Always fails with Failed.
    method Fail() -> ()

    # A broken handler: one reply with continues, then it returns without a last reply.
    method Forgetful() -> (n: int)

    # A broken handler: its reply's parameters are not an object.
    method Unencodable() -> ()

    error Failed (why: string)

    # A connection was refused by a limit.
    error TooManyConnections (perUser: bool, maximum: int)
    """

    struct Text: Codable, Sendable { let text: String }
    struct CountInput: Codable, Sendable { let to: Int }
    struct Sleep: Codable, Sendable { let milliseconds: Int }
    struct Slept: Codable, Sendable { let slept: Int }
    struct Item: Codable, Sendable { let name: String; let count: Int? }
    struct Store: Codable, Sendable { let items: [Item] }
    struct Stored: Codable, Sendable { let stored: Int }

    let directory = TemporaryDirectory()
    let path: String
    let state: VarlinkServerState
    let group: ServiceGroup
    /// Yields each time a Sleep call has begun, so tests can act while a call is in progress.
    let sleepsStarted: AsyncStream<Int>
    private let task: Task<Void, any Error>

    init(limits: VarlinkServerLimits = VarlinkServerLimits(), shutdownTimeout: Duration? = nil) throws {
        path = directory.file("test.sock")
        state = VarlinkServerState(limits: limits)
        let (sleepsStarted, sleepStarted) = AsyncStream.makeStream(of: Int.self)
        self.sleepsStarted = sleepsStarted
        var methods = VarlinkMethodTable()
        methods.method("Echo") { (input: Text, _) in input }
        methods.streamingMethod("Count") { (input: CountInput, _, writer) in
            for n in 1..<max(input.to, 1) { try await writer.yield(encoding: ["n": n]) }
            try await writer.reply(encoding: ["n": input.to])
        }
        methods.method("Sleep") { (input: Sleep, _) in
            sleepStarted.yield(input.milliseconds)
            try await Task.sleep(for: .milliseconds(input.milliseconds))
            return Slept(slept: input.milliseconds)
        }
        methods.method("Store") { (input: Store, _) in Stored(stored: input.items.count) }
        methods.streamingMethod("Forgetful") { (_: VarlinkEmpty, _, writer) in
            try await writer.yield(encoding: ["n": 1])
        }
        methods.method("Unencodable") { (_: VarlinkEmpty, _) in "not an object" }
        methods.method("Secret") { (_: VarlinkEmpty, _) in VarlinkEmpty() }
        methods.method("Fail") { (_: VarlinkEmpty, _) -> VarlinkEmpty in
            throw VarlinkError("org.example.test.Failed", parameters: ["why": .string("on purpose")])
        }
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let dispatcher = VarlinkDispatcher(
            info: VarlinkServiceInfo(vendor: "Example", product: "test", version: "1", url: "https://example.org"),
            interfaces: [try VarlinkInterface(description: Self.description, methods: methods)],
            logger: logger,
            authorize: { $0.call.memberName != "Secret" },
            mapUnexpected: { error, _ in VarlinkError("org.example.test.Failed", parameters: ["why": .string("\(error)")]) }
        )
        let socket = try ListeningSocket.bind(path: path, mode: 0o660)
        let server = VarlinkServer(listeningDescriptor: socket.descriptor, dispatcher: dispatcher, state: state, refusalError: Self.refusalError, logger: logger)
        var configuration = ServiceGroupConfiguration(services: [.init(service: server)], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownTimeout
        group = ServiceGroup(configuration: configuration)
        task = Task { [group] in try await group.run() }
    }

    static func refusalError(_ refusal: VarlinkConnectionRefusal) -> VarlinkError {
        VarlinkError("org.example.test.TooManyConnections", parameters: ["perUser": .bool(refusal.limit != .server), "maximum": .int(Int64(refusal.maximum))])
    }

    func connect() throws -> RawVarlinkSocket {
        try RawVarlinkSocket(path: path)
    }

    /// Sends one call on a new connection and returns its reply.
    func call(_ json: String) async throws -> JSONObject? {
        let socket = try connect()
        try await socket.send(json)
        // Generous: only a failing test waits this long, and a loaded machine is slow.
        return await socket.receiveJSON(timeout: 30)
    }

    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
