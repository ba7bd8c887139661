import Glibc
import NIOCore

extension PeerCredentials {
    /// Reads SO_PEERCRED from a connected AF_UNIX channel.
    static func of(_ channel: any Channel) async throws -> PeerCredentials? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let credentials: KernelPeerCredentials = try await provider.unsafeGetSocketOption(
            level: .socket,
            name: NIOBSDSocket.Option(rawValue: SO_PEERCRED)
        ).get()
        return PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid)
    }
}

/// The kernel's `struct ucred`; Glibc hides it behind _GNU_SOURCE, so it is spelled out here with
/// the same layout.
private struct KernelPeerCredentials {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0
}
