import Synchronization

/// The server's adjustable limits and its counters: shared with whoever reconfigures the server
/// (a reload) or reports on it (a status call), so neither needs the server itself.
public final class VarlinkServerState: Sendable {
    private let currentLimits: Mutex<VarlinkServerLimits>
    private let active = Atomic<Int>(0)
    private let served = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

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

    func release() { active.subtract(1, ordering: .relaxed) }
    func countCall() { served.add(1, ordering: .relaxed) }
}
