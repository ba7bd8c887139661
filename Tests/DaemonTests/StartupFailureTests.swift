import Foundation
import Glibc
import TestSupport
import Testing

@Suite("mediationd refusing to start", .timeLimit(.minutes(2)))
struct StartupFailureTests {
    private func failedStart(_ daemon: DaemonHarness, arguments: [String]? = nil) async throws -> (Int32?, String) {
        try daemon.startDirect(arguments: arguments)
        let status = await daemon.process?.waitForExit()
        #expect(await daemon.notify.wait(for: "READY", timeout: 0.1) == nil, "never ready")
        return (status, daemon.process?.standardError ?? "")
    }

    @Test func aMissingStateDirectoryIsNamed() async throws {
        let daemon = DaemonHarness(createStateDirectory: false)
        let (status, error) = try await failedStart(daemon)
        #expect(status == 1)
        #expect(error.contains("the state directory \(daemon.stateDirectory) does not exist"))
    }

    @Test func aCorruptDatabaseIsRefusedAndKept() async throws {
        let daemon = DaemonHarness()
        let garbage = String(repeating: "not a database ", count: 400)
        _ = FileManager.default.createFile(atPath: daemon.stateDirectory + "/mediationd.sqlite", contents: Data(garbage.utf8))
        let (status, error) = try await failedStart(daemon)
        #expect(status == 1)
        #expect(error.contains("is not a mediationd database or is corrupt"))
        #expect(try String(contentsOfFile: daemon.stateDirectory + "/mediationd.sqlite", encoding: .utf8) == garbage)
    }

    @Test func aStateDirectoryTheUserCannotWriteIsNamed() async throws {
        let daemon = DaemonHarness()
        // The user must get as far as the database: templates it can read, in the test's own
        // directory, since the checkout may be private to root.
        let templates = daemon.directory.file("templates")
        try FileManager.default.copyItem(atPath: daemon.templatesDirectory, toPath: templates)
        chmod(templates, 0o755)
        daemon.templatesDirectory = templates
        daemon.writeConfiguration()
        chmod(daemon.directory.path, 0o755)
        chmod(daemon.configPath, 0o644)
        chmod(daemon.stateDirectory, 0o700)
        let asNobody = try await runCommand(
            "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", BuiltProducts.mediationd, "--config", daemon.configPath])
        #expect(asNobody.status == 1)
        #expect(asNobody.error.contains("no permission to open \(daemon.stateDirectory)/mediationd.sqlite"))
    }

    @Test func aBadConfigurationExitsWith78AndSaysWhere() async throws {
        let daemon = DaemonHarness(varlink: "max_connections = -1")
        let (status, error) = try await failedStart(daemon)
        #expect(status == 78)
        #expect(error.contains("\(daemon.configPath):8: varlink.max_connections: -1 is out of range"))

        let (missingStatus, missingError) = try await failedStart(daemon, arguments: ["--config", daemon.directory.file("absent.toml")])
        #expect(missingStatus == 78)
        #expect(missingError.contains("absent.toml: no such file"))
    }

    @Test func aSecondDaemonDoesNotStealTheSocket() async throws {
        let first = DaemonHarness()
        try await first.startDirectAndWait()
        let second = try await runCommand(BuiltProducts.mediationd, ["--config", first.configPath])
        #expect(second.status == 1)
        #expect(second.error.contains("another mediationd is already listening"))
        #expect(try await first.status()?.string("version") != nil, "the first one still serves")
        #expect(await first.stop() == 0)
    }
}
