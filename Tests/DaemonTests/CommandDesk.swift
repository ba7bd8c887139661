import Foundation
import TestSupport
import Testing

/// A test's own daemon and mediationctl pointed at it: how a test runs a command, expects it to
/// succeed and reads its --json reply, or expects the daemon's refusal.
protocol CommandDesk {
    var daemon: DaemonHarness { get }
}

extension CommandDesk {
    func ctl(_ arguments: [String]) async throws -> CommandResult {
        try await daemon.ctl(arguments + ["--socket", daemon.socketPath])
    }

    /// The standard output of a command that must succeed.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await ctl(arguments)
        try #require(result.status == 0, "mediationctl \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)", sourceLocation: sourceLocation)
        return result.output
    }

    /// What a command that must succeed prints with --json, read as the daemon's reply.
    func reply<Reply: Decodable>(_ type: Reply.Type, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> Reply {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(try await succeed(arguments + ["--json"], sourceLocation: sourceLocation).utf8))
    }

    /// A refusal: exit 65, nothing on stdout, the daemon's reason in one line on stderr.
    func expectRefused(_ arguments: [String], saying reason: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let command = "mediationctl \(arguments.joined(separator: " "))"
        do {
            let result = try await ctl(arguments)
            #expect(result.status == 65 && result.output.isEmpty, "\(command) exited \(result.status): \(result.output)\(result.error)", sourceLocation: sourceLocation)
            let lines = result.error.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("mediationctl: ") && lines[0].contains(reason), "\(command) said: \(result.error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(command) did not run: \(error)", sourceLocation: sourceLocation)
        }
    }
}
