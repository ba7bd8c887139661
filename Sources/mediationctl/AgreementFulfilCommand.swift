import ArgumentParser
import Varlink

struct AgreementFulfilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fulfil",
        abstract: "Record that a party did what it agreed (nagekomen)."
    )

    @OptionGroup var target: AgreementIDArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await AgreementReport(daemon: daemon, output: output).run("Fulfil", ["agreement": .int(target.id)]) {
            "Agreement \($0.id) of case \($0.reference) is fulfilled."
        }
    }
}
