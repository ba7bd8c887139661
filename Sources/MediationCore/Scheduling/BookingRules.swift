import Foundation

/// The rules a booking must meet. Pure: the caller gathers the sessions that matter inside the
/// transaction that will store the booking, so two bookings racing for a slot cannot both pass.
public struct BookingRules: Sendable {
    public let office: OfficeRules
    public let calendar: WorkingDayCalendar

    public init(office: OfficeRules, calendar: WorkingDayCalendar) {
        self.office = office
        self.calendar = calendar
    }

    /// What a booking is checked against.
    public struct Context: Sendable {
        public var track: Track?
        public var closed: Bool
        /// The due date of the case's open mediation deadline, if it has one.
        public var sessionDeadline: CalendarDate?
        /// The mediator's live sessions on the day, the place's live sessions that overlap, and
        /// the case's live sessions; the session being rescheduled is left out by the caller.
        public var mediatorSessions: [Session]
        public var placeSessions: [Session]
        public var caseSessions: [Session]

        public init(track: Track?, closed: Bool, sessionDeadline: CalendarDate?, mediatorSessions: [Session], placeSessions: [Session], caseSessions: [Session]) {
            self.track = track
            self.closed = closed
            self.sessionDeadline = sessionDeadline
            self.mediatorSessions = mediatorSessions
            self.placeSessions = placeSessions
            self.caseSessions = caseSessions
        }
    }

    public func check(case reference: CaseReference, mediator: Mediator, place: Place, span: Range<Date>,
                      afterDeadline: Bool, context: Context, now: Date) throws(BookingRefusal) {
        if context.closed { throw .caseClosed(reference) }
        guard context.track == .mediation else { throw .caseNotOnMediationTrack(reference, context.track) }
        try checkTime(span, now: now)
        if let session = context.caseSessions.first(where: \.isLive) { throw .caseAlreadyBooked(reference, session) }
        if let due = context.sessionDeadline, CalendarDate(span.lowerBound) > due, !afterDeadline { throw .afterDeadline(due: due) }
        try checkMediator(mediator, span: span, sessionsThatDay: context.mediatorSessions)
        try checkPlace(place, span: span, sessions: context.placeSessions)
    }

    /// The office's own rules: a sensible length, in the future with notice, on a working day,
    /// inside office hours.
    public func checkTime(_ span: Range<Date>, now: Date) throws(BookingRefusal) {
        let duration = span.upperBound.timeIntervalSince(span.lowerBound)
        guard duration > 0, duration <= OfficeRules.maximumDuration else { throw .invalidDuration(duration) }
        guard span.lowerBound > now else { throw .inThePast(span.lowerBound) }
        let day = CalendarDate(span.lowerBound)
        let earliest = calendar.adding(workingDays: office.minimumNoticeWorkingDays, to: CalendarDate(now))
        guard day >= earliest else { throw .tooSoon(earliest: earliest) }
        guard calendar.isWorkingDay(day) else { throw .officeClosed(day) }
        guard let minutes = Self.minutes(span), office.officeHours.contains(minutes) else { throw .outsideOfficeHours(office.officeHours) }
    }

    /// The mediator works then, is not on leave, has room in the day, and keeps the break
    /// between sessions.
    public func checkMediator(_ mediator: Mediator, span: Range<Date>, sessionsThatDay: [Session]) throws(BookingRefusal) {
        let day = CalendarDate(span.lowerBound)
        let live = sessionsThatDay.filter { $0.isLive && $0.mediator == mediator.login && CalendarDate($0.start) == day }
        try checkMediator(mediator, span: span, day: day, minutes: Self.minutes(span), liveThatDay: live)
    }

    /// The same with the day, the minutes of the day and the mediator's live sessions of that day
    /// worked out already, as the slot finder does once per candidate time, not per mediator.
    func checkMediator(_ mediator: Mediator, span: Range<Date>, day: CalendarDate, minutes: Range<Int>?, liveThatDay live: [Session]) throws(BookingRefusal) {
        let hours = mediator.hours.hours(on: day.weekday)
        guard let minutes, hours.contains(minutes) else { throw .outsideMediatorHours(login: mediator.login, hours: hours) }
        if let leave = mediator.unavailability(overlapping: span) { throw .mediatorUnavailable(login: mediator.login, leave) }
        if live.count >= mediator.maximumSessionsPerDay { throw .dailyMaximum(login: mediator.login, maximum: mediator.maximumSessionsPerDay, day: day) }
        let buffer = office.buffer
        if let clash = live.first(where: { $0.start < span.upperBound.addingTimeInterval(buffer) && span.lowerBound < $0.end.addingTimeInterval(buffer) }) {
            throw .mediatorBusy(login: mediator.login, clash)
        }
    }

    /// A room holds one session at a time; a video meeting any number.
    public func checkPlace(_ place: Place, span: Range<Date>, sessions: [Session]) throws(BookingRefusal) {
        guard place.isExclusive else { return }
        if let clash = sessions.first(where: { $0.isLive && $0.place == place.name && $0.start < span.upperBound && span.lowerBound < $0.end }) {
            throw .placeTaken(place: place.name, clash)
        }
    }

    /// The span as minutes of its day in Amsterdam; nil when it crosses midnight.
    static func minutes(_ span: Range<Date>) -> Range<Int>? {
        let start = LocalDateTime(span.lowerBound)
        let end = LocalDateTime(span.upperBound)
        let endMinutes = end.date == start.date ? end.time.minutes : (end.date == start.date.adding(days: 1) && end.time.minutes == 0 ? 24 * 60 : -1)
        guard endMinutes > start.time.minutes else { return nil }
        return start.time.minutes..<endMinutes
    }
}
