import ArgumentParser
import Varlink

struct SessionCompleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Record how a session (bemiddelingsgesprek) ended.",
        discussion: """
        Outcomes: held (the conversation took place), no-show (a party did not come), settled \
        (the parties agreed before it). The case itself stays open: close it with 'case close' \
        and the agreements made (afspraken).

        With --json, prints the daemon's reply: {"session": {...}}.
        """
    )

    @OptionGroup var target: SessionIDArgument

    @Option(help: ArgumentHelp("How it ended.", valueName: "outcome"))
    var outcome: SessionOutcomeArgument

    @Option(help: ArgumentHelp("A remark for the session's history.", valueName: "text"))
    var note: String?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = ["id": .int(target.id), "outcome": .string(outcome.wire)]
        parameters["note"] = note.map(JSONValue.string)
        try await SchedulingReport(daemon: daemon, output: output).session("Complete", parameters) { "Recorded session \($0.id) as \(outcome.rawValue)." }
    }
}
