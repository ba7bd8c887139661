import NIOCore

/// The bounds that keep one client from starving the others.
public struct VarlinkServerLimits: Sendable, Equatable {
    /// The longest message a client may send, in bytes, terminator excluded.
    public var maximumMessageSize: Int
    /// Connections open at once; further clients are refused on accept.
    public var maximumConnections: Int
    /// Connections one user (the peer's uid) may have open at once, so that no one user can
    /// take every place `maximumConnections` leaves; further clients of that user are refused.
    public var maximumConnectionsPerUser: Int
    /// How long a connection may sit without a call in progress before it is closed; nil keeps
    /// idle connections open.
    public var idleTimeout: TimeAmount?
    /// How long a reply may wait to be written before its connection is closed: a client that
    /// sends calls and never reads their replies would otherwise keep its connection for ever,
    /// since a call in progress keeps the idle timeout away.
    public var sendTimeout: TimeAmount

    public init(
        maximumMessageSize: Int = 1 << 20, maximumConnections: Int = 512, maximumConnectionsPerUser: Int = 32, idleTimeout: TimeAmount? = .minutes(5),
        sendTimeout: TimeAmount = .seconds(30)
    ) {
        self.maximumMessageSize = maximumMessageSize
        self.maximumConnections = maximumConnections
        self.maximumConnectionsPerUser = maximumConnectionsPerUser
        self.idleTimeout = idleTimeout
        self.sendTimeout = sendTimeout
    }
}
