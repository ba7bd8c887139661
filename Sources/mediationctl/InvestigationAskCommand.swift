import ArgumentParser
import MediationCore
import Varlink

struct InvestigationAskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask one side a question, with a term to answer."
    )

    @OptionGroup var target: CaseReferenceArgument

    @Option(help: ArgumentHelp("Who is asked: complainant or agency.", valueName: "party"))
    var party: InvestigationQuestion.Party

    @Option(help: ArgumentHelp("The question.", valueName: "text"))
    var text: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The term to answer, e.g. 6w (default: terms.answer).", valueName: "term"))
    var term: String?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = ["reference": .string(target.reference), "party": .string(party.rawValue), "text": .string(text)]
        if let term { parameters["term"] = .string(term) }
        try await InvestigationReport(daemon: daemon, output: output).run("Ask", parameters) {
            "Asked question \($0.id) of case \(target.reference)."
        }
    }
}

extension InvestigationQuestion.Party: ExpressibleByArgument {}
