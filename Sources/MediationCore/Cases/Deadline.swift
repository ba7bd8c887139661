/// A date by which a step of a case must be done, and the reminder that is next due for it.
public struct Deadline: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        case open
        /// Done in time or late; no further reminders.
        case met
        /// No longer needed: the case closed before the step was done, or the agreement was broken.
        case cancelled
    }

    public let kind: DeadlineKind
    /// The agreement or question an obligation's deadline is for; nil for the process's own.
    public let subject: Int64?
    public var due: CalendarDate
    public var state: State
    /// When the step was done or dropped.
    public var settledOn: CalendarDate?
    /// The next reminder to send; nil when none is pending (settled, suspended, or the policy has
    /// nothing more to say).
    public var nextReminder: ScheduledReminder?

    public init(kind: DeadlineKind, subject: Int64? = nil, due: CalendarDate, state: State = .open, settledOn: CalendarDate? = nil,
                nextReminder: ScheduledReminder? = nil) {
        self.kind = kind
        self.subject = subject
        self.due = due
        self.state = state
        self.settledOn = settledOn
        self.nextReminder = nextReminder
    }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: CalendarDate) -> Bool {
        state == .open && due < today
    }

    /// How staff name it: "the intake deadline", "agreement 3", "the answer term of question 2".
    public var label: String {
        switch (kind, subject) {
        case (.agreement, let number?): "agreement \(number)"
        case (.answer, let number?): "the answer term of question \(number)"
        case (.reaction, let number?): "the reaction term of question \(number)"
        default: "the \(kind) deadline"
        }
    }

    /// Part of every reminder's identifier, so that two agreements of one case due on the same
    /// day are reminded of separately.
    public var identifierPart: String {
        subject.map { "\(kind)-\($0)" } ?? kind.rawValue
    }
}

extension Deadline {
    /// Open, and of a kind whose term stands still while the case is suspended.
    var standsStill: Bool { state == .open && kind.standsStillWhileSuspended }
}
