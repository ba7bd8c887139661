import ArgumentParser
import MediationCore
import Varlink

struct AgreementEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an open agreement's text, party or due date."
    )

    @OptionGroup var target: AgreementIDArgument

    @Option(help: ArgumentHelp("Who is to act: complainant, agency or office.", valueName: "party"))
    var party: Agreement.Party?

    @Option(help: ArgumentHelp("The agreement's new wording.", valueName: "text"))
    var text: String?

    @Option(help: ArgumentHelp("The new due date, YYYY-MM-DD.", valueName: "date"))
    var due: String?

    @Flag(name: .customLong("no-due"), help: "Remove the due date (and its reminders).")
    var noDue = false

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if noDue, due != nil { throw ValidationError("give --due or --no-due, not both") }
    }

    func run() async throws {
        var parameters: [String: JSONValue] = ["agreement": .int(target.id)]
        if let party { parameters["party"] = .string(party.rawValue) }
        if let text { parameters["text"] = .string(text) }
        if let due { parameters["due"] = .string(due) }
        if noDue { parameters["clearDue"] = .bool(true) }
        try await AgreementReport(daemon: daemon, output: output).run("Edit", parameters) {
            "Changed agreement \($0.id) of case \($0.reference)."
        }
    }
}
