import Foundation
import MediationCore
import MediationStore
import Varlink

/// `io.mediationd.Investigation`: hoor en wederhoor, and the judgement that ends it.
public enum InvestigationInterface {
    public static let name = "io.mediationd.Investigation"

    public static let description = """
    # Onderzoek: the office asks one side a question with a term to answer; the other side then
    # has a term to react to the answer (hoor en wederhoor). Terms are deadlines with reminders,
    # suspended and extended like the others. The conclusion records the judgement and writes
    # the letter or report (conclusions/REF/ under the state directory, each version kept).
    # Terms are written "6w", "30d" or "10wd" (working days).
    interface io.mediationd.Investigation

    # The two sides that are heard.
    type Party (complainant, agency)

    type Reply (text: string, on: string)

    # The term a question waits on: its answer's, then its reaction's.
    type Term (kind: string, due: string, overdue: bool)

    type Question (
      # Unique across cases.
      id: int,
      party: Party,
      text: string,
      askedOn: string,
      answer: ?Reply,
      # The other side's reaction to the answer.
      reaction: ?Reply,
      openTerm: ?Term
    )

    type Form (letter, report)

    # behoorlijk, niet behoorlijk, deels niet behoorlijk.
    type Judgement (proper, improper, partly_improper)

    type Conclusion (form: Form, judgement: Judgement, text: string, on: string)

    type Format (markdown, html)

    # Asks one side a question; without a term, the configured one (terms.answer).
    method Ask(reference: string, party: Party, text: string, term: ?string) -> (question: Question)

    # Registers the answer; the other side's reaction term starts (terms.reaction unless given).
    method Answer(question: int, text: string, reactionTerm: ?string) -> (question: Question)

    # Registers the other side's reaction to the answer.
    method React(question: int, text: string) -> (question: Question)

    # Extends the question's open term (verlenging).
    method Extend(question: int, by: string, reason: string) -> (question: Question)

    # Records the judgement; this meets the investigation's deadline.
    method Conclude(reference: string, form: Form, judgement: Judgement, text: string) -> (conclusion: Conclusion)

    # The case's questions, answers, reactions and conclusion.
    method Show(reference: string) -> (reference: string, questions: []Question, conclusion: ?Conclusion)

    # The conclusion's letter or report as it stands, and the newest archived version's path.
    method Document(reference: string, format: ?Format) -> (text: string, archived: ?string)

    """ + CaseErrors.declarations + "\n"

    struct AskInput: Decodable, Sendable {
        var reference: String
        var party: InvestigationQuestion.Party
        var text: String
        var term: String?
    }

    struct AnswerInput: Decodable, Sendable {
        var question: Int64
        var text: String
        var reactionTerm: String?
    }

    struct ReactInput: Decodable, Sendable {
        var question: Int64
        var text: String
    }

    struct ExtendInput: Decodable, Sendable {
        var question: Int64
        var by: String
        var reason: String
    }

    struct ConcludeInput: Decodable, Sendable {
        var reference: String
        var form: InvestigationConclusion.Form
        var judgement: WireJudgement
        var text: String
    }

    public static func make(investigation: InvestigationService, cases: CaseService, documents: DocumentPublisher) throws -> VarlinkInterface {
        var methods = VarlinkMethodTable()
        @Sendable func reply(_ result: (CaseRecord, InvestigationQuestion)) -> WireQuestionReply {
            WireQuestionReply(question: WireQuestion(result.1, record: result.0, today: cases.today))
        }
        methods.method("Ask") { (input: AskInput, request) in
            let reference = try errors.errors.reference(input.reference)
            let term = try input.term.map { try errors.term($0, parameter: "term") }
            return reply(try await errors.run {
                try await investigation.ask(reference, party: input.party, text: input.text, term: term, author: ChangeAuthor.of(request.peer))
            })
        }
        methods.method("Answer") { (input: AnswerInput, request) in
            let term = try input.reactionTerm.map { try errors.term($0, parameter: "reactionTerm") }
            return reply(try await errors.run {
                try await investigation.answer(question: input.question, text: input.text, reactionTerm: term, author: ChangeAuthor.of(request.peer))
            })
        }
        methods.method("React") { (input: ReactInput, request) in
            reply(try await errors.run { try await investigation.react(question: input.question, text: input.text, author: ChangeAuthor.of(request.peer)) })
        }
        methods.method("Extend") { (input: ExtendInput, request) in
            let term = try errors.term(input.by, parameter: "by")
            return reply(try await errors.run {
                try await investigation.extend(question: input.question, by: term, reason: input.reason, author: ChangeAuthor.of(request.peer))
            })
        }
        methods.method("Conclude") { (input: ConcludeInput, request) in
            let reference = try errors.errors.reference(input.reference)
            let record = try await errors.run {
                try await investigation.conclude(reference, form: input.form, judgement: input.judgement.judgement, text: input.text, author: ChangeAuthor.of(request.peer))
            }
            return WireConclusionReply(conclusion: WireConclusion(record.conclusion!))
        }
        methods.method("Show") { (input: CasesInterface.ReferenceInput, _) in
            let reference = try errors.errors.reference(input.reference)
            let (record, _) = try await errors.run { try await cases.show(reference) }
            return WireInvestigation(record, today: cases.today)
        }
        methods.method("Document") { (input: DocumentInput, _) in
            let reference = try errors.errors.reference(input.reference)
            let format = (input.format ?? .markdown).format
            let text = try await errors.run { try await investigation.document(reference, format: format) }
            return WireDocument(text: text, archived: await documents.latestArchived(reference, .conclusion, format))
        }
        return try VarlinkInterface(description: description, methods: methods)
    }

    private static let errors = CaseErrors(interface: name)
}
