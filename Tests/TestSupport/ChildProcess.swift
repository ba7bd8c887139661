import Foundation
import Glibc

/// A program started for a test, with its output collected in files so a test can read it at
/// any point (pipes would block a chatty child).
public final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    public let stdoutPath: String
    public let stderrPath: String

    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: TemporaryDirectory, name: String = "child") throws {
        stdoutPath = directory.file("\(name).out")
        stderrPath = directory.file("\(name).err")
        FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
    }

    public var pid: pid_t { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public func signal(_ signal: CInt) {
        kill(process.processIdentifier, signal)
    }

    /// Waits up to `timeout` seconds for the process to end; its exit status, or nil if it is
    /// still running (it is then killed, so no test leaves a daemon behind).
    public func waitForExit(timeout: Double = 20) async -> Int32? {
        await offThread { self.blockingWaitForExit(timeout: timeout) }
    }

    public func blockingWaitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, deadline.timeIntervalSinceNow > 0 {
            usleep(20_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    public var standardOutput: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    public var standardError: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Runs a command to completion and returns its status and output.
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
