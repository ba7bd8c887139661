import ArgumentParser
import Varlink

struct SessionRescheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Move a session to another time, with the same mediator and place.",
        discussion: """
        The new time must meet the same rules as a booking. Without --duration the session \
        keeps its length. Calendars see the change as a new version of the same event.

        With --json, prints the daemon's reply: {"session": {...}}.
        """
    )

    @OptionGroup var target: SessionIDArgument
    @OptionGroup var time: SessionTimeOptions
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters = time.parameters.merging(["id": .int(target.id)]) { $1 }
        try await SchedulingReport(daemon: daemon, output: output).session("Reschedule", parameters) { session in
            "Rescheduled session \(session.id) to \(session.startLocal)."
        }
    }
}
