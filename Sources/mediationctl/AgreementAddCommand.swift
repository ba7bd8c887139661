import ArgumentParser
import MediationCore
import Varlink

struct AgreementAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record what a party agreed to do in a session that took place."
    )

    @Option(help: ArgumentHelp("The session the agreement was made in.", valueName: "id"))
    var session: Int64

    @Option(help: ArgumentHelp("Who is to act: complainant, agency or office.", valueName: "party"))
    var party: Agreement.Party

    @Option(help: ArgumentHelp("What was agreed, in the parties' words.", valueName: "text"))
    var text: String

    @Option(help: ArgumentHelp("The day it must be done by, YYYY-MM-DD; on or after the session.", valueName: "date"))
    var due: String?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = ["session": .int(session), "party": .string(party.rawValue), "text": .string(text)]
        if let due { parameters["due"] = .string(due) }
        try await AgreementReport(daemon: daemon, output: output).run("Add", parameters) {
            "Recorded agreement \($0.id) of case \($0.reference)."
        }
    }
}

extension Agreement.Party: ExpressibleByArgument {}
