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
    static let users = ["mdt-staff": "mdt-role-staff", "mdt-mediator": "mdt-role-mediators", "mdt-mediator2": "mdt-role-mediators",
                        "mdt-planner": "mdt-role-planners", "mdt-admin": "mdt-role-admins", "mdt-nobody": nil]

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

    /// A daemon whose [access] names the test's groups, and mediationctl where every test user
    /// can run it.
    private static func startDaemon() async throws -> (DaemonHarness, call: @Sendable (String, [String]) async throws -> CommandResult) {
        let daemon = DaemonHarness()
        daemon.writeConfiguration(extra: """
            [access]
            staff_group = "mdt-role-staff"
            mediator_group = "mdt-role-mediators"
            planner_group = "mdt-role-planners"
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
        let socket = daemon.socketPath
        return (daemon, { user, arguments in
            try await runCommand("/usr/sbin/runuser", ["-u", user, "--", ctl] + arguments + ["--socket", socket])
        })
    }

    @Test func eachRoleMayDoWhatItsGroupAllowsAndNoMore() async throws {
        let (daemon, call) = try await Self.startDaemon()
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

    @Test func mediatorsChangeTheirOwnSessionsAndPlannersEveryones() async throws {
        let (daemon, call) = try await Self.startDaemon()
        func expect(_ user: String, _ arguments: [String], exits status: Int32, saying text: String = "",
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
            let result = try await call(user, arguments)
            #expect(result.status == status, "\(user): \(arguments) exited \(result.status): \(result.error)", sourceLocation: sourceLocation)
            #expect(text.isEmpty || result.error.contains(text), "\(result.error)", sourceLocation: sourceLocation)
            return result.output
        }
        for login in ["mdt-mediator", "mdt-mediator2"] {
            _ = try await expect("mdt-admin", ["mediator", "add", login, "--name", login], exits: 0)
        }
        _ = try await expect("mdt-admin", ["room", "add", "Kamer 1", "--capacity", "6"], exits: 0)
        for reference in ["OWN-1", "OWN-2", "OWN-3"] {
            _ = try await expect("mdt-mediator", ["case", "register", "--reference", reference, "--agency", "UWV", "--subject", "s",
                                                  "--complainant-name", "n", "--complainant-contact", "c"], exits: 0)
            _ = try await expect("mdt-mediator", ["case", "decide", reference, "--track", "mediation", "--reason", "r"], exits: 0)
        }
        func slot(_ reference: String, _ mediator: String) async throws -> String {
            let slots = try await expect("mdt-staff", ["session", "suggest", "--case", reference, "--mediator", mediator, "--json"], exits: 0)
            let first = try #require(((JSONObject(slots)?.values["slots"] as? [[String: Any]]) ?? []).first)
            return try #require(first["startLocal"] as? String)
        }
        func book(_ user: String, _ reference: String, for mediator: String, exits status: Int32, saying text: String = "") async throws -> Int? {
            let start = try await slot(reference, mediator)
            let output = try await expect(user, ["session", "book", "--case", reference, "--mediator", mediator, "--room", "Kamer 1",
                                                 "--start", start, "--json"], exits: status, saying: text)
            return (JSONObject(output)?.values["session"] as? [String: Any])?["id"] as? Int
        }

        // A mediator books for themselves, not for a colleague; a planner for anyone.
        let own = try #require(try await book("mdt-mediator", "OWN-1", for: "mdt-mediator", exits: 0))
        _ = try await book("mdt-mediator", "OWN-2", for: "mdt-mediator2", exits: 65, saying: "you (mdt-mediator) book only sessions you mediate yourself")
        let colleagues = try #require(try await book("mdt-planner", "OWN-2", for: "mdt-mediator2", exits: 0))
        _ = try await book("mdt-admin", "OWN-3", for: "mdt-mediator2", exits: 0)

        // Nobody moves, cancels or completes a colleague's session but a planner or an admin.
        let later = try await slot("OWN-3", "mdt-mediator2")
        let notYours = "session \(colleagues) is mediated by mdt-mediator2, and you (mdt-mediator) change only the sessions you mediate"
        _ = try await expect("mdt-mediator", ["session", "reschedule", String(colleagues), "--start", later], exits: 65, saying: notYours)
        _ = try await expect("mdt-mediator", ["session", "cancel", String(colleagues), "--reason", "x"], exits: 65, saying: notYours)
        _ = try await expect("mdt-mediator", ["session", "complete", String(colleagues), "--outcome", "settled"], exits: 65, saying: notYours)
        _ = try await expect("mdt-staff", ["session", "cancel", String(own), "--reason", "x"], exits: 77, saying: "permission denied")
        _ = try await expect("mdt-planner", ["session", "reschedule", String(colleagues), "--start", later], exits: 0)
        _ = try await expect("mdt-mediator2", ["session", "complete", String(colleagues), "--outcome", "settled"], exits: 0)
        _ = try await expect("mdt-mediator", ["session", "cancel", String(own), "--reason", "complainant ill"], exits: 0)
        // A planner is no admin.
        _ = try await expect("mdt-planner", ["mediator", "add", "carl", "--name", "Carl"], exits: 77, saying: "permission denied")
        #expect(await daemon.stop() == 0)
    }
}
