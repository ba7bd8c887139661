import ArgumentParser
import MediationService

struct PurgeListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the destruction lists, newest first.",
        discussion: "With --json, prints the daemon's reply: {\"lists\": [...]}."
    )

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try DestructionListReport(daemon: daemon, output: output).run("ListDestructionLists", as: WireDestructionLists.self) { reply in
            guard !reply.lists.isEmpty else {
                return "No destruction list yet: the daily run prepares one when a closed case is past its term (mediationctl purge prepare asks now)."
            }
            var table = TextTable("ID", "PREPARED", "STATE", "CASES", "DECIDED BY", "DECIDED")
            for list in reply.lists {
                table.append([.init(String(list.id)), .init(OfficeTime().format(list.preparedAt)), .init(list.state.rawValue), .init(String(list.cases)),
                              .init(list.decidedBy ?? "-"), .init(list.decidedAt.map { OfficeTime().format($0) } ?? "-")])
            }
            return table.renderedWithCount(style: output.style)
        }
    }
}
