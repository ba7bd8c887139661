import Foundation

/// When staff are reminded of a deadline: some working days before it, on the day itself, and
/// when it has passed, on the next working day and then every few working days until it is met.
public struct ReminderPolicy: Hashable, Sendable {
    /// Working days before the due date on which to remind, e.g. [5, 1].
    public let workingDaysBefore: [Int]
    public let onDueDate: Bool
    /// Working days between overdue reminders; nil sends only the first one.
    public let overdueEvery: Int?
    public let time: LocalTime

    public init(workingDaysBefore: [Int], onDueDate: Bool, overdueEvery: Int?, time: LocalTime) {
        self.workingDaysBefore = Array(Set(workingDaysBefore.filter { $0 > 0 })).sorted(by: >)
        self.onDueDate = onDueDate
        self.overdueEvery = overdueEvery.flatMap { $0 > 0 ? $0 : nil }
        self.time = time
    }

    /// The office's default: 5 and 1 working days before, on the day, then every 5 working days.
    public static let standard = ReminderPolicy(workingDaysBefore: [5, 1], onDueDate: true, overdueEvery: 5, time: LocalTime(hour: 9, minute: 0)!)

    /// The first reminder for a deadline due on `due` that falls strictly after `instant`.
    ///
    /// Reminders are derived, not stored one by one, so a deadline that stays overdue for a year
    /// costs nothing until its next reminder is due, and a changed due date changes every later
    /// reminder at once.
    public func nextReminder(due: CalendarDate, after instant: Date, calendar: WorkingDayCalendar) -> ScheduledReminder? {
        for reminder in beforeAndOnDueDate(due: due, calendar: calendar) where reminder.instant > instant {
            return reminder
        }
        let first = calendar.adding(workingDays: 1, to: due)
        if time.instant(on: first) > instant {
            return ScheduledReminder(stage: .overdue, date: first, instant: time.instant(on: first), sequence: 1)
        }
        guard let every = overdueEvery else { return nil }
        // Start from the period that contains `instant` rather than walking a long outage one
        // reminder at a time.
        var sequence = 1 + calendar.workingDays(from: first, to: CalendarDate(instant)) / every
        var day = calendar.adding(workingDays: (sequence - 1) * every, to: first)
        while time.instant(on: day) <= instant {
            sequence += 1
            day = calendar.adding(workingDays: every, to: day)
        }
        return ScheduledReminder(stage: .overdue, date: day, instant: time.instant(on: day), sequence: sequence)
    }

    /// The most recent reminder for a deadline due on `due` at or before `instant`: after an
    /// outage, the one that tells the deadline's state now, rather than every stage it passed.
    public func latestReminder(due: CalendarDate, notAfter instant: Date, calendar: WorkingDayCalendar) -> ScheduledReminder? {
        let first = calendar.adding(workingDays: 1, to: due)
        guard time.instant(on: first) <= instant else {
            return beforeAndOnDueDate(due: due, calendar: calendar).last { $0.instant <= instant }
        }
        guard let every = overdueEvery else {
            return ScheduledReminder(stage: .overdue, date: first, instant: time.instant(on: first), sequence: 1)
        }
        var sequence = 1 + calendar.workingDays(from: first, to: CalendarDate(instant)) / every
        var day = calendar.adding(workingDays: (sequence - 1) * every, to: first)
        if time.instant(on: day) > instant {
            sequence -= 1
            day = calendar.adding(workingDays: (sequence - 1) * every, to: first)
        }
        return ScheduledReminder(stage: .overdue, date: day, instant: time.instant(on: day), sequence: sequence)
    }

    /// The reminder to schedule when a deadline is set or moved at `instant`. A deadline that is
    /// already past (a complaint registered late, say) is reminded of at once: staff must hear
    /// now, not on the next scheduled day. Otherwise it is the next regular reminder.
    public func firstReminder(due: CalendarDate, at instant: Date, calendar: WorkingDayCalendar) -> ScheduledReminder? {
        guard CalendarDate(instant) > due else {
            return nextReminder(due: due, after: instant, calendar: calendar)
        }
        let sequence = latestReminder(due: due, notAfter: instant, calendar: calendar)?.sequence ?? 1
        return ScheduledReminder(stage: .overdue, date: CalendarDate(instant), instant: instant, sequence: max(sequence, 1))
    }

