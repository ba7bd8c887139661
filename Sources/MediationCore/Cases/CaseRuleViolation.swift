/// A change the process does not allow. Each says what is wrong and what to do instead; the
/// change is not made.
public enum CaseRuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
    case receivedInFuture(received: CalendarDate, today: CalendarDate)
    /// A date given or computed outside `CalendarDate.supportedRange`.
    case dateOutOfRange(what: String, date: CalendarDate, range: ClosedRange<CalendarDate>)
    case alreadyDecided(CaseReference, Track)
    case notSuspended(CaseReference)
    case alreadySuspended(CaseReference, since: CalendarDate)
    case closed(CaseReference)
    case suspended(CaseReference)
    case referralWithoutBody
    case bodyWithoutReferral(Track)
    case nothingToExtend(CaseReference)
    case emptyText(field: String)
    case sessionOfAnotherCase(session: Int64, CaseReference)
    case sessionNotHeld(session: Int64, Session.State)
    case dueBeforeSession(due: CalendarDate, session: CalendarDate)
    case noSuchAgreement(Int64, CaseReference)
    case agreementSettled(Int64, Agreement.State)
    case nothingToEdit
    case notInvestigation(CaseReference)
    case concluded(CaseReference)
    case noSuchQuestion(Int64, CaseReference)
    case alreadyAnswered(question: Int64)
    case notAnswered(question: Int64)
    case alreadyReacted(question: Int64)
    case noOpenTerm(question: Int64)

    public var description: String {
        switch self {
        case .receivedInFuture(let received, let today):
            "the received date \(received) is after today (\(today)); give the day the complaint came in"
        case .dateOutOfRange(let what, let date, let range):
            "\(what) would be \(date), outside the dates the office works with (\(range.lowerBound) to \(range.upperBound)); choose a shorter term or an earlier date"
        case .alreadyDecided(let reference, let track):
            "case \(reference) was already decided (\(track.rawValue)); a decision is final, close the case or extend its deadline instead"
        case .notSuspended(let reference):
            "case \(reference) is not suspended, so it cannot be resumed"
        case .alreadySuspended(let reference, let since):
            "case \(reference) has been suspended since \(since); resume it first"
        case .closed(let reference):
            "case \(reference) is closed; it can no longer be changed"
        case .suspended(let reference):
            "case \(reference) is suspended; resume it first (mediationctl case resume \(reference))"
        case .referralWithoutBody:
            "a referral names the body the complainant is referred to; add --referred-to"
        case .bodyWithoutReferral(let track):
            "--referred-to only goes with --track referral, not \(track.rawValue)"
        case .nothingToExtend(let reference):
            "case \(reference) has no open deadline to extend"
        case .emptyText(let field):
            "\(field) must not be empty"
        case .sessionOfAnotherCase(let session, let reference):
            "session \(session) belongs to case \(reference); record the agreement with a session of its own case"
        case .sessionNotHeld(let session, let state):
            switch state {
            case .scheduled: "session \(session) has not taken place yet; complete it first (mediationctl session complete \(session) --outcome held)"
            case .cancelled: "session \(session) was cancelled; agreements come from a session that took place"
            default: "session \(session) did not take place (\(state.rawValue)); agreements come from a session that took place"
            }
        case .dueBeforeSession(let due, let session):
            "the due date \(due) is before the session of \(session); give a date on or after it"
        case .noSuchAgreement(let id, let reference):
            "case \(reference) has no agreement \(id); mediationctl agreement list --case \(reference) shows them"
        case .agreementSettled(let id, let state):
            "agreement \(id) is already \(state.rawValue); a settled agreement is not changed, record a new one instead"
        case .nothingToEdit:
            "say what to change: --text, --party, --due or --no-due"
        case .notInvestigation(let reference):
            "case \(reference) is not on the investigation track; decide it with --track investigation first"
        case .concluded(let reference):
            "the investigation of case \(reference) is concluded; it takes no further questions or replies"
        case .noSuchQuestion(let id, let reference):
            "case \(reference) has no question \(id); mediationctl investigation show \(reference) lists the questions asked"
        case .alreadyAnswered(let question):
            "question \(question) has already been answered"
        case .notAnswered(let question):
            "question \(question) has not been answered yet; register the answer before the other side's reaction"
        case .alreadyReacted(let question):
            "the reaction to question \(question) has already been registered"
        case .noOpenTerm(let question):
            "question \(question) has no open term to extend: it was answered and reacted to, or its terms lapsed"
        }
    }
}
