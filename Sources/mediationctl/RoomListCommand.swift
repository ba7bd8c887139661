import ArgumentParser
import MediationService

struct RoomListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rooms and video places.",
        discussion: "With --json, prints the daemon's reply: {\"places\": [...]}."
    )

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await SchedulingReport(daemon: daemon, output: output).run("ListPlaces", as: WirePlaceList.self) { reply in
            guard !reply.places.isEmpty else { return "No rooms or video places yet; add one with mediationctl room add." }
            var table = TextTable("NAME", "KIND", "CAPACITY")
            for place in reply.places {
                table.append([TextTable.Cell(place.name), TextTable.Cell(place.kindLabel), TextTable.Cell(String(place.capacity))])
            }
            return table.renderedWithCount(style: output.style)
        }
    }
}
