import ArgumentParser
import Varlink

struct SessionBookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Book a mediation session (bemiddelingsgesprek) for a case.",
        discussion: """
        The case must be on the mediation track and have no other session planned. The time \
        must meet every booking rule (see 'mediationctl session --help'); a time taken by \
        another session is refused naming that session. 'session suggest' finds free slots.

        With --json, prints the daemon's reply: {"session": {...}}.
        """
    )

    @Option(name: .customLong("case"), help: ArgumentHelp("The case reference (zaaknummer), e.g. 2026-0042.", valueName: "reference"))
    var reference: String

    @Option(help: ArgumentHelp("The mediator's (bemiddelaar's) login.", valueName: "login"))
    var mediator: String

    @Option(help: ArgumentHelp("The room or video place, by name ('room list').", valueName: "name"))
    var room: String

    @OptionGroup var time: SessionTimeOptions
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters = time.parameters.merging(["case": .string(reference), "mediator": .string(mediator), "place": .string(room)]) { $1 }
        try await SchedulingReport(daemon: daemon, output: output).session("Book", parameters) { session in
            "Booked session \(session.id) (bemiddelingsgesprek) for case \(session.case)."
        }
    }
}
