import Foundation
import MediationService
import TestSupport
import Testing

/// The reference Varlink client (PyPI `varlink`) must be able to introspect and call the daemon.
@Suite("Python varlink client", .timeLimit(.minutes(2)))
struct ReferenceClientTests {
    private func varlink(_ arguments: [String]) async throws -> CommandResult {
        try await runCommand("/usr/bin/env", ["python3", "-m", "varlink.cli"] + arguments, environment: ProcessInfo.processInfo.environment)
    }

    @Test func itIntrospectsEveryInterfaceAndCallsGetStatus() async throws {
        let probe = try await runCommand("/usr/bin/env", ["python3", "-c", "import varlink"], environment: ProcessInfo.processInfo.environment)
        try #require(probe.status == 0, "the reference client is missing: pip install varlink")

        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let address = "unix:\(daemon.socketPath)"

        let info = try await varlink(["info", address])
        #expect(info.status == 0, "\(info.error)")
        let interfaces = ["org.varlink.service", ServiceInterface.name]
        for interface in interfaces {
            #expect(info.output.contains(interface))
            let help = try await varlink(["help", "\(address)/\(interface)"])
            #expect(help.status == 0, "\(help.error)")
            #expect(help.output.contains("interface \(interface)"))
        }

        let call = try await varlink(["call", "\(address)/\(ServiceInterface.name).GetStatus", "{}"])
        #expect(call.status == 0, "\(call.error)")
        let reply = try #require(JSONObject(call.output))
        #expect(reply.string("version") == MediationVersion.string)
        #expect(reply.object("listener")?.string("activation") == "direct")

        let wrong = try await varlink(["call", "\(address)/\(ServiceInterface.name).GetStatus", #"{"verbose": true}"#])
        // The reference client prints error replies on stderr and still exits 0.
        #expect(wrong.error.contains("InvalidParameter") && wrong.error.contains("verbose"), "\(wrong.error)")
        #expect(wrong.output.isEmpty)
        #expect(await daemon.stop() == 0)
    }
}
