import ArgumentParser
import Varlink

struct MediatorLeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Record leave (verlof) or another absence: the mediator cannot be booked then.",
        discussion: """
        Dates (YYYY-MM-DD) take whole days, from the first to the last day inclusive; a time \
        ("YYYY-MM-DD HH:MM") takes part of a day, such as a training afternoon. Periods of one \
        mediator may not overlap. Sessions already booked in the period are not moved: \
        'mediator show' lists them, to reschedule.

        With --json, prints the daemon's reply: {"mediator": {...}}.
        """
    )

    @OptionGroup var target: MediatorLoginArgument

    @Option(help: ArgumentHelp("The first day of leave, or the time the absence starts.", valueName: "YYYY-MM-DD[ HH:MM]"))
    var from: String

    @Option(help: ArgumentHelp("The last day of leave, or the time the absence ends.", valueName: "YYYY-MM-DD[ HH:MM]"))
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
