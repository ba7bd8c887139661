import ArgumentParser
import Varlink

struct SessionCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a planned session; its time is free again.",
        discussion: """
        The session stays in the calendars as cancelled (STATUS:CANCELLED), so that clients \
        that imported it remove it. The case can then be booked again.

        With --json, prints the daemon's reply: {"session": {...}}.
        """
    )

    @OptionGroup var target: SessionIDArgument

    @Option(help: ArgumentHelp("Why, for the session's history.", valueName: "text"))
    var reason: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["id": .int(target.id), "reason": .string(reason)]
        try await SchedulingReport(daemon: daemon, output: output).session("Cancel", parameters) { "Cancelled session \($0.id)." }
    }
}
