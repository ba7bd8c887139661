/// Decides when a refused connection is logged: the first refusal by a limit at once, and then
/// at most one line per interval for that limit, counting the refusals held back. A flood is a
/// line now and then in the journal, not one per connection; each user who is limited is named
/// on a line of their own, whatever the others do.
struct VarlinkRefusalLog: Sendable {
    /// The server's limit: one line per 10 s. A user's: one per minute.
    static func interval(for limit: VarlinkConnectionRefusal.Limit) -> Duration {
        switch limit {
        case .server: .seconds(10)
        case .user: .seconds(60)
        }
    }

    private var entries: [VarlinkConnectionRefusal.Limit: (lastLogged: ContinuousClock.Instant, unlogged: Int)] = [:]

    /// After a refusal by `limit`: how many refusals to report in a log line now (this one and
    /// those not yet logged), or nil when that limit's last line is more recent than its interval.
    mutating func refusalsToLog(_ limit: VarlinkConnectionRefusal.Limit, now: ContinuousClock.Instant) -> Int? {
        let interval = Self.interval(for: limit)
        if let entry = entries[limit], now - entry.lastLogged < interval {
            entries[limit] = (entry.lastLogged, entry.unlogged + 1)
            return nil
        }
        let count = (entries[limit]?.unlogged ?? 0) + 1
        // Limits whose interval has passed are forgotten, so users refused once long ago take no
        // room; their next refusal is logged at once, like a first one.
        entries = entries.filter { now - $0.value.lastLogged < Self.interval(for: $0.key) }
        entries[limit] = (now, 0)
        return count
    }
}
