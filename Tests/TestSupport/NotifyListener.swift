import Foundation
import Glibc

/// Stands in for systemd's notification socket: a datagram socket whose path goes into
/// NOTIFY_SOCKET, collecting what the daemon reports. Like systemd it reads all the time, on a
/// thread of its own: the kernel queues only a few datagrams (net.unix.max_dgram_qlen), and a
/// listener that read only while a test waits would leave the daemon's sender blocked.
public final class NotifyListener: @unchecked Sendable {
    public let path: String
    private let fd: CInt
    private let received = NSCondition()
    private var stored: [[String: String]] = []

    public init(path: String) {
        self.path = path
        fd = socket(AF_UNIX, CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        unlink(path)
        _ = withUnixAddress(path) { bind(fd, $0, $1) }
        // Holds the listener only while it reads, so the listener goes when its test drops it.
        let thread = Thread { [weak self] in
            while let listener = self { listener.receiveOne() }
        }
        thread.name = "notify-listener"
        thread.start()
    }

    deinit {
        Glibc.close(fd)
        unlink(path)
    }

    /// Every datagram received so far, each as its assignments.
    public var messages: [[String: String]] {
        received.lock()
        defer { received.unlock() }
        return stored
    }

    /// Waits for a datagram that contains `key=value` (any value when nil) and returns it.
    @discardableResult
    public func wait(for key: String, value: String? = nil, timeout: Double = 20) async -> [String: String]? {
        await offThread { self.blockingWait(for: key, matching: { value == nil || $0 == value }, timeout: timeout) }
    }

    /// Waits for a datagram whose `key` contains `fragment` (a STATUS= line, say).
    @discardableResult
    public func wait(for key: String, containing fragment: String, timeout: Double = 20) async -> [String: String]? {
        await offThread { self.blockingWait(for: key, matching: { $0.contains(fragment) }, timeout: timeout) }
    }

    /// The blocking form, for benchmarks that time the wait on their own thread.
    public func blockingWait(for key: String, value: String?, timeout: Double) -> [String: String]? {
        blockingWait(for: key, matching: { value == nil || $0 == value }, timeout: timeout)
    }

    /// Looks at the datagrams that arrive from the call on (and those the last wait has not
    /// looked at yet, as before): a wait never returns one that came before an earlier wait.
    private var seen = 0

    private func blockingWait(for key: String, matching accepts: (String) -> Bool, timeout: Double) -> [String: String]? {
        let deadline = Date().addingTimeInterval(timeout)
        received.lock()
        defer { received.unlock() }
        while true {
            while seen < stored.count {
                let message = stored[seen]
                seen += 1
                if let found = message[key], accepts(found) { return message }
            }
            guard received.wait(until: deadline) || seen < stored.count else { return nil }
        }
    }

    /// Waits a little for one datagram and stores it.
    private func receiveOne() {
        guard waitReadable(fd, timeout: 0.2) else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return }
        let message = Self.parse(String(decoding: buffer[..<count], as: UTF8.self))
        received.lock()
        stored.append(message)
        received.broadcast()
        received.unlock()
    }

    static func parse(_ datagram: String) -> [String: String] {
        var assignments: [String: String] = [:]
        for line in datagram.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            assignments[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return assignments
    }
}
