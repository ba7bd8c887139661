import ArgumentParser
import Varlink

struct CaseSuspendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspend",
        abstract: "Suspend a case (opschorting): its terms stand still and no reminders are sent.",
        discussion: "Resume it with 'case resume'; the open deadline then moves by the days the case was suspended."
    )

    @OptionGroup var target: CaseReferenceArgument

    @Option(help: ArgumentHelp("Why the case waits, e.g. for documents from the complainant.", valueName: "text"))
    var reason: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["reference": .string(target.reference), "reason": .string(reason)]
        try await CaseChangeReport(daemon: daemon, output: output).run("Suspend", parameters) {
            "Suspended case \($0.reference) (opschorting); its terms stand still until you resume it."
        }
    }
}
