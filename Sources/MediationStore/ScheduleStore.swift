import Foundation
import MediationCore

/// Mediators, places and sessions. A booking's rules are checked inside the transaction that
/// stores it: SQLite takes one writer at a time, so of two bookings racing for a slot the second
/// sees the first and is refused, naming it.
public protocol ScheduleStore: Sendable {
    func addMediator(_ mediator: Mediator, at: Date) async throws
    func mediators() async throws -> [Mediator]
    func mediator(_ login: String) async throws -> Mediator?
    /// Changes hours and the daily maximum; leave stays.
    func updateMediator(_ login: String, hours: WeeklyHours?, maximumSessionsPerDay: Int?) async throws -> Mediator
    /// Refused when it overlaps leave already recorded.
    func addUnavailability(_ login: String, _ period: Unavailability) async throws -> Mediator

    func addPlace(_ place: Place) async throws
    func places() async throws -> [Place]

    /// Books several sessions in one transaction, each checked against those before it, so that
    /// bookings arriving together share one durable commit. One refused leaves the others.
    func book(_ bookings: [Booking], author: [ChangeAuthor], at: Date) async throws -> [Result<Session, any Error>]
    /// - Parameter owner: when set, only a session this mediator mediates may be changed.
    func reschedule(_ id: Int64, to start: Date, duration: TimeInterval?, booking: BookingChange, owner: String?, author: ChangeAuthor, at: Date) async throws -> Session
    /// Cancels, or records how a session went; only a scheduled session changes.
    /// Held or no-show only once the session has started.
    func settle(_ id: Int64, state: Session.State, note: String, owner: String?, author: ChangeAuthor, at: Date) async throws -> Session

    func session(_ id: Int64) async throws -> (Session, [SessionHistoryEntry])?
    func sessions(_ query: SessionQuery) async throws -> [Session]
    func suggest(_ request: SlotRequest) async throws -> [SlotFinder.Slot]

    func dueSessionReminders(notAfter instant: Date, limit: Int) async throws -> [Session]
    /// Clears the reminder unless the session was moved meanwhile.
    func recordSessionReminderSent(_ session: Session) async throws
    func earliestSessionReminder() async throws -> Date?
}

public enum ScheduleStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case mediatorExists(String)
    case unknownMediator(String)
    case placeExists(String)
    case unknownPlace(String)
    case unknownSession(Int64)
    case sessionNotScheduled(Int64, Session.State)
    case overlappingLeave(String, Unavailability)
    /// Leave over sessions still scheduled: they are moved or cancelled first.
    case leaveOverSessions(String, sessions: [Int64])
    /// A mediator who is not a planner changes only the sessions they mediate.
    case notTheMediator(session: Int64?, mediator: String, caller: String)
    case sessionNotStarted(Int64, Date)

    public var description: String {
        switch self {
        case .mediatorExists(let login): "mediator \(login) already exists; mediationctl mediator set-hours changes their hours"
        case .unknownMediator(let login): "there is no mediator \(login); mediationctl mediator list shows them"
        case .placeExists(let name): "a place called \(name) already exists"
        case .unknownPlace(let name): "there is no room or video place \(name); mediationctl room list shows them"
        case .unknownSession(let id): "there is no session \(id); mediationctl session list shows them"
        case .sessionNotScheduled(let id, let state): "session \(id) is \(state.rawValue), not scheduled; only a scheduled session can be changed"
        case .sessionNotStarted(let id, let start):
            "session \(id) starts \(LocalDateTime(start)); record how it went once it has taken place, or cancel it"
        case .notTheMediator(let session?, let mediator, let caller):
            "session \(session) is mediated by \(mediator), and you (\(caller)) change only the sessions you mediate; a planner or an admin can change it"
        case .notTheMediator(nil, let mediator, let caller):
            "you (\(caller)) book only sessions you mediate yourself, not for \(mediator); a planner or an admin books for others"
        case .leaveOverSessions(let login, let sessions):
            "\(login) has session(s) \(sessions.map(String.init).joined(separator: ", ")) booked in that period; reschedule or cancel them first, then record the leave"
        case .overlappingLeave(let login, let period):
            "\(login) already has leave from \(LocalDateTime(period.from)) to \(LocalDateTime(period.to)) (\(period.reason)) that overlaps; record periods that do not overlap"
        }
    }
}

/// A session to book, with what the rules need to know.
public struct Booking: Sendable {
    public let caseReference: CaseReference
    public let mediator: String
    public let place: String
    public let start: Date
    public let duration: TimeInterval
    public let change: BookingChange

    public init(caseReference: CaseReference, mediator: String, place: String, start: Date, duration: TimeInterval, change: BookingChange) {
        self.caseReference = caseReference
        self.mediator = mediator
        self.place = place
        self.start = start
        self.duration = duration
        self.change = change
    }
}

/// What the store needs besides the session itself to book or move one.
public struct BookingChange: Sendable {
    public let rules: BookingRules
    public let afterDeadlineReason: String?
    public let now: Date
    /// When to remind the mediator of a session starting at a given instant; nil for none.
    public let reminder: @Sendable (Date) -> Date?

    public init(rules: BookingRules, afterDeadlineReason: String?, now: Date, reminder: @escaping @Sendable (Date) -> Date?) {
        self.rules = rules
        self.afterDeadlineReason = afterDeadlineReason
        self.now = now
        self.reminder = reminder
    }
}

public struct SessionHistoryEntry: Sendable, Equatable {
    public let at: Date
    public let author: ChangeAuthor
    public let action: String
    public let summary: String
}

public struct SessionQuery: Sendable {
    public var mediator: String?
    public var caseReference: CaseReference?
    public var from: Date?
    public var to: Date?
    /// Cancelled and past sessions too.
    public var includeAll = false

    public init(mediator: String? = nil, caseReference: CaseReference? = nil, from: Date? = nil, to: Date? = nil, includeAll: Bool = false) {
        self.mediator = mediator
        self.caseReference = caseReference
        self.from = from
        self.to = to
        self.includeAll = includeAll
    }
}

public struct SlotRequest: Sendable {
    public let caseReference: CaseReference
    /// One mediator, or nil for all.
    public let mediator: String?
    /// One place by name, `video` for any video place, or nil for any.
    public let place: PlaceChoice
    public let duration: TimeInterval
    public let count: Int
    public let rules: BookingRules
    public let now: Date

    public enum PlaceChoice: Sendable, Equatable {
        case named(String)
        case video
        case any
    }

    public init(caseReference: CaseReference, mediator: String?, place: PlaceChoice, duration: TimeInterval, count: Int, rules: BookingRules, now: Date) {
        self.caseReference = caseReference
        self.mediator = mediator
        self.place = place
        self.duration = duration
        self.count = count
        self.rules = rules
        self.now = now
    }
}
