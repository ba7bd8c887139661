import Foundation
import Glibc

/// The system journal as tests use it: a real systemd-journald (started standalone when none
/// runs, as on a CI machine without systemd) and journalctl to read back what was sent.
public enum Journald {
    public static let socketPath = "/run/systemd/journal/socket"

    /// Makes sure journald is accepting entries; throws with the fix when it cannot.
    public static func ensureRunning() throws {
        if access(socketPath, F_OK) == 0 { return }
        guard getuid() == 0 else {
            throw TestSetupError("journald is not running and only root can start it: run /lib/systemd/systemd-journald & as root")
        }
        // Started detached with setsid so it outlives the test run, as a system service would.
        _ = try blockingRunCommand("/usr/bin/setsid", ["--fork", "/lib/systemd/systemd-journald"], timeout: 10)
        for _ in 0..<100 where access(socketPath, F_OK) != 0 { usleep(50_000) }
        guard access(socketPath, F_OK) == 0 else { throw TestSetupError("systemd-journald did not create \(socketPath)") }
    }

    /// Entries matching `matches` (journalctl FIELD=value terms), newest last, waiting up to
    /// `timeout` for at least `count` to appear (journald writes asynchronously).
    /// - Parameter since: only entries from this second on; PIDs are reused, and a persistent
    ///   journal keeps earlier test runs' entries.
    public static func entries(_ matches: [String], since: Date? = nil, atLeast count: Int = 1, timeout: Double = 10) async throws -> [JSONObject] {
        let window = since.map { ["--since=@\(Int($0.timeIntervalSince1970))"] } ?? []
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            _ = try? await runCommand("/usr/bin/journalctl", ["--sync"], timeout: 10)
            let result = try await runCommand("/usr/bin/journalctl", ["-o", "json", "--no-pager", "--all"] + window + matches)
            let entries = result.output.split(separator: "\n").compactMap { JSONObject(String($0)) }
            if entries.count >= count || deadline.timeIntervalSinceNow < 0 { return entries }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
