import ArgumentParser
import Varlink

struct MediatorSetHoursCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-hours",
        abstract: "Change a mediator's working hours or their most sessions a day.",
        discussion: """
        --hours replaces the whole week: give every line the mediator works. Sessions already \
        booked stay as they are; the new hours apply to bookings from now on.

        With --json, prints the daemon's reply: {"mediator": {...}}.
        """
    )

    @OptionGroup var target: MediatorLoginArgument
    @OptionGroup var week: WorkingHoursOptions
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if week.hours.isEmpty && week.maxPerDay == nil {
            throw ValidationError("give --hours, --max-per-day or both")
        }
    }

    func run() async throws {
        var parameters: [String: JSONValue] = ["login": .string(target.login)]
        if !week.hours.isEmpty { parameters["hours"] = .array(week.hours.map(JSONValue.string)) }
        parameters["maximumSessionsPerDay"] = week.maxPerDay.map { .int(Int64($0)) }
        try await SchedulingReport(daemon: daemon, output: output).mediator("SetHours", parameters) { "Changed the hours of mediator \($0.login)." }
    }
}
