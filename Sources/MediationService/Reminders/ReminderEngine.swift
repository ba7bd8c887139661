import Foundation
import Logging
import MediationCore
import MediationStore

/// Sends the reminders that are due and says when the next one is.
///
/// Deadlines stay in the database: the engine asks it for the earliest pending reminder and for
/// the due ones a batch at a time, so its memory does not grow with the number of cases. A
/// reminder is written to the journal first and then marked sent; a crash between the two sends
/// that one reminder again (same `MEDIATION_REMINDER`), and none is ever lost. When the database
/// refuses the mark, the engine holds it and retries it before it sends anything else, so this
/// process never journals that reminder twice.
public actor ReminderEngine {
    public struct Settings: Sendable {
        /// More reminders than this due at once get a summary entry first.
        public var summaryThreshold = 20
        public var batchSize = 500
        /// How soon to try again when the journal did not take a reminder.
        public var retryDelay: TimeInterval = 5

        public init() {}
    }

    private let store: any CaseStore
    private let schedule: (any ScheduleStore)?
    private let workflow: @Sendable () -> CaseWorkflow
    private let clock: any ServiceClock
    private let delivery: any ReminderDelivery
    private let pacer: ReminderPacer
    private let events: CaseEventHub
    private let settings: Settings
    private let logger: Logger
    /// Whether the journal refused the last attempt; the next success is logged.
    private var deliveryFailing = false
    /// The mark of a reminder the journal took and the database refused, waiting to be retried.
    private var heldMark: HeldMark?

    private enum HeldMark {
        case deadline(PendingReminder, sent: ScheduledReminder, next: ScheduledReminder?, at: Date, notice: ReminderNotice)
        case session(SessionReminderNotice)

        var name: String {
            switch self {
            case .deadline(_, _, _, _, let notice): notice.identifier
            case .session(let notice): "of session \(notice.session.id)"
            }
        }
    }

    public init(store: any CaseStore, schedule: (any ScheduleStore)? = nil, workflow: @escaping @Sendable () -> CaseWorkflow, clock: any ServiceClock,
                delivery: any ReminderDelivery, pacer: ReminderPacer, events: CaseEventHub, settings: Settings = Settings(), logger: Logger) {
        self.store = store
        self.schedule = schedule
        self.workflow = workflow
        self.clock = clock
        self.delivery = delivery
        self.pacer = pacer
        self.events = events
        self.settings = settings
        self.logger = logger
    }

    /// Sends everything due now and returns when to look again: the next reminder's time, a
    /// retry time when the journal was unreachable, or nil when nothing is pending.
    public func sendDue() async throws -> Date? {
        try await recordHeldMark()
        var now = clock.now
        let count = try await store.countDueReminders(notAfter: now)
        if count > settings.summaryThreshold {
            let overdue = try await store.statistics(today: CalendarDate(now)).overdueDeadlines
            guard deliver("the reminder summary", { try $0.deliver(ReminderSummary(due: count, overdueDeadlines: overdue, sentAt: now)) }) else {
                return retryTime
            }
        }
        while true {
            let batch = try await store.dueReminders(notAfter: now, limit: settings.batchSize)
            if batch.isEmpty { break }
            for pending in batch {
                try await pacer.admit()
                guard try await send(pending) else { return retryTime }
            }
            now = clock.now
        }
        if let schedule {
            while true {
                let batch = try await schedule.dueSessionReminders(notAfter: now, limit: settings.batchSize)
                if batch.isEmpty { break }
                for session in batch {
                    try await pacer.admit()
                    let notice = SessionReminderNotice(session: session, sentAt: clock.now)
                    guard deliver("the reminder of session \(session.id)", { try $0.deliver(notice) }) else { return retryTime }
                    try await record(.session(notice))
                }
                now = clock.now
            }
        }
        let deadlines = try await store.earliestReminder()
        let sessions = try await schedule?.earliestSessionReminder()
        return [deadlines, sessions].compactMap { $0 }.min()
    }

    /// Sends one deadline reminder; false when the journal did not take it.
    private func send(_ pending: PendingReminder) async throws -> Bool {
        let now = clock.now
        let rules = workflow()
        let deadline = pending.deadline
        let reminder = rules.reminderToSend(pending.scheduled, for: deadline, now: now)
        let notice = ReminderNotice(
            reference: pending.reference, deadline: deadline, reminder: reminder,
            workingDaysOverdue: rules.calendar.workingDays(from: deadline.due, to: CalendarDate(now)), sentAt: now)
        guard deliver("reminder \(notice.identifier)", { try $0.deliver(notice) }) else { return false }
        try await record(.deadline(pending, sent: reminder, next: rules.reminder(after: reminder, for: deadline), at: now, notice: notice))
        return true
    }

    /// Marks a journalled reminder sent; when the database refuses, holds the mark and throws.
    private func record(_ mark: HeldMark) async throws {
        do {
            switch mark {
            case .deadline(let pending, let sent, let next, let at, let notice):
                try await store.recordSent(pending, sent: sent, next: next, at: at)
                events.publish(.reminder(notice))
            case .session(let notice):
                try await schedule?.recordSessionReminderSent(notice.session)
                events.publish(.sessionReminder(notice))
            }
        } catch is CancellationError {
            heldMark = mark
            throw CancellationError()
        } catch {
            heldMark = mark
            throw ReminderMarkFailed(reminder: mark.name, cause: error)
        }
        heldMark = nil
    }

    private func recordHeldMark() async throws {
        if let mark = heldMark { try await record(mark) }
    }

    /// Hands one entry to the journal. A failure is logged once until the journal takes
    /// entries again; what was not taken stays pending and is tried again at `retryTime`.
    private func deliver(_ what: String, _ entry: (any ReminderDelivery) throws -> Void) -> Bool {
        do {
            try entry(delivery)
        } catch {
            if !deliveryFailing {
                logger.error("The journal did not take \(what); reminders stay pending and are retried every \(Int(settings.retryDelay)) s: \(error)")
            }
            deliveryFailing = true
            return false
        }
        if deliveryFailing {
            logger.notice("The journal takes reminders again")
            deliveryFailing = false
        }
        return true
    }

    private var retryTime: Date { clock.now.addingTimeInterval(settings.retryDelay) }
}
