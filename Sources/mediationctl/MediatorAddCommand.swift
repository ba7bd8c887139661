import ArgumentParser
import Varlink

struct MediatorAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a mediator (bemiddelaar) who can be booked for sessions.",
        discussion: """
        Without --hours the mediator works \(defaultHours.joined(separator: "; ")); --hours \
        lines replace that week entirely, so give every day worked. Without --max-per-day they \
        take at most \(defaultMaximum) sessions (bemiddelingsgesprekken) a day. Change either \
        later with 'mediator set-hours'.

        With --json, prints the daemon's reply: {"mediator": {...}}.
        """
    )

    static let defaultHours = ["mon-fri 09:00-17:00"]
    static let defaultMaximum = 4

    @OptionGroup var target: MediatorLoginArgument

    @Option(help: ArgumentHelp("The mediator's name as colleagues know it, e.g. \"Anna de Boer\".", valueName: "text"))
    var name: String

    @OptionGroup var week: WorkingHoursOptions
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = [
            "login": .string(target.login),
            "displayName": .string(name),
            "hours": .array((week.hours.isEmpty ? Self.defaultHours : week.hours).map(JSONValue.string)),
            "maximumSessionsPerDay": .int(Int64(week.maxPerDay ?? Self.defaultMaximum)),
        ]
        try await SchedulingReport(daemon: daemon, output: output).mediator("AddMediator", parameters) { "Added mediator \($0.login) (bemiddelaar)." }
    }
}
