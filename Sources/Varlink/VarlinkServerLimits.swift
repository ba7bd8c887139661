import NIOCore

/// The bounds that keep one client from starving the others.
public struct VarlinkServerLimits: Sendable, Equatable {
    /// The longest message a client may send, in bytes, terminator excluded.
    public var maximumMessageSize: Int
    /// Connections open at once; further clients are closed on accept.
    public var maximumConnections: Int
    /// How long a connection may sit without a call in progress before it is closed; nil keeps
    /// idle connections open.
    public var idleTimeout: TimeAmount?

    public init(maximumMessageSize: Int = 1 << 20, maximumConnections: Int = 512, idleTimeout: TimeAmount? = .minutes(5)) {
        self.maximumMessageSize = maximumMessageSize
        self.maximumConnections = maximumConnections
        self.idleTimeout = idleTimeout
    }
}
