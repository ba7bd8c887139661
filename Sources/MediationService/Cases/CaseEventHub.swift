import Foundation
import MediationCore
import Synchronization

/// What `mediationctl watch` follows: every case change and every reminder, as they happen.
public enum CaseEvent: Sendable, Equatable {
    case changed(CaseReference, CaseHistoryEntry)
    case reminder(ReminderNotice)
    case session(Session, action: String, author: ChangeAuthor)
    case sessionReminder(SessionReminderNotice)
}

/// Fans events out to the clients that watch. A watcher that cannot keep up loses the oldest
/// events, not the daemon's memory: each has a backlog of at most `backlogBytes` (and
/// `backlogEvents` events); the journal keeps the reminders regardless.
public final class CaseEventHub: Sendable {
    private let subscribers = Mutex<[UInt64: WatchBacklog]>([:])
    private let nextID = Atomic<UInt64>(0)
    private let backlogBytes: Int
    private let backlogEvents: Int

    /// 256 KiB holds some 800 events of the usual size, minutes of a busy office's changes,
    /// and keeps 512 watchers that never read under 128 MiB.
    public init(backlogBytes: Int = 256 << 10, backlogEvents: Int = 1_000) {
        self.backlogBytes = backlogBytes
        self.backlogEvents = backlogEvents
    }

    public func publish(_ event: CaseEvent) {
        let backlogs = subscribers.withLock { Array($0.values) }
        guard !backlogs.isEmpty else { return }
        let size = Self.estimatedSize(of: event)
        for backlog in backlogs {
            backlog.push(event, size: size)
        }
    }

    /// Events from now on, until the loop that reads them ends.
    public func subscribe() -> CaseEventSubscription {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let backlog = WatchBacklog(byteLimit: backlogBytes, countLimit: backlogEvents)
        subscribers.withLock { $0[id] = backlog }
        return CaseEventSubscription(backlog: backlog) { [weak self] in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
    }

    public var subscriberCount: Int {
        subscribers.withLock { $0.count }
    }

    /// The bytes the watchers' backlogs hold.
    public var backlogBytesHeld: Int {
        subscribers.withLock { $0.values.reduce(0) { $0 + $1.bytes } }
    }

    /// What an event takes in memory and on the wire, near enough: its texts and fields written
    /// out, which is what grows with what clients typed.
    static func estimatedSize(of event: CaseEvent) -> Int {
        String(describing: event).utf8.count
    }
}
