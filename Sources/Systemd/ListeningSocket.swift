import CSystemd
import Foundation
import Glibc

/// The daemon's listening AF_UNIX stream socket: the one systemd passed (socket activation), or
/// one bound here at the configured path when run without systemd.
public struct ListeningSocket: Sendable {
    public enum Origin: String, Sendable {
        case socketActivated = "socket-activated"
        case selfBound = "self-bound"
    }

    public let descriptor: CInt
    public let origin: Origin
    /// The bound path, when known (an inherited socket reports its own address).
    public let path: String?

    /// Takes the socket systemd passed, or binds `fallbackPath`.
    public static func obtain(fallbackPath: String, mode: mode_t = 0o660) throws(ListeningSocketError) -> ListeningSocket {
        if let inherited = try inherited() {
            return inherited
        }
        return try bind(path: fallbackPath, mode: mode)
    }

    /// The socket passed by systemd or `systemd-socket-activate`, if any.
    ///
    /// `unset_environment` is set so that processes the daemon might start do not believe the
    /// socket is theirs.
    public static func inherited() throws(ListeningSocketError) -> ListeningSocket? {
        let count = sd_listen_fds(1)
        if count < 0 {
            throw .activation("sd_listen_fds failed: \(String(cString: strerror(-count)))")
        }
        if count == 0 { return nil }
        if count > 1 {
            throw .activation("systemd passed \(count) sockets; mediationd.socket must declare exactly one ListenStream=")
        }
        let fd = SD_LISTEN_FDS_START
        guard sd_is_socket_unix(fd, CInt(SOCK_STREAM.rawValue), 1, nil, 0) > 0 else {
            throw .activation("the socket systemd passed is not a listening AF_UNIX stream socket; use ListenStream=/path in mediationd.socket")
        }
        return ListeningSocket(descriptor: fd, origin: .socketActivated, path: boundPath(of: fd))
    }

    /// Binds and listens at `path`, creating its directory and replacing a stale socket file that
    /// no live daemon listens on.
    public static func bind(path: String, mode: mode_t) throws(ListeningSocketError) -> ListeningSocket {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else {
            throw .bind(path: path, reason: "the path is longer than \(capacity - 1) bytes; choose a shorter socket_path")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .bind(path: path, reason: "cannot create its directory \(directory): \(error.localizedDescription)")
            }
        }
        try removeStaleSocket(at: path)

        let fd = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .bind(path: path, reason: String(cString: strerror(errno))) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, chmod(path, mode) == 0, listen(fd, SOMAXCONN) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .bind(path: path, reason: reason)
        }
        return ListeningSocket(descriptor: fd, origin: .selfBound, path: path)
    }

    private static func removeStaleSocket(at path: String) throws(ListeningSocketError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw .bind(path: path, reason: "a file that is not a socket is in the way; remove it or choose another socket_path")
        }
        switch connectResult(path) {
        case 0:
            throw .bind(path: path, reason: "another mediationd is already listening there; stop it first")
        case ECONNREFUSED:
            // Nobody listens: a socket left behind by a daemon that did not stop cleanly.
            guard unlink(path) == 0 else {
                throw .bind(path: path, reason: "cannot remove the stale socket there: \(String(cString: strerror(errno)))")
            }
        case let code:
            throw .bind(path: path, reason: "a socket is there and it cannot be told whether it is in use (\(String(cString: strerror(code)))); remove it if no daemon uses it")
        }
    }

    /// 0 when something accepts connections at `path`, otherwise connect(2)'s errno.
    private static func connectResult(_ path: String) -> CInt {
        let fd = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8.prefix(raw.count - 1))
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0 ? 0 : errno
    }

    private static func boundPath(of fd: CInt) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        let path = withUnsafeBytes(of: address.sun_path) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return path.isEmpty ? nil : path
    }
}

public enum ListeningSocketError: Error, CustomStringConvertible, Sendable {
    case activation(String)
    case bind(path: String, reason: String)

    public var description: String {
        switch self {
        case .activation(let reason):
            "socket activation failed: \(reason)"
        case .bind(let path, let reason):
            "cannot listen on \(path): \(reason)"
        }
    }
}
