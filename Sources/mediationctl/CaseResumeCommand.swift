import ArgumentParser
import Varlink

struct CaseResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume a suspended case (einde opschorting).",
        discussion: "The open deadline moves by the calendar days the case was suspended, onto a working day."
    )

    @OptionGroup var target: CaseReferenceArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await CaseChangeReport(daemon: daemon, output: output).run("Resume", ["reference": .string(target.reference)]) {
            "Resumed case \($0.reference)."
        }
    }
}
