import Foundation
import Glibc

/// A deliberately plain client socket: blocking POSIX calls with timeouts, independent of the
/// code under test, so tests can send exactly the bytes they mean (broken ones included) and
/// benchmarks can measure without a framework in the way.
public final class RawVarlinkSocket: @unchecked Sendable {
    /// How long a test waits for what must come: long, because waiting costs nothing when it
    /// comes. The unit tests start together, and on two cores the pure computations among them
    /// hold Swift's two pool threads for seconds, where an in-process test server's handlers wait
    /// their turn; 5 s was not always enough. A wait for what must not come names its own.
    public static let patience: Double = 30

    public let fd: CInt
    private var chunk = [UInt8](repeating: 0, count: 65_536)
    private var pending: [UInt8] = []

    public init(path: String) throws {
        fd = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        let result = withUnixAddress(path) { connect(fd, $0, $1) }
        if result != 0 {
            let code = errno
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    deinit { close(fd) }

    public func blockingSend(_ text: String, terminated: Bool = true) throws {
        var bytes = Array(text.utf8)
        if terminated { bytes.append(0) }
        try blockingSend(bytes: bytes)
    }

    public func blockingSend(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
    }

    /// The next NUL-terminated message, or nil when the peer closed the connection or nothing
    /// arrived within `timeout` seconds (`closed` tells which).
    public func blockingReceive(timeout: Double = patience) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return message
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, waitReadable(fd, timeout: remaining) else { return nil }
            // One buffer for the socket's life: benchmarks receive thousands of replies.
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 {
                closed = true
                return nil
            }
            pending += chunk[..<count]
        }
    }

    /// The next message parsed as a JSON object.
    public func receiveJSON(timeout: Double = patience) async -> JSONObject? {
        guard let text = await receive(timeout: timeout) else { return nil }
        return JSONObject(text)
    }

    /// Whether the peer has closed the connection (seen by a receive).
    public private(set) var closed = false

    /// Waits up to `timeout` for the peer to close; true if it did.
    public func waitForClose(timeout: Double = patience) async -> Bool {
        await offThread {
            let deadline = Date().addingTimeInterval(timeout)
            while !self.closed, deadline.timeIntervalSinceNow > 0 {
                _ = self.blockingReceive(timeout: deadline.timeIntervalSinceNow)
            }
            return self.closed
        }
    }

    /// Waits up to `timeout` for the peer to close, without reading anything: for a client that
    /// must be seen not to read. AF_UNIX reports the peer's close as POLLHUP, unread data or not.
    public func waitForHangUpWithoutReading(timeout: Double = patience) async -> Bool {
        await offThread {
            var poller = pollfd(fd: self.fd, events: 0, revents: 0)
            let deadline = Date().addingTimeInterval(timeout)
            while deadline.timeIntervalSinceNow > 0 {
                if poll(&poller, 1, Int32(min(500, deadline.timeIntervalSinceNow * 1000) + 1)) > 0, poller.revents & Int16(POLLHUP) != 0 { return true }
            }
            return false
        }
    }

    public func send(_ text: String, terminated: Bool = true) async throws {
        try await offThread { try self.blockingSend(text, terminated: terminated) }
    }

    public func send(bytes: [UInt8]) async throws {
        try await offThread { try self.blockingSend(bytes: bytes) }
    }

    public func receive(timeout: Double = patience) async -> String? {
        await offThread { self.blockingReceive(timeout: timeout) }
    }
}
