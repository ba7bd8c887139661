import MediationCore
import MediationStore
import Varlink

/// What the user can get wrong in a change to a case, as errors of the interface that was
/// called: the Cases, Agreements and Investigation interfaces share the rules and so the errors.
struct CaseErrors: Sendable {
    let errors: InterfaceErrors

    init(interface: String) {
        errors = InterfaceErrors(interface: interface)
    }

    /// Declared by each interface that uses them. Every error carries a message that says what
    /// is wrong and what to do.
    static let declarations = """
    error CaseNotFound (reference: string, message: string)
    error ReferenceTaken (reference: string, message: string)
    error InvalidReference (reference: string, message: string)
    error InvalidDate (parameter: string, value: string, message: string)
    \(InterfaceErrors.dateOutOfRangeDeclaration)
    \(TextLimits.declaration)
    error ReceivedInFuture (received: string, today: string, message: string)
    error InvalidTerm (parameter: string, value: string, message: string)
    error InvalidLimit (limit: int, message: string)
    error EmptyText (field: string, message: string)
    error AlreadyDecided (reference: string, track: string, message: string)
    error NotSuspended (reference: string, message: string)
    error AlreadySuspended (reference: string, since: string, message: string)
    error CaseSuspended (reference: string, message: string)
    error CaseClosed (reference: string, message: string)
    \(purgedDeclaration)
    error NoOpenDeadline (reference: string, message: string)
    error ReferralNeedsBody (message: string)
    error BodyWithoutReferral (track: string, message: string)
    error SessionNotFound (session: int, message: string)
    error SessionOfAnotherCase (session: int, reference: string, message: string)
    error SessionNotHeld (session: int, state: string, message: string)
    error DueBeforeSession (due: string, session: string, message: string)
    error AgreementNotFound (agreement: int, message: string)
    error AgreementSettled (agreement: int, state: string, message: string)
    error NothingToEdit (message: string)
    error NotInvestigation (reference: string, message: string)
    error InvestigationConcluded (reference: string, message: string)
    error QuestionNotFound (question: int, message: string)
    error AlreadyAnswered (question: int, message: string)
    error NotAnswered (question: int, message: string)
    error AlreadyReacted (question: int, message: string)
    error NoOpenTerm (question: int, message: string)
    error NotConcluded (reference: string, message: string)
    error NothingToPublish (reference: string, message: string)
    # The anonymised text would still hold these stored details; nothing was written.
    error PublicationLeak (reference: string, fields: []string, message: string)
    """

    /// Retention erased the case's personal data; it takes no new data. The Scheduling
    /// interface declares it too.
    static let purgedDeclaration = "error CasePurged (reference: string, purgedOn: string, message: string)"

    /// The error for a change to a purged case, in `errors`' interface.
    static func purged(_ reference: CaseReference, on day: CalendarDate, _ errors: InterfaceErrors) -> VarlinkError {
        errors.make("CasePurged", ["reference": .string(reference.text), "purgedOn": .string(day.description)],
                    CaseStoreError.purged(reference, on: day).description)
    }

