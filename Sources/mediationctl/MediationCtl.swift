import ArgumentParser
import Foundation
import MediationService

/// `mediationctl`: the command line for mediators, staff and operators.
struct MediationCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediationctl",
        abstract: "Control and query mediationd, the ombudsman office's deadline and scheduling service.",
        discussion: """
        Talks to mediationd over its Varlink socket: --socket (before or after the command), \
        else $MEDIATIOND_SOCKET, else \(DaemonSocket.defaultPath).

        Exit status: 0 on success, 64 for a wrong command line, 65 for input the daemon refused, \
        69 when the daemon cannot be reached, 77 when permission is denied, 1 for anything else.
        """,
        version: MediationVersion.string,
        subcommands: [
            StatusCommand.self, CaseCommand.self, DeadlineCommand.self, MediatorCommand.self, RoomCommand.self, SessionCommand.self,
            AgreementCommand.self, InvestigationCommand.self, ExportCommand.self, WatchCommand.self, BackupCommand.self, PurgeCommand.self,
        ]
    )
}

@main
enum Main {
    static func main() async {
        do {
            var command = try MediationCtl.parseAsRoot(LeadingSocketOption.moved(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("mediationctl: \(TerminalText.escaped(failure.message, keepingLineBreaks: false))\n".utf8))
            exit(failure.exitCode)
        } catch {
            MediationCtl.exit(withError: error)
        }
    }
}
