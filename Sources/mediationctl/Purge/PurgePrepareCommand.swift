import ArgumentParser
import MediationService

struct PurgePrepareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Prepare a destruction list now, as the daily run does, including the cases of rejected lists.",
        discussion: "Nothing is erased until the list is approved. Refused while another list awaits a decision."
    )

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try DestructionListReport(daemon: daemon, output: output).run("PrepareDestructionList", as: WirePreparedDestructionList.self) { reply in
            guard let list = reply.list else { return "No closed case is past its retention term: no list was prepared." }
            return "Destruction list \(list.id) is prepared; approve it with mediationctl purge approve \(list.id), or reject it with --reason.\n\n"
                + DestructionListSheet(list: list, style: output.style).rendered
        }
    }
}
