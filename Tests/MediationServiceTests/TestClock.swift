import MediationService
import Foundation
import MediationCore
import Synchronization

/// A clock the test sets and moves, forward or back, as an operator's `date -s` would.
final class TestClock: ServiceClock {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}

/// Takes reminders as the journal would, or refuses them like a journal that is not running.
final class RecordingDelivery: ReminderDelivery {
    struct Unreachable: Error {}

    private let state = Mutex<(notices: [ReminderNotice], summaries: [ReminderSummary], sessions: [SessionReminderNotice], failing: Bool)>(([], [], [], false))

    var notices: [ReminderNotice] { state.withLock { $0.notices } }
    var summaries: [ReminderSummary] { state.withLock { $0.summaries } }
    var sessionNotices: [SessionReminderNotice] { state.withLock { $0.sessions } }
    var failing: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    func deliver(_ notice: ReminderNotice) throws {
        try state.withLock {
            if $0.failing { throw Unreachable() }
            $0.notices.append(notice)
        }
    }

    func deliver(_ summary: ReminderSummary) throws {
        try state.withLock {
            if $0.failing { throw Unreachable() }
            $0.summaries.append(summary)
        }
    }

    func deliver(_ notice: SessionReminderNotice) throws {
        try state.withLock {
            if $0.failing { throw Unreachable() }
            $0.sessions.append(notice)
        }
    }
}
