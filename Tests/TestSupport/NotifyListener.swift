import Foundation
import Glibc

/// Stands in for systemd's notification socket: a datagram socket whose path goes into
/// NOTIFY_SOCKET, collecting what the daemon reports.
public final class NotifyListener: @unchecked Sendable {
    public let path: String
    private let fd: CInt
    /// Every datagram received so far, each as its assignments.
    public private(set) var messages: [[String: String]] = []

    public init(path: String) {
        self.path = path
        fd = socket(AF_UNIX, CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        unlink(path)
        _ = withUnixAddress(path) { bind(fd, $0, $1) }
    }

    deinit {
        close(fd)
        unlink(path)
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

    private func blockingWait(for key: String, matching accepts: (String) -> Bool, timeout: Double) -> [String: String]? {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = messages.count
        while true {
            while seen < messages.count {
                let message = messages[seen]
                seen += 1
                if let found = message[key], accepts(found) { return message }
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, waitReadable(fd, timeout: remaining) else { return nil }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { continue }
            messages.append(Self.parse(String(decoding: buffer[..<count], as: UTF8.self)))
        }
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
