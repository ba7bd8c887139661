import Foundation
import Glibc
import Synchronization

/// The system journal as tests use it: a real systemd-journald (started standalone when none
/// runs, as on a CI machine without systemd) and journalctl to read back what was sent.
public enum Journald {
    public static let socketPath = "/run/systemd/journal/socket"

    /// Makes sure journald is accepting entries; throws with the fix when it cannot.
    public static func ensureRunning() throws {
        // Suites run in parallel; without the lock each would start its own journald.
        try startLock.withLock { _ in try startIfNeeded() }
    }

    private static let startLock = Mutex(())

    private static func startIfNeeded() throws {
        if isAccepting() { return }
        guard getuid() == 0 else {
            throw TestSetupError("journald is not running and only root can start it: run /lib/systemd/systemd-journald & as root")
        }
        // Started detached with setsid so it outlives the test run, as a system service would.
        _ = try blockingRunCommand("/usr/bin/setsid", ["--fork", "/lib/systemd/systemd-journald"], timeout: 10)
        for _ in 0..<100 where !isAccepting() { usleep(50_000) }
        guard isAccepting() else { throw TestSetupError("systemd-journald did not start listening on \(socketPath)") }
    }

    /// Whether a journald listens on the socket. The socket file alone proves nothing: a journald
    /// that was killed leaves it behind in /run, and sending to it is refused.
    static func isAccepting(socketPath: String = socketPath) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withUnixAddress(socketPath) { connect(fd, $0, $1) == 0 }
    }

    /// Entries matching `matches` (journalctl FIELD=value terms), newest last, waiting up to
    /// `timeout` for at least `count` to appear (journald writes asynchronously).
    /// - Parameter since: only entries from this second on; PIDs are reused, and a persistent
    ///   journal keeps earlier test runs' entries.
    public static func entries(_ matches: [String], since: Date? = nil, atLeast count: Int = 1, timeout: Double = 10) async throws -> [JSONObject] {
        _ = try await self.count(matches, since: since, atLeast: count, timeout: timeout)
        let result = try await runCommand("/usr/bin/journalctl", ["-o", "json", "--no-pager", "--all"] + window(since) + matches)
        // Parsing thousands of entries takes a while: not on the cooperative pool, which the
        // other tests running meanwhile need.
        return await offThread { result.output.split(separator: "\n").compactMap { JSONObject(String($0)) } }
    }

    /// How many entries match, waiting up to `timeout` for at least `count`; journalctl does the
    /// work, so polling a large journal stays cheap for the test process.
    public static func count(_ matches: [String], since: Date? = nil, atLeast count: Int = 1, timeout: Double = 10) async throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let namespace = matches.filter { $0.hasPrefix("--namespace=") }
            _ = try? await runCommand("/usr/bin/journalctl", ["--sync"] + namespace, timeout: 10)
            let result = try await runCommand("/usr/bin/journalctl", ["-q", "-o", "cat", "--output-fields=MESSAGE_ID", "--no-pager"] + window(since) + matches)
            let found = result.output.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            if found >= count || deadline.timeIntervalSinceNow < 0 { return found }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    private static func window(_ since: Date?) -> [String] {
        since.map { ["--since=@\(Int($0.timeIntervalSince1970))"] } ?? []
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
