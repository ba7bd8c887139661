import MediationService
import Varlink

/// One event of `mediationctl watch` for people.
struct EventLine {
    let event: WireEvent
    let time: OfficeTime
    let style: TextStyle

    init(reply: [String: JSONValue], time: OfficeTime, style: TextStyle) throws(CLIFailure) {
        do {
            event = try JSONValue.object(reply).decode(WireEventReply.self).event
        } catch {
            throw CLIFailure(message: "an event from the daemon is not understood (\(error)); is mediationd the same version as mediationctl?", exitCode: 1)
        }
        self.time = time
        self.style = style
    }

    var rendered: String {
        let prefix = "\(style.dim(time.format(event.at)))  \(event.reference)"
        switch event.kind {
        case .change, .session:
            return "\(prefix)  \(event.action ?? "changed") by \(event.login ?? "?"): \(event.summary)"
        case .reminder:
            let stage = event.stage.map { " (\($0))" } ?? ""
            return "\(prefix)  \(style.warning("reminder\(stage)")): \(event.summary)"
        }
    }
}
