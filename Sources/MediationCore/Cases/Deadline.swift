/// A date by which a step of a case must be done, and the reminder that is next due for it.
public struct Deadline: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case open
        /// Done in time or late; no further reminders.
        case met
        /// No longer needed: the case closed before the step was done.
        case cancelled
    }

    public let kind: DeadlineKind
    public var due: CalendarDate
    public var state: State
    /// When the step was done or dropped.
    public var settledOn: CalendarDate?
    /// The next reminder to send; nil when none is pending (settled, suspended, or the policy has
    /// nothing more to say).
    public var nextReminder: ScheduledReminder?

    public init(kind: DeadlineKind, due: CalendarDate, state: State = .open, settledOn: CalendarDate? = nil, nextReminder: ScheduledReminder? = nil) {
        self.kind = kind
        self.due = due
        self.state = state
        self.settledOn = settledOn
        self.nextReminder = nextReminder
    }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: CalendarDate) -> Bool {
        state == .open && due < today
    }
}
