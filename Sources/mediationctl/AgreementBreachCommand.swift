import ArgumentParser
import Varlink

struct AgreementBreachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breach",
        abstract: "Record that a party did not do what it agreed (niet nagekomen)."
    )

    @OptionGroup var target: AgreementIDArgument

    @Option(help: ArgumentHelp("What happened, for the case's file.", valueName: "text"))
    var note: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await AgreementReport(daemon: daemon, output: output).run("Breach", ["agreement": .int(target.id), "note": .string(note)]) {
            "Agreement \($0.id) of case \($0.reference) is recorded as breached."
        }
    }
}
