import Foundation
import Varlink

/// A failure the user can act on: one line saying what went wrong and what to do, and an exit
/// status from sysexits(3) so scripts can tell the kinds apart.
struct CLIFailure: Error {
    let message: String
    let exitCode: Int32

    static let dataError: Int32 = 65
    static let unavailable: Int32 = 69
    static let noPermission: Int32 = 77

    /// Words an error reply from the daemon for people.
    init(_ error: VarlinkError) {
        let parameter = error.parameters["parameter"]?.stringValue
        switch error.name {
        case VarlinkError.permissionDenied.name:
            self.init(message: "permission denied: your user is not in a group allowed to do this (see mediationd.toml)", exitCode: Self.noPermission)
        case "org.varlink.service.InvalidParameter":
            self.init(message: "the daemon refused the value of '\(parameter ?? "?")'", exitCode: Self.dataError)
        case "org.varlink.service.MethodNotFound", "org.varlink.service.InterfaceNotFound", "org.varlink.service.MethodNotImplemented":
            self.init(message: "the daemon does not offer this command (\(error)); is mediationd the same version as mediationctl?", exitCode: 1)
        default:
            let reason = error.parameters["reason"]?.stringValue
            self.init(message: reason ?? "the daemon answered \(error)", exitCode: 1)
        }
    }

    init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}
