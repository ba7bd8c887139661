import ArgumentParser
import Varlink

struct InvestigationExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend a question's open term: the answer's, or the reaction's (verlenging)."
    )

    @OptionGroup var target: QuestionIDArgument

    @Option(parsing: .unconditional, help: ArgumentHelp("How much longer, e.g. 2w.", valueName: "term"))
    var by: String

    @Option(help: ArgumentHelp("Why the extension, for the case's history.", valueName: "text"))
    var reason: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["question": .int(target.id), "by": .string(by), "reason": .string(reason)]
        try await InvestigationReport(daemon: daemon, output: output).run("Extend", parameters) {
            "Extended the open term of question \($0.id) by \(by)."
        }
    }
}
