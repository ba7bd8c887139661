import MediationService
import Varlink

/// One call about destruction lists and what it prints: the daemon's reply as it came for
/// --json, else the rendering for people.
struct DestructionListReport {
    let daemon: DaemonSocket
    let output: OutputOptions

    func run<Reply: Decodable>(_ method: String, _ parameters: [String: JSONValue] = [:], as type: Reply.Type,
                               render: (Reply) -> String) throws(CLIFailure) {
        try daemon.report("\(ServiceInterface.name).\(method)", parameters, as: type, output: output, render: render)
    }

    /// A command on one list: a headline, then the list as it is now.
    func list(_ method: String, _ parameters: [String: JSONValue], headline: (WireDestructionList) -> String) throws(CLIFailure) {
        try run(method, parameters, as: WireDestructionListReply.self) { reply in
            headline(reply.list) + "\n\n" + DestructionListSheet(list: reply.list, style: output.style).rendered
        }
    }
}
