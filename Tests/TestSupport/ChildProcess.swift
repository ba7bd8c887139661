import Foundation
import Glibc

/// A program started for a test, with its output collected in files so a test can read it at
/// any point (pipes would block a chatty child).
///
/// Started with posix_spawn and reaped with waitpid rather than through Foundation's Process:
/// Process watches a descriptor it hands the child, and systemd-socket-activate closes all
/// descriptors before it execs the daemon, which leaves Process blocked waiting for a child
/// that is still running.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let stdoutPath: String
    public let stderrPath: String
    private let lock = NSLock()
    private var exitStatus: Int32?

    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: TemporaryDirectory, name: String = "child") throws {
        stdoutPath = directory.file("\(name).out")
        stderrPath = directory.file("\(name).err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Only stdin, stdout and stderr reach the child. SwiftNIO accepts connections without
        // close-on-exec, so a child spawned while an in-process test server runs would otherwise
        // hold that server's connections open after it closed them.
        guard Self.closeFrom(&actions, 3) == 0 else { throw TestSetupError("posix_spawn_file_actions_addclosefrom_np failed") }

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            throw TestSetupError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, CInt) -> CInt

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later), which the Glibc module
    /// does not declare.
    private static let closeFrom: CloseFrom = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("glibc 2.34 or later is needed for posix_spawn_file_actions_addclosefrom_np")
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    public var isRunning: Bool { reap(blocking: false) == nil }

    public func signal(_ signal: CInt) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits up to `timeout` seconds for the process to end; its exit status (128 + the signal
    /// when a signal ended it), or nil if it is still running (it is then killed, so no test
    /// leaves a daemon behind).
    public func waitForExit(timeout: Double = 20) async -> Int32? {
        await offThread { self.blockingWaitForExit(timeout: timeout) }
    }

    public func blockingWaitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            if let status = reap(blocking: false) { return status }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        _ = reap(blocking: true)
        return nil
    }

    private func reap(blocking: Bool) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, blocking ? 0 : WNOHANG) == pid else { return nil }
        let signal = status & 0x7f
        exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return exitStatus
    }

    public var standardOutput: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var standardError: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    deinit {
        if reap(blocking: false) == nil {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }
}

/// A finished command's exit status and output.
public struct CommandResult: Sendable {
    public let status: Int32
    public let output: String
    public let error: String
}

public func runCommand(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double = 60) async throws -> CommandResult {
    try await offThread { try blockingRunCommand(executable, arguments, environment: environment, timeout: timeout) }
}

public func blockingRunCommand(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Double = 60) throws -> CommandResult {
    let directory = TemporaryDirectory()
    let child = try ChildProcess(executable, arguments, environment: environment, directory: directory)
    let status = child.blockingWaitForExit(timeout: timeout) ?? -1
    return CommandResult(status: status, output: child.standardOutput, error: child.standardError)
}
