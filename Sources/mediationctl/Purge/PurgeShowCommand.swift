import ArgumentParser
import MediationService

struct PurgeShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a destruction list: its cut-offs, and each case with its outcome, closing day and what it loses."
    )

    @OptionGroup var target: DestructionListIDArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try DestructionListReport(daemon: daemon, output: output).run("ShowDestructionList", ["id": .int(target.id)], as: WireDestructionListReply.self) {
            DestructionListSheet(list: $0.list, style: output.style).rendered
        }
    }
}
