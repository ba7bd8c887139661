import Glibc
import NIOCore

extension PeerCredentials {
    /// Reads SO_PEERCRED and SO_PEERGROUPS from a connected AF_UNIX channel.
    static func of(_ channel: any Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let credentials: EventLoopFuture<KernelPeerCredentials> = provider.unsafeGetSocketOption(
            level: .socket, name: NIOBSDSocket.Option(rawValue: SO_PEERCRED))
        // A client with more groups than the buffer holds is refused by the kernel (ERANGE);
        // it then counts with its primary group only, which can only give it less access.
        let groups: EventLoopFuture<[gid_t]> = provider.unsafeGetSocketOption(level: .socket, name: NIOBSDSocket.Option(rawValue: peerGroupsOption))
            .map { (buffer: KernelPeerGroups) in buffer.groups }
            .recover { _ in [] }
        return credentials.and(groups)
            .map { credentials, groups in
                PeerCredentials(pid: credentials.pid, uid: credentials.uid, gid: credentials.gid, supplementaryGroups: groups)
            }
            .recover { _ in nil }
    }

    /// SO_PEERGROUPS (Linux 4.13), which Glibc's headers do not always name.
    private static let peerGroupsOption: CInt = 59
}

/// Room for 64 supplementary groups, read by getsockopt. The kernel writes as many as the peer
/// has and leaves the rest as NIO zeroed it; trailing zeros are dropped. Reading one too many
/// would only add gid 0, root's group, which an access policy must never give a role to.
private struct KernelPeerGroups {
    var storage: (SIMD16<UInt32>, SIMD16<UInt32>, SIMD16<UInt32>, SIMD16<UInt32>) = (.zero, .zero, .zero, .zero)

    var groups: [gid_t] {
        var all: [gid_t] = []
        for part in [storage.0, storage.1, storage.2, storage.3] {
            for index in part.indices { all.append(part[index]) }
        }
        while all.last == 0 { all.removeLast() }
        return all
    }
}

/// The kernel's `struct ucred`; Glibc hides it behind _GNU_SOURCE, so it is spelled out here with
/// the same layout.
private struct KernelPeerCredentials {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0
}
