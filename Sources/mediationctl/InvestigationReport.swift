import MediationService
import Varlink

/// What every command on a question prints: the reply for --json, else a headline and the
/// question as it stands.
struct InvestigationReport {
    let daemon: DaemonSocket
    let output: OutputOptions

    func run(_ method: String, _ parameters: [String: JSONValue], headline: (WireQuestion) -> String) async throws(CLIFailure) {
        try daemon.report("\(InvestigationInterface.name).\(method)", parameters, as: WireQuestionReply.self, output: output) { reply in
            headline(reply.question) + "\n" + Self.fields(of: reply.question).rendered(style: output.style)
        }
    }

    static func fields(of question: WireQuestion) -> FieldList {
        var fields = FieldList()
        fields.append("Question", "\(question.id), to the \(question.party.rawValue), asked \(question.askedOn)")
        fields.append("Asked", question.text)
        fields.append("Answer", question.answer.map { "\($0.on): \($0.text)" } ?? "none yet")
        if question.answer != nil {
            fields.append("Reaction", question.reaction.map { "\($0.on): \($0.text)" } ?? "none yet (the \(question.party.otherSide.rawValue))")
        }
        if let term = question.openTerm {
            fields.append("\(term.kind.capitalizedFirst) due", TextTable.Cell(term.due + (term.overdue ? " (overdue)" : ""), warning: term.overdue))
        }
        return fields
    }
}
