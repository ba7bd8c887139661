import Foundation
import Glibc
import TestSupport

/// One mediationd under test: its own directory, configuration, notification socket and
/// process, started the way systemd would start it or by hand.
final class DaemonHarness: @unchecked Sendable {
    let directory = TemporaryDirectory()
    /// When this harness was made; journal queries look no further back.
    let createdAt = Date()
    let notify: NotifyListener
    private(set) var process: ChildProcess?
    private let logTarget: String?
    /// The document templates the daemon reads: the shipped ones unless a test gives its own.
    var templatesDirectory = BuiltProducts.sourceRoot() + "/Config/templates"

    var socketPath: String { directory.file("run/io.mediationd") }
    var stateDirectory: String { directory.file("state") }
    var configPath: String { directory.file("mediationd.toml") }

    /// - Parameter logTarget: the `log_target` setting, or nil to leave it at its default.
    init(varlink: String = "", logTarget: String? = "stderr", createStateDirectory: Bool = true) {
        self.logTarget = logTarget
        notify = NotifyListener(path: directory.file("notify"))
        if createStateDirectory {
            try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        }
        try? FileManager.default.createDirectory(atPath: directory.file("run"), withIntermediateDirectories: true)
        writeConfiguration(varlink: varlink)
    }

    /// - Parameter extra: further sections, such as [terms] or [reminders].
    func writeConfiguration(varlink: String = "", extra: String = "") {
        let text = """
        [service]
        state_directory = "\(stateDirectory)"
        socket_path = "\(socketPath)"
        \(logTarget.map { "log_target = \"\($0)\"" } ?? "")
        shutdown_timeout = "5s"

        [varlink]
        \(varlink)

        \(extra)

        [documents]
        templates = "\(templatesDirectory)"
        """
        // Written whole and renamed, as an operator's editor would, so a reload never reads half.
        let temporary = configPath + ".new"
        _ = FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8))
        rename(temporary, configPath)
    }

    private var baseEnvironment: [String: String] {
        ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "NOTIFY_SOCKET": notify.path]
    }

    /// Starts the daemon behind `systemd-socket-activate`, which listens on the socket and
    /// starts mediationd, handing it the socket, when the first client connects.
    func startSocketActivated(extraEnvironment: [String: String] = [:]) throws {
        var arguments = ["-l", socketPath]
        for (name, value) in baseEnvironment.merging(extraEnvironment, uniquingKeysWith: { $1 }) {
            arguments += ["-E", "\(name)=\(value)"]
        }
        arguments += [BuiltProducts.mediationd, "--config", configPath]
        process = try ChildProcess("/usr/bin/systemd-socket-activate", arguments, environment: baseEnvironment, directory: directory, name: "daemon")
        for _ in 0..<200 where access(socketPath, F_OK) != 0 { usleep(10_000) }
    }

    /// Starts the daemon directly; it binds socket_path itself.
    /// - Parameter launcher: a command that runs the daemon, given as its last arguments: to
    ///   start it in a namespace of its own, say. It must exec the daemon, so signals reach it.
    func startDirect(extraEnvironment: [String: String] = [:], arguments extra: [String]? = nil, launcher: [String] = []) throws {
        let command = launcher + [BuiltProducts.mediationd] + (extra ?? ["--config", configPath])
        process = try ChildProcess(
            command[0], Array(command.dropFirst()),
            environment: baseEnvironment.merging(extraEnvironment, uniquingKeysWith: { $1 }),
            directory: directory, name: "daemon")
    }

    /// Starts directly and waits for READY=1.
    func startDirectAndWait(launcher: [String] = []) async throws {
        try startDirect(launcher: launcher)
        guard await notify.wait(for: "READY", value: "1") != nil else {
            throw TestSetupError("mediationd did not become ready: \(process?.standardError ?? "")")
        }
    }

    func ctl(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
        try await runCommand(BuiltProducts.mediationctl, arguments, environment: ["PATH": "/usr/bin:/bin"].merging(environment, uniquingKeysWith: { $1 }))
    }

    func status() async throws -> JSONObject? {
        let result = try await ctl(["status", "--json", "--socket", socketPath])
        return JSONObject(result.output)
    }

    /// This daemon's journal entries that match `matches`, waiting for at least `count`.
    func journalEntries(_ matches: [String], atLeast count: Int = 1) async throws -> [JSONObject] {
        guard let pid = process?.pid else { return [] }
        return try await Journald.entries(matches + ["_PID=\(pid)"], since: createdAt, atLeast: count)
    }

    func signal(_ number: CInt) {
        process?.signal(number)
    }

    /// SIGTERM, then the exit status.
    func stop() async -> Int32? {
        signal(SIGTERM)
        // Generous: with dozens of daemons under test on two cores, a clean stop can be slow.
        return await process?.waitForExit(timeout: 45)
    }
}
