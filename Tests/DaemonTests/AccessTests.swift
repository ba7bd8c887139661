import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

/// Real users in real groups call the real daemon through mediationctl (`runuser -u`): the
/// daemon reads who they are from the socket and lets each do what its role allows.
@Suite("Who may do what", .serialized, .timeLimit(.minutes(3)))
struct AccessTests {
    /// Test users and their groups, created once on this machine (as useradd would for staff).
    static let users = ["mdt-staff": "mdt-role-staff", "mdt-mediator": "mdt-role-mediators", "mdt-admin": "mdt-role-admins", "mdt-nobody": nil]

    init() async throws {
        for (user, group) in Self.users {
            if let group {
                try await Self.run("/usr/sbin/groupadd", ["-f", group])
            }
            if try await runCommand("/usr/bin/id", ["-u", user]).status != 0 {
                try await Self.run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin"] + (group.map { ["-G", $0] } ?? []) + [user])
            } else if let group {
                try await Self.run("/usr/sbin/usermod", ["-a", "-G", group, user])
            }
        }
    }

    @discardableResult
    private static func run(_ tool: String, _ arguments: [String]) async throws -> CommandResult {
        let result = try await runCommand(tool, arguments)
        guard result.status == 0 else { throw TestSetupError("\(tool) \(arguments.joined(separator: " ")): \(result.error)") }
        return result
    }

    @Test func eachRoleMayDoWhatItsGroupAllowsAndNoMore() async throws {
        let daemon = DaemonHarness()
        daemon.writeConfiguration(extra: """
            [access]
            staff_group = "mdt-role-staff"
            mediator_group = "mdt-role-mediators"
            admin_group = "mdt-role-admins"
            """)
        try await daemon.startDirectAndWait()
        // The socket unit gives the socket to the users who may connect; here the test does.
        chmod(daemon.directory.path, 0o755)
        chmod(daemon.directory.file("run"), 0o755)
        chmod(daemon.socketPath, 0o666)
        let ctl = daemon.directory.file("mediationctl")
        try FileManager.default.copyItem(atPath: BuiltProducts.mediationctl, toPath: ctl)
        chmod(ctl, 0o755)

        func call(_ user: String, _ arguments: [String]) async throws -> CommandResult {
            try await runCommand("/usr/sbin/runuser", ["-u", user, "--", ctl] + arguments + ["--socket", daemon.socketPath])
        }
        func expectDenied(_ user: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let result = try await call(user, arguments)
            #expect(result.status == 77, "\(user): \(arguments) exited \(result.status): \(result.error)", sourceLocation: sourceLocation)
            #expect(result.error.contains("permission denied"), "\(result.error)", sourceLocation: sourceLocation)
        }
        func expectAllowed(_ user: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
            let result = try await call(user, arguments)
            #expect(result.status == 0, "\(user): \(arguments) exited \(result.status): \(result.error)", sourceLocation: sourceLocation)
            return result.output
        }
        let register = ["case", "register", "--reference", "ACC-1", "--agency", "UWV", "--subject", "s",
                        "--complainant-name", "Piet Puk", "--complainant-contact", "piet@example.nl"]

        try await expectDenied("mdt-nobody", ["status"])
        try await expectDenied("mdt-nobody", ["case", "list"])
        _ = try await expectAllowed("mdt-staff", ["status"])
        _ = try await expectAllowed("mdt-staff", ["case", "list"])
        try await expectDenied("mdt-staff", register)
        _ = try await expectAllowed("mdt-mediator", register)
        try await expectDenied("mdt-mediator", ["mediator", "add", "anna", "--name", "Anna"])
        _ = try await expectAllowed("mdt-admin", ["mediator", "add", "anna", "--name", "Anna"])
        _ = try await expectAllowed("mdt-admin", ["case", "decide", "ACC-1", "--track", "mediation", "--reason", "r"])

        // Every change records the login of whoever made it.
        let shown = try await expectAllowed("mdt-staff", ["case", "show", "ACC-1", "--json"])
        let history = (JSONObject(shown)?.values["history"] as? [[String: Any]]) ?? []
        #expect(history.compactMap { $0["login"] as? String } == ["mdt-mediator", "mdt-admin"])
        #expect(await daemon.stop() == 0)
    }
}
