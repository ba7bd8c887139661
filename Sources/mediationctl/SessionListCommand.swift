import ArgumentParser
import MediationService
import Varlink

struct SessionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List planned sessions (bemiddelingsgesprekken), soonest first.",
        discussion: """
        Without --all only planned sessions are listed; with it also cancelled ones and those \
        with an outcome. --from and --to are days, both included.

        With --json, prints the daemon's reply: {"sessions": [...]}.
        """
    )

    @Option(help: ArgumentHelp("Only this mediator's (bemiddelaar's) sessions.", valueName: "login"))
    var mediator: String?

    @Option(name: .customLong("case"), help: ArgumentHelp("Only this case's sessions.", valueName: "reference"))
    var reference: String?

    @Option(help: ArgumentHelp("Only sessions on or after this day.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Only sessions on or before this day.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(help: "Also cancelled sessions and those that took place.")
    var all = false

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = [:]
        parameters["mediator"] = mediator.map(JSONValue.string)
        parameters["case"] = reference.map(JSONValue.string)
        parameters["from"] = from.map(JSONValue.string)
        parameters["to"] = to.map(JSONValue.string)
        if all { parameters["all"] = .bool(true) }
        try await SchedulingReport(daemon: daemon, output: output).run("ListSessions", parameters, as: WireSessionList.self) { reply in
            reply.sessions.isEmpty ? "No sessions match." : SessionTable(sessions: reply.sessions).table.renderedWithCount(style: output.style)
        }
    }
}
