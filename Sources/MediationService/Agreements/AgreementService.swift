import Foundation
import MediationCore
import MediationStore

/// Agreements as the interfaces use them: each change is a change to the case (one
/// transaction with its deadline and history entry), after which the agreement document is
/// written anew.
public final class AgreementService: Sendable {
    private let cases: CaseService
    private let store: any CaseStore
    private let schedule: any ScheduleStore
    private let documents: DocumentPublisher

    public init(cases: CaseService, store: any CaseStore, schedule: any ScheduleStore, documents: DocumentPublisher) {
        self.cases = cases
        self.store = store
        self.schedule = schedule
        self.documents = documents
    }

    public func add(session id: Int64, party: Agreement.Party, text: String, due: CalendarDate?, author: ChangeAuthor) async throws -> (CaseRecord, Agreement) {
        let session = try await outcome(of: id)
        let record = try await cases.modify(session.caseReference, author: author) { workflow, record, now in
            try workflow.addAgreement(&record, session: session, party: party, text: text, due: due, now: now)
        }
        await documents.archive(session.caseReference, .agreements)
        // The newest agreement is the one just made: numbers only grow.
        return (record, record.agreements.max { $0.id < $1.id }!)
    }

    public func edit(_ id: Int64, _ edit: CaseWorkflow.AgreementEdit, author: ChangeAuthor) async throws -> (CaseRecord, Agreement) {
        let (reference, agreement) = try await find(id)
        let session = try await outcome(of: agreement.sessionID)
        return try await change(reference, id, author: author) { workflow, record, now in
            try workflow.editAgreement(&record, id: id, edit, session: session, now: now)
        }
    }

    public func fulfil(_ id: Int64, author: ChangeAuthor) async throws -> (CaseRecord, Agreement) {
        let reference = try await caseOf(id)
        return try await change(reference, id, author: author) { workflow, record, now in
            try workflow.fulfilAgreement(&record, id: id, now: now)
        }
    }

    public func breach(_ id: Int64, note: String, author: ChangeAuthor) async throws -> (CaseRecord, Agreement) {
        let reference = try await caseOf(id)
        return try await change(reference, id, author: author) { workflow, record, now in
            try workflow.breachAgreement(&record, id: id, note: note, now: now)
        }
    }

    public func list(_ query: AgreementQuery) async throws -> Listing<AgreementSummary> {
        if let reference = query.caseReference, try await store.record(reference) == nil { throw CaseStoreError.notFound(reference) }
        return try await store.agreements(query)
    }

    public func document(_ reference: CaseReference, format: DocumentFormat) async throws -> String {
        try await documents.render(reference, .agreements, format)
    }

    private func change(
        _ reference: CaseReference, _ id: Int64, author: ChangeAuthor,
        _ step: @escaping @Sendable (CaseWorkflow, inout CaseRecord, Date) throws -> CaseChange
    ) async throws -> (CaseRecord, Agreement) {
        let record = try await cases.modify(reference, author: author, step)
        await documents.archive(reference, .agreements)
        return (record, record.agreements.first { $0.id == id }!)
    }

    private func caseOf(_ id: Int64) async throws -> CaseReference {
        guard let reference = try await store.caseOfAgreement(id) else { throw CaseStoreError.unknownAgreement(id) }
        return reference
    }

    /// For an edit, which checks a new due date against the agreement's session before the change.
    private func find(_ id: Int64) async throws -> (CaseReference, Agreement) {
        let reference = try await caseOf(id)
        guard let agreement = try await store.record(reference)?.agreements.first(where: { $0.id == id }) else { throw CaseStoreError.unknownAgreement(id) }
        return (reference, agreement)
    }

    private func outcome(of session: Int64) async throws -> SessionOutcome {
        guard let (found, _) = try await schedule.session(session) else { throw ScheduleStoreError.unknownSession(session) }
        return SessionOutcome(found)
    }
}
