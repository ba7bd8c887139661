import Foundation
import MediationCore
import MediationStore

/// The investigation as the interfaces use them: questions, answers and reactions are changes
/// to the case; the conclusion also writes its letter or report.
public final class InvestigationService: Sendable {
    private let cases: CaseService
    private let store: any CaseStore
    private let documents: DocumentPublisher

    public init(cases: CaseService, store: any CaseStore, documents: DocumentPublisher) {
        self.cases = cases
        self.store = store
        self.documents = documents
    }

    public func ask(_ reference: CaseReference, party: InvestigationQuestion.Party, text: String, term: Term?,
                    author: ChangeAuthor) async throws -> (CaseRecord, InvestigationQuestion) {
        let record = try await cases.modify(reference, author: author) { workflow, record, now in
            try workflow.ask(&record, party: party, text: text, term: term, now: now)
        }
        return (record, record.questions.max { $0.id < $1.id }!)
    }

    public func answer(question id: Int64, text: String, reactionTerm: Term?, author: ChangeAuthor) async throws -> (CaseRecord, InvestigationQuestion) {
        try await change(question: id, author: author) { workflow, record, now in
            try workflow.answer(&record, question: id, text: text, reactionTerm: reactionTerm, now: now)
        }
    }

    public func react(question id: Int64, text: String, author: ChangeAuthor) async throws -> (CaseRecord, InvestigationQuestion) {
        try await change(question: id, author: author) { workflow, record, now in
            try workflow.react(&record, question: id, text: text, now: now)
        }
    }

    public func extend(question id: Int64, by term: Term, reason: String, author: ChangeAuthor) async throws -> (CaseRecord, InvestigationQuestion) {
        try await change(question: id, author: author) { workflow, record, now in
            try workflow.extendTerm(&record, question: id, by: term, reason: reason, now: now)
        }
    }

    public func conclude(_ reference: CaseReference, form: InvestigationConclusion.Form, judgement: InvestigationConclusion.Judgement,
                         text: String, author: ChangeAuthor) async throws -> CaseRecord {
        let record = try await cases.modify(reference, author: author) { workflow, record, now in
            try workflow.conclude(&record, form: form, judgement: judgement, text: text, now: now)
        }
        await documents.archive(reference, .conclusion)
        return record
    }

    public func document(_ reference: CaseReference, format: DocumentFormat) async throws -> String {
        try await documents.render(reference, .conclusion, format)
    }

    private func change(
        question id: Int64, author: ChangeAuthor,
        _ step: @escaping @Sendable (CaseWorkflow, inout CaseRecord, Date) throws -> CaseChange
    ) async throws -> (CaseRecord, InvestigationQuestion) {
        guard let reference = try await store.caseOfQuestion(id) else { throw CaseStoreError.unknownQuestion(id) }
        let record = try await cases.modify(reference, author: author, step)
        return (record, record.questions.first { $0.id == id }!)
    }
}
