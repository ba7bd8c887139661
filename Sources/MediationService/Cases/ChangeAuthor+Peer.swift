import Glibc
import MediationCore
import Varlink

extension ChangeAuthor {
    /// The caller as the kernel reported it, with the login name the system has for its uid.
    init(_ peer: PeerCredentials?) {
        guard let peer else {
            self.init(uid: UInt32.max, login: "unknown")
            return
        }
        self.init(uid: peer.uid, login: Self.login(of: peer.uid) ?? String(peer.uid))
    }

    private static func login(of uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }
}
