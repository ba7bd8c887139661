import Foundation
import MediationCore

/// One reminder as staff read it: which case, which deadline, how urgent. It carries the case
/// reference and never a person's name or contact details.
public struct ReminderNotice: Sendable, Equatable {
    public let reference: CaseReference
    public let deadline: Deadline
    public let reminder: ScheduledReminder
    /// Working days past the due date, for overdue reminders.
    public let workingDaysOverdue: Int
    /// When it was sent; later than `reminder.instant` after an outage.
    public let sentAt: Date

    public init(reference: CaseReference, deadline: Deadline, reminder: ScheduledReminder, workingDaysOverdue: Int, sentAt: Date) {
        self.reference = reference
        // The reminder says what it is for; the schedule stored with the deadline does not belong in it.
        var deadline = deadline
        deadline.nextReminder = nil
        self.deadline = deadline
        self.reminder = reminder
        self.workingDaysOverdue = workingDaysOverdue
        self.sentAt = sentAt
    }

    public var kind: DeadlineKind { deadline.kind }
    public var due: CalendarDate { deadline.due }
    public var identifier: String { reminder.identifier(case: reference, deadline: deadline) }

    /// Sent noticeably later than planned: the daemon was not running, or the journal was away.
    public var isLate: Bool { sentAt.timeIntervalSince(reminder.instant) > 60 }

    public var message: String {
        var text: String
        switch reminder.stage {
        case .upcoming(let left):
            text = "Case \(reference): \(deadline.label) is due on \(due), in \(left) working day(s); \(kind.duty)."
        case .dueToday:
            text = "Case \(reference): \(deadline.label) is due today, \(due); \(kind.duty) today."
        case .overdue:
            text = "Case \(reference): \(deadline.label) was due on \(due) and is overdue by \(workingDaysOverdue) working day(s); \(kind.duty) now."
        }
        if isLate {
            text += " (This reminder was due at \(Self.localTime(reminder.instant)) and is sent late.)"
        }
        return text
    }

    private static func localTime(_ instant: Date) -> String {
        let components = CalendarDate.officeCalendar.dateComponents([.hour, .minute], from: instant)
        return "\(CalendarDate(instant)) " + String(format: "%02d:%02d", components.hour ?? 0, components.minute ?? 0)
    }
}

/// Written instead of a flood when many reminders are due at once, as after a long outage.
public struct ReminderSummary: Sendable, Equatable {
    public let due: Int
    public let overdueDeadlines: Int
    public let sentAt: Date

    public var message: String {
        "\(due) deadline reminder(s) are due at once, \(overdueDeadlines) deadline(s) are overdue; they follow one by one, "
            + "paced to stay within the journal's rate limit. List them with: mediationctl deadline list --overdue"
    }
}

/// Where reminders go: the journal in the daemon, a recorder in tests.
public protocol ReminderDelivery: Sendable {
    /// Throws when the reminder could not be written; it is then kept and retried.
    func deliver(_ notice: ReminderNotice) throws
    func deliver(_ summary: ReminderSummary) throws
    func deliver(_ notice: SessionReminderNotice) throws
}
