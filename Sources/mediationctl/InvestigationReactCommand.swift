import ArgumentParser
import Varlink

struct InvestigationReactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "react",
        abstract: "Register the other side's reaction to an answer (wederhoor)."
    )

    @OptionGroup var target: QuestionIDArgument

    @Option(help: ArgumentHelp("The reaction, as received.", valueName: "text"))
    var text: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await InvestigationReport(daemon: daemon, output: output).run("React", ["question": .int(target.id), "text": .string(text)]) {
            "Registered the reaction to the answer to question \($0.id)."
        }
    }
}
