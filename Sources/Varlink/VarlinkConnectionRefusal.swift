import Glibc

/// Why the server refused a connection on accept. The server's owner turns it into the error
/// reply the client gets before the close (`VarlinkServer`'s `refusalError`), since only the
/// owner's interfaces can declare that error.
public struct VarlinkConnectionRefusal: Sendable, Equatable {
    public enum Limit: Sendable, Hashable {
        /// `maximumConnections`: the server has as many connections open as it takes.
        case server
        /// `maximumConnectionsPerUser`: this user has as many open as one user may.
        case user(uid_t)
    }

    public let limit: Limit
    /// The limit's value when the connection was refused.
    public let maximum: Int

    public init(limit: Limit, maximum: Int) {
        self.limit = limit
        self.maximum = maximum
    }
}
