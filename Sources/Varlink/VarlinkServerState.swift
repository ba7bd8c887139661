import Synchronization

/// The server's adjustable limits and its counters: shared with whoever reconfigures the server
/// (a reload) or reports on it (a status call), so neither needs the server itself.
public final class VarlinkServerState: Sendable {
    private let currentLimits: Mutex<VarlinkServerLimits>
    private let active = Atomic<Int>(0)
    private let served = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)
    /// When a refusal was last logged, and how many came since: a flood of connections beyond
    /// the limit is one line per interval in the journal, not one per connection.
    private let refusalLog = Mutex<(lastLogged: ContinuousClock.Instant?, unlogged: Int)>((nil, 0))
    static let refusalLogInterval = Duration.seconds(10)

    public init(limits: VarlinkServerLimits) {
        currentLimits = Mutex(limits)
    }

    /// New limits apply to connections accepted from now on, and the connection count at once.
    public var limits: VarlinkServerLimits {
        get { currentLimits.withLock { $0 } }
        set { currentLimits.withLock { $0 = newValue } }
    }

    public var activeConnections: Int { active.load(ordering: .relaxed) }
    public var callsServed: Int { served.load(ordering: .relaxed) }
    public var connectionsRefused: Int { refused.load(ordering: .relaxed) }

    /// Admits a connection unless the limit is reached.
    func admit() -> Bool {
        let limit = limits.maximumConnections
        while true {
            let current = active.load(ordering: .relaxed)
            if current >= limit {
                refused.add(1, ordering: .relaxed)
                return false
            }
            if active.compareExchange(expected: current, desired: current + 1, ordering: .relaxed).exchanged {
                return true
            }
        }
    }

    /// After a refusal: how many refusals to report in a log line now (this one and those not
    /// yet logged), or nil when a line went out less than `refusalLogInterval` ago.
    func refusalsToLog(now: ContinuousClock.Instant = .now) -> Int? {
        refusalLog.withLock { log in
            log.unlogged += 1
            if let last = log.lastLogged, now - last < Self.refusalLogInterval { return nil }
            defer { log = (now, 0) }
            return log.unlogged
        }
    }

    func release() { active.subtract(1, ordering: .relaxed) }
    func countCall() { served.add(1, ordering: .relaxed) }
}
