import Foundation

/// Why a session cannot be booked at the time asked: the rule, and for a conflict the session it
/// collides with. Each says what to do instead.
public enum BookingRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case caseNotOnMediationTrack(CaseReference, Track?)
    case caseClosed(CaseReference)
    case invalidDuration(TimeInterval)
    case inThePast(Date)
    case tooSoon(earliest: CalendarDate)
    case officeClosed(CalendarDate)
    case outsideOfficeHours(DailyHours)
    case outsideMediatorHours(login: String, hours: DailyHours)
    case mediatorUnavailable(login: String, Unavailability)
    case dailyMaximum(login: String, maximum: Int, day: CalendarDate)
    case mediatorBusy(login: String, Session)
    case placeTaken(place: String, Session)
    case caseAlreadyBooked(CaseReference, Session)
    case afterDeadline(due: CalendarDate)

    public var description: String {
        switch self {
        case .caseNotOnMediationTrack(let reference, let track):
            "case \(reference) is \(track.map { "on the \($0.rawValue) track" } ?? "not decided yet"); sessions are booked for cases on the mediation track (mediationctl case decide \(reference) --track mediation)"
        case .caseClosed(let reference):
            "case \(reference) is closed; no session can be booked for it"
        case .invalidDuration(let seconds):
            "a session of \(Int(seconds / 60)) minutes is not possible; give a duration above zero and at most a day, e.g. 90m"
        case .inThePast(let start):
            "\(LocalDateTime(start)) has passed; give a time in the future"
        case .tooSoon(let earliest):
            "sessions are booked with notice; the earliest day is \(earliest)"
        case .officeClosed(let day):
            "the office is closed on \(day) (weekend or public holiday); pick a working day"
        case .outsideOfficeHours(let hours):
            "the session must fall within office hours, \(hours)"
        case .outsideMediatorHours(let login, let hours):
            "\(login) works \(hours.ranges.isEmpty ? "no hours" : hours.description) that day; pick a time inside those hours or another mediator"
        case .mediatorUnavailable(let login, let period):
            "\(login) is not available from \(LocalDateTime(period.from)) to \(LocalDateTime(period.to)) (\(period.reason)); pick another time or mediator"
        case .dailyMaximum(let login, let maximum, let day):
            "\(login) already has \(maximum) session(s) on \(day), the most a day; pick another day or mediator"
        case .mediatorBusy(let login, let session):
            "\(login) has session \(session.id) (case \(session.caseReference)) from \(LocalDateTime(session.start).time) to \(LocalDateTime(session.end).time), with the break between sessions; mediationctl session suggest finds a free slot"
        case .placeTaken(let place, let session):
            "\(place) is taken by session \(session.id) from \(LocalDateTime(session.start).time) to \(LocalDateTime(session.end).time); pick another room, a video meeting or another time"
        case .caseAlreadyBooked(let reference, let session):
            "case \(reference) already has session \(session.id) on \(LocalDateTime(session.start)); reschedule or cancel that one"
        case .afterDeadline(let due):
            "the case's session deadline is \(due); to book after it, add --after-deadline with the reason"
        }
    }
}
