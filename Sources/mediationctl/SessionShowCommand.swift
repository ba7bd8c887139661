import ArgumentParser
import MediationService

struct SessionShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a session (bemiddelingsgesprek) and its history.",
        discussion: "With --json, prints the daemon's reply: {\"session\": {...}, \"history\": [...]}."
    )

    @OptionGroup var target: SessionIDArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let style = output.style
        try await SchedulingReport(daemon: daemon, output: output).run("GetSession", ["id": .int(target.id)], as: WireSessionDetail.self) { reply in
            [
                SessionSheet(session: reply.session).rendered(headline: style.bold("Session \(reply.session.id)"), style: style),
                "",
                style.bold("History"),
                HistoryTable(entries: reply.history).rendered(style: style),
            ].joined(separator: "\n")
        }
    }
}
