import ArgumentParser
import Foundation
import Varlink

/// Where the daemon listens, and the connection to it.
struct DaemonSocket: ParsableArguments {
    static let defaultPath = "/run/mediationd/io.mediationd"

    @Option(name: .long, help: ArgumentHelp("The daemon's socket.", valueName: "path"))
    var socket: String?

    var path: String {
        socket ?? ProcessInfo.processInfo.environment["MEDIATIOND_SOCKET"] ?? Self.defaultPath
    }

    /// Connects, turning the ways a connection fails into what the user should do about each.
    func connect() async throws(CLIFailure) -> VarlinkClient {
        do {
            return try await VarlinkClient.connect(unixSocketPath: path)
        } catch {
            throw explain(error)
        }
    }

    /// Makes one call on a fresh connection, blocking: a command that makes one call and exits
    /// would spend more on starting event loop threads than on the call.
    func call(_ method: String, parameters: [String: JSONValue] = [:]) throws(CLIFailure) -> [String: JSONValue] {
        do {
            return try VarlinkSingleCall.call(unixSocketPath: path, method: method, parameters: parameters)
        } catch let error as VarlinkConnectError {
            throw explain(error)
        } catch let error as VarlinkError {
            throw CLIFailure(error)
        } catch {
            throw CLIFailure(message: "lost the connection to mediationd at \(path) (\(error)); see journalctl -u mediationd", exitCode: CLIFailure.unavailable)
        }
    }

    /// Makes one call and reads its reply as `Reply`, keeping the reply as it came for --json.
    /// The texts in `Reply` are escaped for a terminal (TerminalText), unless `exact`: a document
    /// is passed on as written and escaped only if it goes to a terminal.
    func call<Reply: Decodable>(_ method: String, parameters: [String: JSONValue] = [:], as type: Reply.Type,
                                exact: Bool = false) throws(CLIFailure) -> (raw: [String: JSONValue], reply: Reply) {
        let raw = try call(method, parameters: parameters)
        do {
            return (raw, try (exact ? JSONValue.object(raw) : TerminalText.escapingStrings(in: .object(raw))).decode(type))
        } catch {
            throw CLIFailure(message: "the daemon's reply to \(method) is not understood (\(error)); is mediationd the same version as mediationctl?", exitCode: 1)
        }
    }

    private func explain(_ error: VarlinkConnectError) -> CLIFailure {
        switch error.code {
        case ENOENT?, ECONNREFUSED?:
            CLIFailure(message: "mediationd is not running at \(path); start it with: systemctl start mediationd.socket (or pass --socket / set MEDIATIOND_SOCKET)", exitCode: CLIFailure.unavailable)
        case EACCES?, EPERM?:
            CLIFailure(message: "permission denied on \(path); add your user to the group that owns it (mediation) and log in again", exitCode: CLIFailure.noPermission)
        default:
            CLIFailure(message: "\(error); is mediationd running? (systemctl status mediationd)", exitCode: CLIFailure.unavailable)
        }
    }
}
