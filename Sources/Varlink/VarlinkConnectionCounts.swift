import Glibc

/// The connections open, in all and per user, and whether one more may open.
struct VarlinkConnectionCounts: Sendable {
    private(set) var total = 0
    /// Only users with a connection open have an entry, so the table is as small as the
    /// connections are few.
    private var perUser: [uid_t: Int] = [:]

    /// Counts a new connection of `uid` (nil when its credentials could not be read: then only
    /// the server's limit applies), or says which limit refuses it. A user at their own limit
    /// is told so even when the server is full too: that is the limit they can do something
    /// about.
    mutating func admit(uid: uid_t?, limits: VarlinkServerLimits) -> VarlinkConnectionRefusal? {
        let open = uid.map { perUser[$0, default: 0] } ?? 0
        if let uid, open >= limits.maximumConnectionsPerUser {
            return VarlinkConnectionRefusal(limit: .user(uid), maximum: limits.maximumConnectionsPerUser)
        }
        if total >= limits.maximumConnections {
            return VarlinkConnectionRefusal(limit: .server, maximum: limits.maximumConnections)
        }
        total += 1
        if let uid { perUser[uid] = open + 1 }
        return nil
    }

    /// A connection `admit` counted has closed.
    mutating func release(uid: uid_t?) {
        total -= 1
        guard let uid, let open = perUser[uid] else { return }
        perUser[uid] = open > 1 ? open - 1 : nil
    }

    func open(uid: uid_t) -> Int { perUser[uid, default: 0] }
}
