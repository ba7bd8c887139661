import Foundation
import Glibc

/// Many connections of one other user that pipeline calls and never read their replies, run by
/// the `mediation-flood` program under `setpriv`, so the daemon sees them from that user's uid
/// (SO_PEERCRED is the connecting process's) while the test or benchmark process calls as
/// itself. Used by the abuse tests and by `make bench`.
public final class StuckFlood: @unchecked Sendable {
    /// What the flooder saw, written by `mediation-flood` as JSON on its standard output.
    public struct Report: Codable, Sendable {
        /// Connections opened, and those whose connect failed.
        public var connections: Int
        public var connectFailures: Int
        /// Connections whose first message was a refusal (an error naming `refusalError`): the
        /// daemon refused them on accept. `refusals` counts each refusal's "limit" parameter.
        public var refused: Int
        public var refusals: [String: Int]
        /// Connections the daemon took calls on (their first message was an answer).
        public var admitted: Int
        /// Admitted connections the daemon closed while the flooder watched.
        public var admittedClosed: Int
        /// Connections still open when the flooder stopped watching.
        public var stillOpen: Int
        /// For each admitted connection the daemon closed: the seconds from the last call the
        /// flooder got into it to the close.
        public var stuckSeconds: [Double]
        /// Calls sent in all.
        public var callsSent: Int

        public init(
            connections: Int, connectFailures: Int, refused: Int, refusals: [String: Int], admitted: Int, admittedClosed: Int, stillOpen: Int,
            stuckSeconds: [Double], callsSent: Int
        ) {
            self.connections = connections
            self.connectFailures = connectFailures
            self.refused = refused
            self.refusals = refusals
            self.admitted = admitted
            self.admittedClosed = admittedClosed
            self.stillOpen = stillOpen
            self.stuckSeconds = stuckSeconds
            self.callsSent = callsSent
        }
    }

    public static var executable: String { BuiltProducts.directory + "/mediation-flood" }

    private let process: ChildProcess
    private let directory = TemporaryDirectory()

    /// Starts the flooder as `uid` (and its own group, none other) against `socketPath`, which
    /// that uid must be able to reach. It opens `connections` connections, sends `call` on each
    /// for as long as the daemon takes it, and watches for up to `watch` seconds for them to close.
    public init(socketPath: String, uid: uid_t, connections: Int, call: String, refusalError: String, watch: Double, executable: String = StuckFlood.executable) throws {
        // A copy the uid can surely run, wherever the build is. The report files are opened as
        // root (posix_spawn opens them before setpriv drops to the uid).
        chmod(directory.path, 0o755)
        let copy = directory.file("mediation-flood")
        try FileManager.default.copyItem(atPath: executable, toPath: copy)
        chmod(copy, 0o755)
        process = try ChildProcess(
            "/usr/bin/setpriv",
            ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "--", copy,
             "--socket", socketPath, "--connections", String(connections), "--call", call, "--refusal-error", refusalError, "--watch", String(watch)],
            environment: [:], directory: directory, name: "flood")
    }

    public var isRunning: Bool { process.isRunning }
    public var standardError: String { process.standardError }

    /// Waits for the flooder to finish and returns its report.
    public func report(timeout: Double) async throws -> Report {
        try await offThread { try self.blockingReport(timeout: timeout) }
    }

    public func blockingReport(timeout: Double) throws -> Report {
        let status = process.blockingWaitForExit(timeout: timeout)
        guard status == 0 else {
            throw TestSetupError("mediation-flood exited with \(status.map(String.init) ?? "nothing (killed after \(timeout) s)"): \(process.standardError)")
        }
        return try JSONDecoder().decode(Report.self, from: Data(process.standardOutput.utf8))
    }

    public func stop() {
        process.signal(SIGKILL)
    }

    /// Lets every user reach the socket at `path`, as the socket unit lets its group: the
    /// directories on the way become searchable, the socket writable.
    public static func openToEveryone(socket path: String, through directories: [String]) {
        for directory in directories { chmod(directory, 0o755) }
        chmod(path, 0o666)
    }
}
