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
/// events, not the daemon's memory; the journal keeps the reminders regardless.
public final class CaseEventHub: Sendable {
    private let subscribers = Mutex<[UInt64: AsyncStream<CaseEvent>.Continuation]>([:])
    private let nextID = Atomic<UInt64>(0)
    private let buffer: Int

    public init(buffer: Int = 1_000) {
        self.buffer = buffer
    }

    public func publish(_ event: CaseEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) {
            continuation.yield(event)
        }
    }

    /// Events from now on, until the stream's consumer goes away.
    public func subscribe() -> AsyncStream<CaseEvent> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(of: CaseEvent.self, bufferingPolicy: .bufferingNewest(buffer))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    public var subscriberCount: Int {
        subscribers.withLock { $0.count }
    }
}
