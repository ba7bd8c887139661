import ArgumentParser
import MediationCore
import MediationService
import Varlink

struct InvestigationConcludeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conclude",
        abstract: "Record the judgement; the letter or report is written from its template."
    )

    @OptionGroup var target: CaseReferenceArgument

    @Option(help: ArgumentHelp("letter (brief) or report (rapport).", valueName: "form"))
    var form: InvestigationConclusion.Form

    @Option(help: ArgumentHelp("proper (behoorlijk), improper (niet behoorlijk) or partly-improper.", valueName: "judgement"))
    var judgement: InvestigationConclusion.Judgement

    @Option(help: ArgumentHelp("The findings and reasoning.", valueName: "text"))
    var text: String

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let parameters: [String: JSONValue] = [
            "reference": .string(target.reference), "form": .string(form.rawValue),
            "judgement": .string(WireJudgement(judgement).rawValue), "text": .string(text),
        ]
        let (raw, reply) = try daemon.call("\(InvestigationInterface.name).Conclude", parameters: parameters, as: WireConclusionReply.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        print("Concluded the investigation of case \(target.reference) on \(reply.conclusion.on): \(judgement.dutch).")
        print("mediationctl investigation document \(target.reference) prints the \(form.rawValue).")
    }
}

extension InvestigationConclusion.Form: ExpressibleByArgument {}
extension InvestigationConclusion.Judgement: ExpressibleByArgument {}
