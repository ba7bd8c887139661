import MediationService
import Varlink

/// One call on `io.mediationd.Scheduling` and what it prints: the daemon's reply as it came
/// for --json, else the rendering for people.
struct SchedulingReport {
    let daemon: DaemonSocket
    let output: OutputOptions

    func run<Reply: Decodable>(_ method: String, _ parameters: [String: JSONValue] = [:], as type: Reply.Type,
                               render: (Reply) -> String) async throws(CLIFailure) {
        try daemon.report("\(SchedulingInterface.name).\(method)", parameters, as: type, output: output, render: render)
    }
}

extension SchedulingReport {
    /// A command that books or changes a session: a headline, then the session as it is now.
    func session(_ method: String, _ parameters: [String: JSONValue], headline: (WireSession) -> String) async throws(CLIFailure) {
        try await run(method, parameters, as: WireSessionReply.self) { reply in
            SessionSheet(session: reply.session).rendered(headline: headline(reply.session), style: output.style)
        }
    }

    /// A command that adds or changes a mediator: a headline, then the mediator as they are now.
    func mediator(_ method: String, _ parameters: [String: JSONValue], headline: (WireMediator) -> String) async throws(CLIFailure) {
        try await run(method, parameters, as: WireMediatorReply.self) { reply in
            headline(reply.mediator) + "\n" + MediatorSheet(mediator: reply.mediator).fields.rendered(style: output.style)
        }
    }
}
