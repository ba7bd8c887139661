import Foundation
import MediationCore
import Systemd
import Varlink

/// Reminders as journal entries, each kind with its MESSAGE_ID (explained in
/// `systemd/mediationd.catalog`) and a priority by urgency.
public struct ReminderJournal: ReminderDelivery {
    public static let upcoming = JournalMessageID(rawValue: "f42435f8c1bc40c487e9fbaa901792ef")!
    public static let dueToday = JournalMessageID(rawValue: "76baa1e4b5394d35af1e356c835e55bb")!
    public static let overdue = JournalMessageID(rawValue: "c4fb9262adb74a6182eff53830fdb727")!
    public static let summary = JournalMessageID(rawValue: "e2d05b1bf2404d7299a7125fde21cca0")!
    public static let session = JournalMessageID(rawValue: "2d65f6a385c44f87a8950bb00f5b8780")!
    public static let agreementUpcoming = JournalMessageID(rawValue: "2c1bba3ec7ad442c96b5090ea80af06f")!
    public static let agreementDueToday = JournalMessageID(rawValue: "dc0f9c2db22545468faea580c0cd834f")!
    public static let agreementOverdue = JournalMessageID(rawValue: "1aded595b9994cd5825ceb16d3762349")!

    private let journal = Journal()

    public init() {}

    public func deliver(_ notice: ReminderNotice) throws {
        // Agreements are the parties' promises, followed up by the mediator rather than by the
        // office's own term keeping, so they have entries of their own to filter on.
        let agreement = notice.kind == .agreement
        let (id, priority): (JournalMessageID, JournalPriority) = switch notice.reminder.stage {
        case .upcoming: (agreement ? Self.agreementUpcoming : Self.upcoming, .notice)
        case .dueToday: (agreement ? Self.agreementDueToday : Self.dueToday, .warning)
        case .overdue: (agreement ? Self.agreementOverdue : Self.overdue, .error)
        }
        var subject: [JournalField] = []
        if let number = notice.deadline.subject {
            subject.append(JournalField(agreement ? "MEDIATION_AGREEMENT" : "MEDIATION_QUESTION", String(number)))
        }
        try journal.send(subject + [
            .message(notice.message),
            .messageID(id),
            .priority(priority),
            JournalField("SYSLOG_IDENTIFIER", "mediationd"),
            JournalField("MEDIATION_CASE", notice.reference.text),
            JournalField("MEDIATION_DEADLINE", notice.kind.rawValue),
            JournalField("MEDIATION_DUE", notice.due.description),
            JournalField("MEDIATION_STAGE", notice.reminder.stage.name),
            JournalField("MEDIATION_REMINDER", notice.identifier),
            JournalField("MEDIATION_SCHEDULED", RFC3339.format(notice.reminder.instant)),
        ])
    }

    public func deliver(_ summary: ReminderSummary) throws {
        try journal.send([
            .message(summary.message),
            .messageID(Self.summary),
            .priority(.warning),
            JournalField("SYSLOG_IDENTIFIER", "mediationd"),
            JournalField("MEDIATION_REMINDERS_DUE", String(summary.due)),
            JournalField("MEDIATION_OVERDUE", String(summary.overdueDeadlines)),
        ])
    }

    public func deliver(_ notice: SessionReminderNotice) throws {
        let session = notice.session
        try journal.send([
            .message(notice.message),
            .messageID(Self.session),
            .priority(.notice),
            JournalField("SYSLOG_IDENTIFIER", "mediationd"),
            JournalField("MEDIATION_SESSION", String(session.id)),
            JournalField("MEDIATION_MEDIATOR", session.mediator),
            JournalField("MEDIATION_CASE", session.caseReference.text),
            JournalField("MEDIATION_START", RFC3339.format(session.start)),
            JournalField("MEDIATION_PLACE", session.place),
        ])
    }
}
