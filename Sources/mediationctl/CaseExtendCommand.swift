import ArgumentParser
import Varlink

struct CaseExtendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend a case's open deadline (verlenging).",
        discussion: """
        The deadline moves by the term from its current due date: 2w is two weeks, 10d ten \
        calendar days, 5wd five working days. A date that lands on a weekend or public holiday \
        moves to the next working day.
        """
    )

    @OptionGroup var target: CaseReferenceArgument

    // Taken unconditionally so that a mistyped "-2w" reaches the daemon, which explains what a
    // term looks like, instead of being read as an unknown option.
    @Option(parsing: .unconditional, help: ArgumentHelp("How much longer: a whole number and d, w or wd (working days), e.g. 2w.", valueName: "term"))
    var by: String

    @Option(help: ArgumentHelp("Why the extension, for the case's history.", valueName: "text"))
    var reason: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = ["reference": .string(target.reference), "by": .string(by), "reason": .string(reason)]
        try await CaseChangeReport(daemon: daemon, output: output).run("Extend", parameters) {
            "Extended the open deadline of case \($0.reference) by \(by)."
        }
    }
}
