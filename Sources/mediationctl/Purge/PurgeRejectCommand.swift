import ArgumentParser
import MediationService

struct PurgeRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a pending destruction list; nothing on it is erased.",
        discussion: """
        Recorded with your login and the reason. The daily run does not list these cases again; \
        mediationctl purge prepare does, when you ask for a new list.
        """
    )

    @OptionGroup var target: DestructionListIDArgument

    @Option(help: ArgumentHelp("Why, for the record (not a person's details: it is kept with the list).", valueName: "text"))
    var reason: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try DestructionListReport(daemon: daemon, output: output).list("RejectDestructionList", ["id": .int(target.id), "reason": .string(reason)]) {
            "Destruction list \($0.id) is rejected; nothing was erased."
        }
    }
}
