import ArgumentParser
import Varlink

struct CaseCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a case (afsluiten) with its outcome.",
        discussion: "Closing meets the open deadline and ends a suspension; a closed case can no longer be changed."
    )

    @OptionGroup var target: CaseReferenceArgument

    @Option(help: ArgumentHelp("How the case ended, e.g. the agreements made (afspraken) or the report's conclusion.", valueName: "text"))
    var outcome: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["reference": .string(target.reference), "outcome": .string(outcome)]
        try await CaseChangeReport(daemon: daemon, output: output).run("Close", parameters) { "Closed case \($0.reference)." }
    }
}
