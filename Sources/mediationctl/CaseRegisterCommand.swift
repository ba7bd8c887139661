import ArgumentParser
import Varlink

struct CaseRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a complaint (klacht) and start its three-week intake term.",
        discussion: """
        Prints the case's reference and its intake due date. Without --reference the daemon gives \
        the next free number of this year (YYYY-NNNN); without --received the complaint counts as \
        received today. The intake term ends three weeks after the received date, on the next \
        working day when that is a weekend day or a public holiday.

        The complainant's name and contact details are kept for letters; only 'case show' prints \
        them, never lists, 'watch' or the journal.

        With --json, prints the daemon's reply: {"case": {...}}.
        """
    )

    @Option(help: ArgumentHelp("The office's own reference instead of a generated one: letters, digits, '-', '/' and '.'.", valueName: "reference"))
    var reference: String?

    @Option(help: ArgumentHelp("The day the complaint came in (default: today).", valueName: "YYYY-MM-DD"))
    var received: String?

    @Option(help: ArgumentHelp("The government body the complaint is about.", valueName: "text"))
    var agency: String

    @Option(help: ArgumentHelp("What the complaint is about, in a line.", valueName: "text"))
    var subject: String

    @Option(help: ArgumentHelp("The complainant's name.", valueName: "text"))
    var complainantName: String

    @Option(help: ArgumentHelp("How to reach the complainant: an address, phone number or e-mail address.", valueName: "text"))
    var complainantContact: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = [
            "agency": .string(agency),
            "subject": .string(subject),
            "complainant": .object(["name": .string(complainantName), "contact": .string(complainantContact)]),
        ]
        parameters["reference"] = reference.map(JSONValue.string)
        parameters["received"] = received.map(JSONValue.string)
        try await CaseChangeReport(daemon: daemon, output: output).run("Register", parameters) { "Registered case \($0.reference)." }
    }
}
