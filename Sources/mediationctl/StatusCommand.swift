import ArgumentParser
import Foundation
import MediationService
import Varlink

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show whether the daemon runs, since when, and on which database and socket."
    )

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let reply = try daemon.call("\(ServiceInterface.name).GetStatus")
        if output.json {
            output.printJSON(.object(reply))
            return
        }
        let status: ServiceStatus
        do {
            status = try TerminalText.escapingStrings(in: .object(reply)).decode(ServiceStatus.self)
        } catch {
            throw CLIFailure(message: "the daemon's status reply is not understood (\(error)); is mediationd the same version as mediationctl?", exitCode: 1)
        }
        print(StatusTable(status: status, style: output.style).rendered)
    }
}

/// `mediationctl status` for people.
struct StatusTable {
    let status: ServiceStatus
    let style: TextStyle

    var rendered: String {
        let listener = status.listener
        let activation = listener.activation == .socket ? "socket-activated" : "bound by the daemon"
        let rows: [(String, String)] = [
            ("Uptime", "\(Self.duration(status.uptimeSeconds)), since \(Self.format(status.startedAt))"),
            ("Database", status.database.path),
            ("Schema", "\(status.database.schemaVersion), created \(Self.format(status.database.createdAt))"),
            ("Socket", "\(listener.path ?? "inherited") (\(activation))"),
            ("Connections", "\(listener.activeConnections) open of at most \(listener.maximumConnections), \(listener.callsServed) calls answered"),
            ("Cases", status.cases?.summary ?? "still being counted"),
            ("Retention", status.retention?.summary ?? "not run yet since the start"),
        ] + (status.unreadableCases > 0
            ? [("Unreadable", "\(status.unreadableCases) case(s) left out of listings; journalctl -u mediationd names them")] : [])
        let width = rows.map(\.0.count).max() ?? 0
        let lines = rows.map { label, value in
            style.bold(label.padded(toWidth: width)) + "  " + value
        }
        return (["mediationd \(status.version) is running"] + lines).joined(separator: "\n")
    }

    static func format(_ date: Date) -> String {
        OfficeTime().format(date)
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "less than a second" : TimeSpan.format(seconds: seconds.rounded(.down))
    }
}
