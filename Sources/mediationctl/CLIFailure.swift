import Foundation
import MediationService
import Varlink

/// A failure the user can act on: one line saying what went wrong and what to do, and an exit
/// status from sysexits(3) so scripts can tell the kinds apart.
struct CLIFailure: Error {
    let message: String
    let exitCode: Int32

    static let dataError: Int32 = 65
    static let unavailable: Int32 = 69
    static let noPermission: Int32 = 77
    static let cannotCreate: Int32 = 73
    /// EX_TEMPFAIL: nothing was done, and the same command can succeed later.
    static let tryAgainLater: Int32 = 75

    /// Words an error reply from the daemon for people.
    init(_ error: VarlinkError) {
        // The parameter a message is about: named so by most errors, as the field of a text too
        // long, and as what is out of range when it is a date the user gave (a name, no words).
        let parameter = (error.parameters["parameter"] ?? error.parameters["field"] ?? error.parameters["what"])?.stringValue
            .flatMap { $0.contains(" ") ? nil : $0 }
        switch error.name {
        case VarlinkError.permissionDenied.name:
            self.init(message: "permission denied: your user has no role that may do this (staff read; mediators also change cases, agreements "
                      + "and their own sessions; planners everyone's sessions; admins also manage mediators and rooms); ask an admin to add you to the group ([access] in mediationd.toml)",
                      exitCode: Self.noPermission)
        case "org.varlink.service.InvalidParameter":
            self.init(message: "the daemon refused the value of '\(parameter ?? "?")'", exitCode: Self.dataError)
        case "org.varlink.service.MethodNotFound", "org.varlink.service.InterfaceNotFound", "org.varlink.service.MethodNotImplemented":
            self.init(message: "the daemon does not offer this command (\(error)); is mediationd the same version as mediationctl?", exitCode: 1)
        case "io.mediationd.Service.StorageFull":
            self.init(message: error.parameters["message"]?.stringValue ?? "the daemon's disk is full; nothing was saved", exitCode: Self.tryAgainLater)
        case "io.mediationd.Service.TooManyConnections":
            self.init(message: error.parameters["message"]?.stringValue ?? "the daemon has too many connections open; try again later", exitCode: Self.tryAgainLater)
        case let name where name.hasPrefix("io.mediationd.") && error.parameters["message"] != nil:
            // The daemon words every error of its own interfaces for people already: what is
            // wrong, what to do. SlotTaken's message names the session it collides with.
            let message = error.parameters["message"]?.stringValue.map { Self.namingTheFlag(parameter, in: $0) }
            self.init(message: message ?? "the daemon refused this: \(error)", exitCode: Self.dataError)
        default:
            let reason = error.parameters["reason"]?.stringValue
            self.init(message: reason ?? "the daemon answered \(error)", exitCode: 1)
        }
    }

    /// A message that starts with a parameter as the wire names it (`dueWithin "x" is not a
    /// term`) is about the flag the user typed (`--due-within`); say that.
    private static func namingTheFlag(_ parameter: String?, in message: String) -> String {
        guard let parameter, message.hasPrefix(parameter + " ") else { return message }
        // complainant.name is --complainant-name.
        let flag = renamedFlags[parameter] ?? parameter.reduce(into: "--") { flag, character in
            flag += character.isUppercase ? "-" + character.lowercased() : character == "." ? "-" : String(character)
        }
        return flag + message.dropFirst(parameter.count)
    }

    /// Parameters whose flag is not their name in kebab case: shorter words for what is typed often.
    private static let renamedFlags = ["displayName": "--name", "maximumSessionsPerDay": "--max-per-day"]

    init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}