    /// The reminder after one sent for `sent`: never a second one on the same day, so a reminder
    /// sent early (at once, or late after an outage) does not meet its regular one that day.
    public func reminder(after sent: ScheduledReminder, due: CalendarDate, calendar: WorkingDayCalendar) -> ScheduledReminder? {
        let endOfDay = sent.date.adding(days: 1).startOfDay.addingTimeInterval(-1)
        return nextReminder(due: due, after: max(sent.instant, endOfDay), calendar: calendar)
    }

    private func beforeAndOnDueDate(due: CalendarDate, calendar: WorkingDayCalendar) -> [ScheduledReminder] {
        var reminders = workingDaysBefore.map { count in
            let day = calendar.subtracting(workingDays: count, from: due)
            return ScheduledReminder(stage: .upcoming(workingDaysLeft: count), date: day, instant: time.instant(on: day), sequence: 0)
        }
        if onDueDate {
            reminders.append(ScheduledReminder(stage: .dueToday, date: due, instant: time.instant(on: due), sequence: 0))
        }
        return reminders.sorted { $0.instant < $1.instant }
    }
}

/// One reminder of a deadline, at an instant.
public struct ScheduledReminder: Hashable, Sendable {
    public enum Stage: Hashable, Sendable {
        case upcoming(workingDaysLeft: Int)
        case dueToday
        case overdue
    }

    public let stage: Stage
    public let date: CalendarDate
    public let instant: Date
    /// For overdue reminders, which one this is (1 for the first); 0 otherwise.
    public let sequence: Int

    public init(stage: Stage, date: CalendarDate, instant: Date, sequence: Int) {
        self.stage = stage
        self.date = date
        self.instant = instant
        self.sequence = sequence
    }
}

extension ScheduledReminder.Stage {
    /// The stage as written to the database and the journal: `upcoming-5`, `due-today`, `overdue`.
    public var token: String {
        switch self {
        case .upcoming(let left): "upcoming-\(left)"
        case .dueToday: "due-today"
        case .overdue: "overdue"
        }
    }

    /// The stage without the days left, for `MEDIATION_STAGE`.
    public var name: String {
        switch self {
        case .upcoming: "upcoming"
        case .dueToday: "due-today"
        case .overdue: "overdue"
        }
    }

    public init?(token: String) {
        switch token {
        case "due-today": self = .dueToday
        case "overdue": self = .overdue
        default:
            guard token.hasPrefix("upcoming-"), let left = Int(token.dropFirst("upcoming-".count)), left > 0 else { return nil }
            self = .upcoming(workingDaysLeft: left)
        }
    }
}

extension ScheduledReminder {
    /// The reminder's identity (`MEDIATION_REMINDER`): the same reminder sent twice, after a crash
    /// between the journal and the database, has the same id, so the repeat is visible.
    public func identifier(case reference: CaseReference, deadline: Deadline) -> String {
        let stagePart = stage == .overdue ? "overdue-\(sequence)" : stage.token
        return "\(reference)/\(deadline.identifierPart)/\(stagePart)/\(date)"
    }
}

extension ReminderPolicy {
    /// A policy taken apart, to change one setting and build a new one.
    public struct Parts: Sendable {
        public var workingDaysBefore: [Int]
        public var onDueDate: Bool
        public var overdueEvery: Int?
        public var time: LocalTime

        public init(_ policy: ReminderPolicy) {
            workingDaysBefore = policy.workingDaysBefore
            onDueDate = policy.onDueDate
            overdueEvery = policy.overdueEvery
            time = policy.time
        }

        public var policy: ReminderPolicy {
            ReminderPolicy(workingDaysBefore: workingDaysBefore, onDueDate: onDueDate, overdueEvery: overdueEvery, time: time)
        }
    }
}
