import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

@Suite("mediationctl", .timeLimit(.minutes(2)))
struct MediationctlTests {
    @Test func withoutADaemonItSaysWhereItLookedAndHowToStartIt() async throws {
        let directory = TemporaryDirectory()
        let socket = directory.file("absent.sock")
        let result = try await runCommand(BuiltProducts.mediationctl, ["status", "--socket", socket])
        #expect(result.status == 69)
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.error.contains(socket))
        #expect(result.error.contains("systemctl start mediationd.socket"))
    }

    @Test func theSocketComesFromTheFlagThenTheEnvironmentThenTheDefault() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let fromEnvironment = try await daemon.ctl(["status", "--json"], environment: ["MEDIATIOND_SOCKET": daemon.socketPath])
        #expect(fromEnvironment.status == 0)
        #expect(JSONObject(fromEnvironment.output)?.string("version") == MediationVersion.string)

        let flagWins = try await daemon.ctl(["status", "--socket", daemon.directory.file("nowhere")], environment: ["MEDIATIOND_SOCKET": daemon.socketPath])
        #expect(flagWins.status == 69)
        #expect(flagWins.error.contains(daemon.directory.file("nowhere")))

        let table = try await daemon.ctl(["status", "--socket", daemon.socketPath])
        #expect(table.status == 0)
        #expect(table.output.contains("mediationd \(MediationVersion.string) is running"))
        #expect(table.output.contains(daemon.stateDirectory + "/mediationd.sqlite"))
        #expect(!table.output.contains("\u{1B}["), "no colour when not on a terminal")
        // Before the command, as systemctl and journalctl take their options, in either spelling.
        let before = try await daemon.ctl(["--socket", daemon.socketPath, "status", "--json"])
        #expect(before.status == 0 && JSONObject(before.output) != nil, "\(before.error)")
        let nested = try await daemon.ctl(["--socket=\(daemon.socketPath)", "case", "list"])
        #expect(nested.status == 0, "\(nested.error)")
        #expect(await daemon.stop() == 0)
        #expect(access(daemon.socketPath, F_OK) != 0, "a socket the daemon bound itself is removed when it stops")

        let byDefault = try await daemon.ctl(["status"])
        #expect(byDefault.error.contains("/run/mediationd/io.mediationd"))
    }

    @Test func helpIsEverywhereAndMistakesAreUsageErrors() async throws {
        for arguments in [["--help"], ["status", "--help"], ["help", "status"]] {
            let result = try await runCommand(BuiltProducts.mediationctl, arguments)
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE"))
        }
        let wrong = try await runCommand(BuiltProducts.mediationctl, ["status", "--jsno"])
        #expect(wrong.status == 64)
        #expect(wrong.error.contains("--jsno"))
        let daemonHelp = try await runCommand(BuiltProducts.mediationd, ["--help"])
        #expect(daemonHelp.status == 0)
        #expect(daemonHelp.output.contains("--config"))
    }
}
