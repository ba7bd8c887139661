import ArgumentParser
import MediationService

struct MediatorShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a mediator (bemiddelaar): hours, leave (verlof) and the sessions still to come.",
        discussion: "With --json, prints the daemon's reply: {\"mediator\": {...}, \"sessions\": [...]}."
    )

    @OptionGroup var target: MediatorLoginArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let style = output.style
        try await SchedulingReport(daemon: daemon, output: output).run("GetMediator", ["login": .string(target.login)], as: WireMediatorDetail.self) { reply in
            [
                style.bold("Mediator \(reply.mediator.login)"),
                MediatorSheet(mediator: reply.mediator).fields.rendered(style: style),
                "",
                style.bold("Upcoming sessions"),
                reply.sessions.isEmpty ? "none" : SessionTable(sessions: reply.sessions).rendered(style: style),
            ].joined(separator: "\n")
        }
    }
}