    /// Runs a command, turning what the user can get wrong into the interface's errors.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let violation as CaseRuleViolation {
            throw mapped(violation)
        } catch let storeError as CaseStoreError {
            throw mapped(storeError)
        } catch let documentError as DocumentError {
            throw mapped(documentError)
        } catch ScheduleStoreError.unknownSession(let id) {
            throw errors.make("SessionNotFound", ["session": .int(id)], ScheduleStoreError.unknownSession(id).description)
        }
    }

    func term(_ text: String, parameter: String) throws(VarlinkError) -> Term {
        guard let term = Term(text) else {
            throw errors.make("InvalidTerm", ["parameter": .string(parameter), "value": .string(text)],
                              "\(parameter) \"\(text)\" is not a term; write a whole number above zero and d, w or wd (working days), e.g. 2w")
        }
        return term
    }

    func limit(_ limit: Int?) throws(VarlinkError) -> Int {
        guard let limit else { return 500 }
        guard (1...100_000).contains(limit) else {
            throw errors.make("InvalidLimit", ["limit": .int(Int64(limit))], "limit \(limit) is out of range; ask for 1 to 100000")
        }
        return limit
    }

    private func mapped(_ error: CaseStoreError) -> VarlinkError {
        let message = error.description
        return switch error {
        case .notFound(let reference): errors.make("CaseNotFound", ["reference": .string(reference.text)], message)
        case .referenceTaken(let reference): errors.make("ReferenceTaken", ["reference": .string(reference.text)], message)
        case .unknownAgreement(let id): errors.make("AgreementNotFound", ["agreement": .int(id)], message)
        case .unknownQuestion(let id): errors.make("QuestionNotFound", ["question": .int(id)], message)
        case .purged(let reference, let day): Self.purged(reference, on: day, errors)
        }
    }

    private func mapped(_ error: DocumentError) -> VarlinkError {
        let message = error.description
        return switch error {
        case .notConcluded(let reference): errors.make("NotConcluded", ["reference": .string(reference.text)], message)
        case .nothingToPublish(let reference): errors.make("NothingToPublish", ["reference": .string(reference.text)], message)
        case .leaked(let reference, let fields):
            errors.make("PublicationLeak", ["reference": .string(reference.text), "fields": .array(fields.map { .string($0) })], message)
        }
    }

    private func mapped(_ violation: CaseRuleViolation) -> VarlinkError {
        let message = violation.description
        return switch violation {
        case .dateOutOfRange(let what, let date, let range):
            errors.dateOutOfRange(what: what, date: date, range: range, message)
        case .receivedInFuture(let received, let today):
            errors.make("ReceivedInFuture", ["received": .string(received.description), "today": .string(today.description)], message)
        case .alreadyDecided(let reference, let track):
            errors.make("AlreadyDecided", ["reference": .string(reference.text), "track": .string(WireTrack(track).rawValue)], message)
        case .notSuspended(let reference):
            errors.make("NotSuspended", ["reference": .string(reference.text)], message)
        case .alreadySuspended(let reference, let since):
            errors.make("AlreadySuspended", ["reference": .string(reference.text), "since": .string(since.description)], message)
        case .closed(let reference):
            errors.make("CaseClosed", ["reference": .string(reference.text)], message)
        case .suspended(let reference):
            errors.make("CaseSuspended", ["reference": .string(reference.text)], message)
        case .referralWithoutBody:
            errors.make("ReferralNeedsBody", [:], message)
        case .bodyWithoutReferral(let track):
            errors.make("BodyWithoutReferral", ["track": .string(WireTrack(track).rawValue)], message)
        case .nothingToExtend(let reference):
            errors.make("NoOpenDeadline", ["reference": .string(reference.text)], message)
        case .emptyText(let field):
            errors.make("EmptyText", ["field": .string(field)], message)
        case .sessionOfAnotherCase(let session, let reference):
            errors.make("SessionOfAnotherCase", ["session": .int(session), "reference": .string(reference.text)], message)
        case .sessionNotHeld(let session, let state):
            errors.make("SessionNotHeld", ["session": .int(session), "state": .string(state.rawValue)], message)
        case .dueBeforeSession(let due, let session):
            errors.make("DueBeforeSession", ["due": .string(due.description), "session": .string(session.description)], message)
        case .noSuchAgreement(let id, _):
            errors.make("AgreementNotFound", ["agreement": .int(id)], message)
        case .agreementSettled(let id, let state):
            errors.make("AgreementSettled", ["agreement": .int(id), "state": .string(state.rawValue)], message)
        case .nothingToEdit:
            errors.make("NothingToEdit", [:], message)
        case .notInvestigation(let reference):
            errors.make("NotInvestigation", ["reference": .string(reference.text)], message)
        case .concluded(let reference):
            errors.make("InvestigationConcluded", ["reference": .string(reference.text)], message)
        case .noSuchQuestion(let id, _):
            errors.make("QuestionNotFound", ["question": .int(id)], message)
        case .alreadyAnswered(let question):
            errors.make("AlreadyAnswered", ["question": .int(question)], message)
        case .notAnswered(let question):
            errors.make("NotAnswered", ["question": .int(question)], message)
        case .alreadyReacted(let question):
            errors.make("AlreadyReacted", ["question": .int(question)], message)
        case .noOpenTerm(let question):
            errors.make("NoOpenTerm", ["question": .int(question)], message)
        }
    }
}
