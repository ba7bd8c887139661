/// A change the process does not allow. Each says what is wrong and what to do instead; the
/// change is not made.
public enum CaseRuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
    case receivedInFuture(received: CalendarDate, today: CalendarDate)
    case alreadyDecided(CaseReference, Track)
    case notSuspended(CaseReference)
    case alreadySuspended(CaseReference, since: CalendarDate)
    case closed(CaseReference)
    case suspended(CaseReference)
    case referralWithoutBody
    case bodyWithoutReferral(Track)
    case nothingToExtend(CaseReference)
    case emptyText(field: String)

    public var description: String {
        switch self {
        case .receivedInFuture(let received, let today):
            "the received date \(received) is after today (\(today)); give the day the complaint came in"
        case .alreadyDecided(let reference, let track):
            "case \(reference) was already decided (\(track.rawValue)); a decision is final, close the case or extend its deadline instead"
        case .notSuspended(let reference):
            "case \(reference) is not suspended, so it cannot be resumed"
        case .alreadySuspended(let reference, let since):
            "case \(reference) has been suspended since \(since); resume it first"
        case .closed(let reference):
            "case \(reference) is closed; it can no longer be changed"
        case .suspended(let reference):
            "case \(reference) is suspended; resume it before deciding"
        case .referralWithoutBody:
            "a referral names the body the complainant is referred to; add --referred-to"
        case .bodyWithoutReferral(let track):
            "--referred-to only goes with --track referral, not \(track.rawValue)"
        case .nothingToExtend(let reference):
            "case \(reference) has no open deadline to extend"
        case .emptyText(let field):
            "\(field) must not be empty"
        }
    }
}
