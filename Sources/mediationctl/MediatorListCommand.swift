import ArgumentParser
import MediationService

struct MediatorListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the mediators (bemiddelaars), their hours and leave (verlof).",
        discussion: "With --json, prints the daemon's reply: {\"mediators\": [...]}."
    )

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await SchedulingReport(daemon: daemon, output: output).run("ListMediators", as: WireMediatorList.self) { reply in
            guard !reply.mediators.isEmpty else { return "No mediators yet; add one with mediationctl mediator add." }
            var table = TextTable("LOGIN", "NAME", "PER DAY", "HOURS", "LEAVE")
            for mediator in reply.mediators {
                table.append([
                    TextTable.Cell(mediator.login),
                    .truncated(mediator.displayName, to: 30),
                    TextTable.Cell(String(mediator.maximumSessionsPerDay)),
                    TextTable.Cell(MediatorSheet.hours(of: mediator)),
                    TextTable.Cell(mediator.leave.isEmpty ? "-" : mediator.leave.map(MediatorSheet.period).joined(separator: "; ")),
                ])
            }
            return table.renderedWithCount(style: output.style)
        }
    }
}
