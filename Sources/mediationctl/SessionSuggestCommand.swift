import ArgumentParser
import MediationService
import Varlink

struct SessionSuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Find the earliest free slots for a case's mediation session (bemiddelingsgesprek).",
        discussion: """
        Every slot meets the booking rules, and at each time the mediator (bemiddelaar) with the \
        fewest sessions that week is offered first. Slots fall before the case's session \
        deadline when any fit; otherwise the first ones after it are offered and marked, and \
        booking one takes --after-deadline with the reason. Rooms are offered before video \
        places unless --room or --video says which.

        Book a slot with: mediationctl session book --case REF --mediator LOGIN --room PLACE \
        --start "START".

        With --json, prints the daemon's reply: {"slots": [...]}.
        """
    )

    @Option(name: .customLong("case"), help: ArgumentHelp("The case reference (zaaknummer).", valueName: "reference"))
    var reference: String

    @Option(help: ArgumentHelp("Only this mediator's (bemiddelaar's) time.", valueName: "login"))
    var mediator: String?

    @Option(help: ArgumentHelp("Only this room or video place.", valueName: "name"))
    var room: String?

    @Flag(help: "Only video places.")
    var video = false

    @OptionGroup var length: DurationOption

    @Option(parsing: .unconditional, help: ArgumentHelp("How many slots, 1 to 100.", valueName: "n"))
    var count: Int = 5

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if room != nil && video {
            throw ValidationError("give --room or --video, not both")
        }
    }

    func run() async throws {
        var parameters: [String: JSONValue] = ["case": .string(reference), "count": .int(Int64(count))]
        parameters["mediator"] = mediator.map(JSONValue.string)
        parameters["place"] = room.map(JSONValue.string)
        if video { parameters["video"] = .bool(true) }
        parameters["duration"] = length.duration.map(JSONValue.string)
        try await SchedulingReport(daemon: daemon, output: output).run("Suggest", parameters, as: WireSlotList.self) { reply in
            SlotListing(slots: reply.slots).rendered(style: output.style)
        }
    }
}
