import ArgumentParser
import MediationService
import Varlink

struct InvestigationShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case's questions, answers, reactions and conclusion."
    )

    @OptionGroup var target: CaseReferenceArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (raw, investigation) = try daemon.call(
            "\(InvestigationInterface.name).Show", parameters: ["reference": .string(target.reference)], as: WireInvestigation.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        if investigation.questions.isEmpty { print("No questions asked in case \(investigation.reference).") }
        for question in investigation.questions {
            print(InvestigationReport.fields(of: question).rendered(style: output.style))
            print()
        }
        if let conclusion = investigation.conclusion {
            print("Concluded on \(conclusion.on) by \(conclusion.form.rawValue): \(conclusion.judgement.judgement.dutch).")
        }
    }
}
