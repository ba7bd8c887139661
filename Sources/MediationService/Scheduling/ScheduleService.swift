import Foundation
import Logging
import MediationCore
import MediationStore
import Synchronization

/// Mediators, places and sessions as the interfaces use them: each booking is checked and
/// stored in one transaction, then the mediator's published calendar, the reminder timer and the
/// watchers hear of it.
public final class ScheduleService: Sendable {
    private let store: any ScheduleStore
    private let clock: any ServiceClock
    private let settings: Mutex<(rules: BookingRules, reminderTime: LocalTime)>
    private let events: CaseEventHub
    private let calendars: CalendarPublisher
    private let bookings: BookingBatcher
    /// Told of a session's new reminder time, since it may be the earliest now.
    private let reminderScheduled: @Sendable (Date) -> Void
    /// Told when a session took place, since the case's agreement document now names it.
    private let sessionTookPlace: @Sendable (Session) async -> Void
    private let logger: Logger

    public init(store: any ScheduleStore, clock: any ServiceClock, rules: BookingRules, reminderTime: LocalTime, events: CaseEventHub,
                calendarDirectory: String, calendarDelay: Duration = .seconds(5), logger: Logger, reminderScheduled: @escaping @Sendable (Date) -> Void,
                sessionTookPlace: @escaping @Sendable (Session) async -> Void = { _ in }) {
        self.store = store
        self.clock = clock
        self.settings = Mutex((rules, reminderTime))
        self.events = events
        self.calendars = CalendarPublisher(store: store, calendars: MediatorCalendars(directory: calendarDirectory), logger: logger, delay: calendarDelay)
        self.bookings = BookingBatcher(store: store, clock: clock)
        self.logger = logger
        self.reminderScheduled = reminderScheduled
        self.sessionTookPlace = sessionTookPlace
    }

    /// The rules in force; a reload replaces them for bookings from then on.
    public func update(rules: BookingRules, reminderTime: LocalTime) {
        settings.withLock { $0 = (rules, reminderTime) }
    }

    public var rules: BookingRules { settings.withLock { $0.rules } }

    public func addMediator(_ mediator: Mediator) async throws -> Mediator {
        try await store.addMediator(mediator, at: clock.now)
        await calendars.republish(mediator.login)
        return mediator
    }

    public func mediators() async throws -> [Mediator] { try await store.mediators() }

    public func mediator(_ login: String) async throws -> (Mediator, [Session]) {
        guard let mediator = try await store.mediator(login) else { throw ScheduleStoreError.unknownMediator(login) }
        return (mediator, try await store.sessions(SessionQuery(mediator: login, from: clock.now)))
    }

    public func setHours(_ login: String, hours: WeeklyHours?, maximumSessionsPerDay: Int?) async throws -> Mediator {
        try await store.updateMediator(login, hours: hours, maximumSessionsPerDay: maximumSessionsPerDay)
    }

    public func addLeave(_ login: String, _ period: Unavailability) async throws -> Mediator {
        try await store.addUnavailability(login, period)
    }

    public func addPlace(_ place: Place) async throws -> Place {
        try await store.addPlace(place)
        return place
    }

    public func places() async throws -> [Place] { try await store.places() }

    /// - Parameter owner: for a caller who may change only the sessions they mediate, their login.
    public func book(case reference: CaseReference, mediator: String, place: String, start: Date, duration: TimeInterval?,
                     afterDeadline reason: String?, owner: String? = nil, author: ChangeAuthor) async throws -> Session {
        if let owner, owner != mediator { throw ScheduleStoreError.notTheMediator(session: nil, mediator: mediator, caller: author.login) }
        let session = try await bookings.book(
            Booking(caseReference: reference, mediator: mediator, place: place, start: start, duration: duration ?? rules.office.defaultDuration,
                    change: change(afterDeadline: reason, now: clock.now)),
            author: author)
        await changed(session, "booked", author: author)
        return session
    }

    public func reschedule(_ id: Int64, to start: Date, duration: TimeInterval?, afterDeadline reason: String?, owner: String? = nil,
                           author: ChangeAuthor) async throws -> Session {
        let now = clock.now
        let session = try await store.reschedule(id, to: start, duration: duration, booking: change(afterDeadline: reason, now: now), owner: owner,
                                                 author: author, at: now)
        await changed(session, "rescheduled", author: author)
        return session
    }

    public func settle(_ id: Int64, as state: Session.State, note: String, owner: String? = nil, author: ChangeAuthor) async throws -> Session {
        let session = try await store.settle(id, state: state, note: note, owner: owner, author: author, at: clock.now)
        await changed(session, state == .cancelled ? "cancelled" : "completed", author: author)
        if state == .held || state == .settled { await sessionTookPlace(session) }
        return session
    }

    public func session(_ id: Int64) async throws -> (Session, [SessionHistoryEntry]) {
        guard let found = try await store.session(id) else { throw ScheduleStoreError.unknownSession(id) }
        return found
    }

    public func sessions(_ query: SessionQuery) async throws -> [Session] {
        try await store.sessions(query)
    }

    public func suggest(case reference: CaseReference, mediator: String?, place: SlotRequest.PlaceChoice, duration: TimeInterval?, count: Int) async throws -> [SlotFinder.Slot] {
        let rules = self.rules
        return try await store.suggest(SlotRequest(caseReference: reference, mediator: mediator, place: place,
                                                   duration: duration ?? rules.office.defaultDuration, count: count, rules: rules, now: clock.now))
    }

    public func calendar(of login: String) async throws -> String {
        guard try await store.mediator(login) != nil else { throw ScheduleStoreError.unknownMediator(login) }
        return SessionCalendar.document("Bemiddelingsgesprekken \(login)", try await store.sessions(SessionQuery(mediator: login, includeAll: true)))
    }

    public func calendar(ofSession id: Int64) async throws -> String {
        let (session, _) = try await self.session(id)
        return SessionCalendar.document("Bemiddelingsgesprek \(session.caseReference)", [session])
    }

    /// The mediator hears of a session at the reminder time on the working day before it; not
    /// when that moment has already passed (they booked it themselves, just now).
    private func change(afterDeadline reason: String?, now: Date) -> BookingChange {
        let (rules, time) = settings.withLock { $0 }
        return BookingChange(rules: rules, afterDeadlineReason: reason, now: now) { start in
            let day = rules.calendar.subtracting(workingDays: 1, from: CalendarDate(start))
            let instant = time.instant(on: day)
            return instant > now ? instant : nil
        }
    }

    /// Returns once the published calendar files show every change made so far.
    public func calendarsWritten() async {
        await calendars.settled()
    }

    /// Rewrites every mediator's calendar file: at start, since a stop without warning (a crash,
    /// a power cut) may have left a file a change behind the database.
    public func republishCalendars() async throws {
        for mediator in try await store.mediators() { await calendars.republish(mediator.login) }
    }

    /// Writes pending calendar files at once; at shutdown.
    public func flushCalendars() async {
        await calendars.flush()
    }

    private func changed(_ session: Session, _ action: String, author: ChangeAuthor) async {
        if session.isLive, let reminder = change(afterDeadline: nil, now: clock.now).reminder(session.start) {
            reminderScheduled(reminder)
        }
        events.publish(.session(session, action: action, author: author))
        await calendars.republish(session.mediator)
    }
}
