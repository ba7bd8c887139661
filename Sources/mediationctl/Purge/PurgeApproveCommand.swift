import ArgumentParser
import MediationService

struct PurgeApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a pending destruction list and erase the personal data of its cases.",
        discussion: "Recorded with your login. A case reopened since the list was prepared is skipped. This cannot be undone."
    )

    @OptionGroup var target: DestructionListIDArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try DestructionListReport(daemon: daemon, output: output).list("ApproveDestructionList", ["id": .int(target.id)]) { list in
            "Destruction list \(list.id) is approved: \(list.erasedCount) case(s) lost their personal data, \(list.items.count - list.erasedCount) skipped."
        }
    }
}
