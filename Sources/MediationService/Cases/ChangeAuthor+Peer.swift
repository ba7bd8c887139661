import Glibc
import MediationCore
import Synchronization
import Varlink

extension ChangeAuthor {
    /// The caller as the kernel reported it, with the login name the system has for its uid,
    /// looked up off the event loop (NSS may ask a directory server) and kept for a minute.
    static func of(_ peer: PeerCredentials?) async -> ChangeAuthor {
        guard let peer else { return ChangeAuthor(uid: UInt32.max, login: "unknown") }
        return ChangeAuthor(uid: peer.uid, login: await LoginNames.shared.login(of: peer.uid))
    }
}

/// Login names by uid, as NSS gives them, cached so that a busy client costs one look-up a
/// minute rather than one per call.
final class LoginNames: Sendable {
    static let shared = LoginNames()

    private let cache = Mutex<[uid_t: (login: String, at: ContinuousClock.Instant)]>([:])
    private let lifetime = Duration.seconds(60)

    func login(of uid: uid_t) async -> String {
        let now = ContinuousClock.now
        if let cached = cache.withLock({ $0[uid] }), now - cached.at < lifetime { return cached.login }
        let login = (try? await BlockingWork.run { Self.lookUp(uid) }) ?? nil
        let name = login ?? String(uid)
        cache.withLock { entries in
            // A bound on what many short-lived uids can make it hold.
            if entries.count >= 4_096 { entries.removeAll() }
            entries[uid] = (name, now)
        }
        return name
    }

    private static func lookUp(_ uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }
}
