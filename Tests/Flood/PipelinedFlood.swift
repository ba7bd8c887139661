import Foundation
import Glibc
import TestSupport

/// Opens connections one after the other and, on all of them at once (one thread, poll(2)),
/// sends the same call over and over for as long as the daemon takes it, never reading; then
/// watches for the daemon to close them. Only after a close does it read, to learn whether the
/// connection had been refused (its first message the refusal error) or admitted.
struct PipelinedFlood {
    let socketPath: String
    let connections: Int
    let call: String
    let refusalError: String
    let watch: Double

    private final class Connection {
        let fd: CInt
        var lastProgress = Date()
        var closedAt: Date?
        var firstMessage: [UInt8] = []
        init(fd: CInt) { self.fd = fd }
    }

    func run() -> StuckFlood.Report {
        // Many calls to a write: the flooder fills the daemon's buffers quickly.
        let frame = Array(call.utf8) + [0]
        let batch = Array([[UInt8]](repeating: frame, count: max(1, 16_384 / frame.count)).joined())
        var open: [Connection] = []
        var connectFailures = 0
        var callsSent = 0
        let started = Date()

        func pump(_ connection: Connection) {
            while connection.closedAt == nil {
                let sent = batch.withUnsafeBytes { Glibc.send(connection.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
                if sent > 0 {
                    callsSent += sent / frame.count
                    connection.lastProgress = Date()
                    continue
                }
                if sent < 0, errno == EAGAIN || errno == EINTR { return }
                // EPIPE or ECONNRESET: the daemon closed it.
                hungUp(connection)
            }
        }
        func hungUp(_ connection: Connection) {
            connection.closedAt = Date()
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while connection.firstMessage.firstIndex(of: 0) == nil {
                let count = chunk.withUnsafeMutableBytes { recv(connection.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                guard count > 0 else { break }
                connection.firstMessage += chunk[..<count]
            }
        }

        for _ in 0..<connections {
            let fd = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0, withUnixAddress(socketPath, { connect(fd, $0, $1) }) == 0 else {
                if fd >= 0 { close(fd) }
                connectFailures += 1
                continue
            }
            let connection = Connection(fd: fd)
            open.append(connection)
            pump(connection)
        }

        let deadline = started.addingTimeInterval(watch)
        while deadline.timeIntervalSinceNow > 0 {
            let watched = open.filter { $0.closedAt == nil }
            if watched.isEmpty { break }
            var polls = watched.map { pollfd(fd: $0.fd, events: Int16(POLLOUT), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), 100) > 0 else { continue }
            for (index, connection) in watched.enumerated() where polls[index].revents != 0 {
                if polls[index].revents & Int16(POLLHUP | POLLERR) != 0 {
                    hungUp(connection)
                } else {
                    pump(connection)
                }
            }
        }

        var refusals: [String: Int] = [:]
        var refused = 0, admittedClosed = 0, stillOpen = 0
        var stuckSeconds: [Double] = []
        for connection in open {
            defer { close(connection.fd) }
            guard let closedAt = connection.closedAt else {
                stillOpen += 1
                continue
            }
            let first = connection.firstMessage.firstIndex(of: 0).map { JSONObject(String(decoding: connection.firstMessage[..<$0], as: UTF8.self)) } ?? nil
            if first?.string("error") == refusalError {
                refused += 1
                refusals[first?.object("parameters")?.string("limit") ?? "?", default: 0] += 1
            } else {
                admittedClosed += 1
                stuckSeconds.append(closedAt.timeIntervalSince(connection.lastProgress))
            }
        }
        return StuckFlood.Report(
            connections: open.count, connectFailures: connectFailures, refused: refused, refusals: refusals, admitted: open.count - refused,
            admittedClosed: admittedClosed, stillOpen: stillOpen, stuckSeconds: stuckSeconds, callsSent: callsSent)
    }
}
