import ArgumentParser
import Foundation
import Glibc
import MediationService
import Varlink

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow case changes and reminders as they happen, like journalctl -f.",
        discussion: """
        Prints one line per event: a change to a case (with the login that made it) or a \
        reminder as it was written to the journal. Runs until interrupted (Ctrl-C), or until \
        mediationd stops, which ends with exit status 69. Events carry case references, never \
        a complainant's name or contact details.

        With --json, prints each event as the daemon sent it, one JSON object a line: \
        {"event": {...}}.
        """
    )

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        // Being interrupted is how a watch ends: quietly and successfully. Every line is written
        // as it comes, so there is nothing left to flush.
        signal(SIGINT) { _ in _exit(0) }
        let client = try await daemon.connect()
        let time = OfficeTime()
        do {
            for try await reply in client.stream("\(CasesInterface.name).Watch") {
                if output.json {
                    Self.write(JSONValue.object(reply).compactDescription)
                } else {
                    let shown = TerminalText.escapingStrings(in: .object(reply)).objectValue ?? [:]
                    Self.write(try EventLine(reply: shown, time: time, style: output.style).rendered)
                }
            }
        } catch let error as VarlinkError {
            throw CLIFailure(error)
        } catch let failure as CLIFailure {
            throw failure
        } catch VarlinkClientError.connectionClosed {
            throw ended
        } catch {
            throw CLIFailure(message: "lost the connection to mediationd at \(daemon.path) (\(error)); see journalctl -u mediationd", exitCode: CLIFailure.unavailable)
        }
        throw ended
    }

    /// A daemon that stops or restarts ends every watch; the watcher has to start again.
    private var ended: CLIFailure {
        CLIFailure(message: "mediationd at \(daemon.path) closed the connection (it stopped or restarted); run watch again once it is back (systemctl status mediationd)", exitCode: CLIFailure.unavailable)
    }

    /// Straight to the descriptor: stdout is block-buffered when it is a pipe or a file, and a
    /// watch must show each event when it happens.
    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
