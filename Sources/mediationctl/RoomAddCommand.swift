import ArgumentParser
import MediationService
import Varlink

struct RoomAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a meeting room, or with --video a video place.",
        discussion: "With --json, prints the daemon's reply: {\"place\": {...}}."
    )

    @Argument(help: ArgumentHelp("The room's name as people say it, e.g. \"Kamer 2.14\".", valueName: "name"))
    var name: String

    // Taken unconditionally so that a mistyped "-4" reaches the daemon, which says what is allowed.
    @Option(parsing: .unconditional, help: ArgumentHelp("How many people it seats, 1 to 500.", valueName: "n"))
    var capacity: Int

    @Flag(help: "A video meeting place instead of a room: any number of sessions can use it at once.")
    var video = false

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["name": .string(name), "kind": .string(video ? "video" : "room"), "capacity": .int(Int64(capacity))]
        try await SchedulingReport(daemon: daemon, output: output).run("AddPlace", parameters, as: WirePlaceReply.self) { reply in
            "Added \(reply.place.kindLabel) \(reply.place.name) for \(reply.place.capacity) people."
        }
    }
}
