import Glibc
import Synchronization

/// The server's adjustable limits and its counters: shared with whoever reconfigures the server
/// (a reload) or reports on it (a status call), so neither needs the server itself.
public final class VarlinkServerState: Sendable {
    private let currentLimits: Mutex<VarlinkServerLimits>
    private let connections = Mutex(VarlinkConnectionCounts())
    private let served = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)
    private let refusalLog = Mutex(VarlinkRefusalLog())

    public init(limits: VarlinkServerLimits) {
        currentLimits = Mutex(limits)
    }

    /// New limits apply to connections accepted from now on, and the connection count at once.
    public var limits: VarlinkServerLimits {
        get { currentLimits.withLock { $0 } }
        set { currentLimits.withLock { $0 = newValue } }
    }

    public var activeConnections: Int { connections.withLock { $0.total } }
    public var callsServed: Int { served.load(ordering: .relaxed) }
    public var connectionsRefused: Int { refused.load(ordering: .relaxed) }

    /// The connections `uid` has open.
    public func activeConnections(uid: uid_t) -> Int { connections.withLock { $0.open(uid: uid) } }

    /// Admits a connection of `uid` (nil when unknown) unless a limit is reached; the refusal
    /// otherwise.
    func admit(uid: uid_t?) -> VarlinkConnectionRefusal? {
        let limits = self.limits
        let refusal = connections.withLock { $0.admit(uid: uid, limits: limits) }
        if refusal != nil { refused.add(1, ordering: .relaxed) }
        return refusal
    }

    /// After a refusal: how many refusals by its limit to report in a log line now, or nil when
    /// that limit was logged too recently (VarlinkRefusalLog).
    func refusalsToLog(_ limit: VarlinkConnectionRefusal.Limit, now: ContinuousClock.Instant = .now) -> Int? {
        refusalLog.withLock { $0.refusalsToLog(limit, now: now) }
    }

    func release(uid: uid_t?) { connections.withLock { $0.release(uid: uid) } }
    func countCall() { served.add(1, ordering: .relaxed) }
}
