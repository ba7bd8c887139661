import ArgumentParser
import Varlink

struct MediatorLeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Record leave (verlof) or another absence: the mediator cannot be booked then.",
        discussion: """
        Leave is taken in whole days, from the first to the last day inclusive. Periods of one \
        mediator may not overlap. Sessions already booked in the period are not moved: \
        'mediator show' lists them, to reschedule.

        With --json, prints the daemon's reply: {"mediator": {...}}.
        """
    )

    @OptionGroup var target: MediatorLoginArgument

    @Option(help: ArgumentHelp("The first day of leave.", valueName: "YYYY-MM-DD"))
    var from: String

    @Option(help: ArgumentHelp("The last day of leave.", valueName: "YYYY-MM-DD"))
    var to: String

    @Option(help: ArgumentHelp("Why, e.g. vakantie; shown to whoever books.", valueName: "text"))
    var reason: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["login": .string(target.login), "from": .string(from), "to": .string(to), "reason": .string(reason)]
        try await SchedulingReport(daemon: daemon, output: output).mediator("AddLeave", parameters) { "Recorded leave (verlof) for \($0.login) from \(from) to \(to)." }
    }
}
