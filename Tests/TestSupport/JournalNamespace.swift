import Foundation
import Glibc

/// A journald of a test's own (a journal namespace, as `LogNamespace=` gives a service), which
/// the test may stop and start without disturbing the system journal the other tests read.
/// The daemon under test sends to it from a mount namespace in which the namespace's socket
/// directory is mounted over /run/systemd/journal, which is how systemd does it too.
public final class JournalNamespace: Sendable {
    public let name: String

    public init(name: String) {
        self.name = name
    }

    public var socketDirectory: String { "/run/systemd/journal.\(name)" }

    /// Prefix for a command that should log here: `unshare` gives it a private mount namespace
    /// and execs it, so it keeps the PID (and the signals) of the process the test started.
    public var launcher: [String] {
        ["/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
         "mount --bind \(socketDirectory) /run/systemd/journal && exec \"$0\" \"$@\""]
    }

    public func start() throws {
        guard getuid() == 0 else { throw TestSetupError("a journal namespace needs root") }
        try FileManager.default.createDirectory(atPath: "/run/systemd/journal", withIntermediateDirectories: true)
        _ = try blockingRunCommand("/usr/bin/setsid", ["--fork", "/lib/systemd/systemd-journald", name], timeout: 10)
        for _ in 0..<100 where !isAccepting { usleep(50_000) }
        guard isAccepting else { throw TestSetupError("systemd-journald \(name) did not start listening in \(socketDirectory)") }
    }

    /// Kills this namespace's journald (and one a failed earlier run left), as a crash would.
    public func stop() {
        _ = try? blockingRunCommand("/usr/bin/pkill", ["-KILL", "-f", "^/lib/systemd/systemd-journald \(name)$"], timeout: 10)
        for _ in 0..<100 where isAccepting { usleep(50_000) }
    }

    public var isAccepting: Bool { Journald.isAccepting(socketPath: socketDirectory + "/socket") }

    /// Entries of this namespace matching `matches`, once at least `count` are there.
    public func entries(_ matches: [String], since: Date, atLeast count: Int = 1, timeout: Double = 10) async throws -> [JSONObject] {
        try await Journald.entries(["--namespace=\(name)"] + matches, since: since, atLeast: count, timeout: timeout)
    }
}
