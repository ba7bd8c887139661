import Foundation

/// Keeps reminders under journald's rate limit (by default 10,000 entries per 30 s per
/// service, beyond which it drops entries and says only how many): at most `limit` per
/// `interval`, leaving the rest of journald's allowance for the daemon's other messages.
/// A reminder over the limit waits; it is never dropped.
public actor ReminderPacer {
    private let limit: Int
    private let interval: Duration
    private let clock = ContinuousClock()
    private var windowStart: ContinuousClock.Instant
    private var sentInWindow = 0

    public init(limit: Int = 5_000, per interval: Duration = .seconds(30)) {
        self.limit = limit
        self.interval = interval
        self.windowStart = clock.now
    }

    /// Returns when one more entry may be written.
    public func admit() async throws {
        if clock.now - windowStart >= interval {
            windowStart = clock.now
            sentInWindow = 0
        }
        if sentInWindow >= limit {
            try await clock.sleep(until: windowStart + interval)
            windowStart = clock.now
            sentInWindow = 0
        }
        sentInWindow += 1
    }
}
