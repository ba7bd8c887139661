import Foundation
import MediationService
import Varlink

/// The iCalendar text (RFC 5545) the daemon writes, passed on byte for byte so that it can be
/// redirected into a file or piped into a calendar tool: no table, no JSON, no added newline.
struct CalendarText {
    let daemon: DaemonSocket

    func print(_ method: String, _ parameters: [String: JSONValue]) async throws(CLIFailure) {
        let (_, reply) = try daemon.call("\(SchedulingInterface.name).\(method)", parameters: parameters, as: WireCalendar.self, exact: true)
        FileHandle.standardOutput.write(Data(TerminalText.forStandardOutput(reply.ics).utf8))
    }
}
