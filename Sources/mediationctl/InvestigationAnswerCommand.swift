import ArgumentParser
import Varlink

struct InvestigationAnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Register the answer to a question; the other side's reaction term starts."
    )

    @OptionGroup var target: QuestionIDArgument

    @Option(help: ArgumentHelp("The answer, as received.", valueName: "text"))
    var text: String

    @Option(name: .customLong("reaction-term"), parsing: .unconditional,
            help: ArgumentHelp("The other side's term to react, e.g. 2w (default: terms.reaction).", valueName: "term"))
    var reactionTerm: String?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = ["question": .int(target.id), "text": .string(text)]
        if let reactionTerm { parameters["reactionTerm"] = .string(reactionTerm) }
        try await InvestigationReport(daemon: daemon, output: output).run("Answer", parameters) {
            "Registered the answer to question \($0.id)."
        }
    }
}
