import Foundation
import Glibc

/// What the kernel says about a running process: its memory and its open descriptors, read from
/// /proc, so a test can show that abuse costs the daemon neither unbounded memory nor leaked fds.
public struct ProcessGauge: Sendable {
    public let pid: pid_t

    public init(pid: pid_t) {
        self.pid = pid
    }

    /// A `Vm…` line of /proc/PID/status, in KiB.
    public func statusKiB(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// The resident set now, in KiB.
    public var residentKiB: Int? { statusKiB("VmRSS") }
    /// The highest resident set since the process started or since `resetPeak()`, in KiB.
    public var peakKiB: Int? { statusKiB("VmHWM") }

    /// Starts VmHWM over from the current resident set (`echo 5 > /proc/PID/clear_refs`, root
    /// only), so the peak a test reports is the peak of what the test did, not of start-up.
    @discardableResult
    public func resetPeak() -> Bool {
        let fd = open("/proc/\(pid)/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    /// The descriptors the process has open.
    public var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    public var isAlive: Bool { kill(pid, 0) == 0 }

    /// The CPU time the process has used so far, user and system, in seconds (from
    /// /proc/PID/stat, in clock ticks).
    public var cpuSeconds: Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = text.lastIndex(of: ")") else { return nil }
        // The fields after the command name, which may hold spaces: state is the 3rd field of
        // the line, utime and stime the 14th and 15th.
        let fields = text[text.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Raises this process's soft RLIMIT_NOFILE to at least `count` (up to the hard limit), for tests
/// that open a thousand sockets; children started afterwards inherit it.
@discardableResult
public func raiseDescriptorLimit(to count: Int) -> Int {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < rlim_t(count) {
        limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
    return Int(limit.rlim_cur)
}

/// A well-behaved client that keeps making one call on its own connection, one call at a time,
/// and records every answer that was wrong, missing or later than `limit` seconds: the bystander
/// that abuse tests watch to prove the daemon kept serving everyone else.
public final class SteadyClient: @unchecked Sendable {
    public struct Report: Sendable, CustomStringConvertible {
        public let calls: Int
        public let failures: [String]
        public let slowest: Double

        public var description: String {
            "\(calls) calls, slowest \(String(format: "%.3f", slowest)) s, \(failures.count) failures\(failures.isEmpty ? "" : ": " + failures.prefix(5).joined(separator: "; "))"
        }
    }

    private let socket: RawVarlinkSocket
    private let call: String
    private let limit: Double
    private let pause: Double
    private let isCorrect: @Sendable (JSONObject) -> Bool
    private let lock = NSLock()
    private var stopping = false
    private var calls = 0
    private var failures: [String] = []
    private var slowest = 0.0
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - call: the whole call, without the terminating NUL.
    ///   - limit: how long one answer may take before it counts as a failure.
    ///   - pause: the time between one answer and the next call.
    ///   - isCorrect: whether a reply is the right answer.
    public init(path: String, call: String, limit: Double = 2, pause: Double = 0.05, isCorrect: @escaping @Sendable (JSONObject) -> Bool) throws {
        socket = try RawVarlinkSocket(path: path)
        self.call = call
        self.limit = limit
        self.pause = pause
        self.isCorrect = isCorrect
    }

    /// Makes one call and waits for its answer, before the client runs in the background: a
    /// client that has been answered once is surely admitted (under a connection limit).
    public func start() throws {
        try socket.blockingSend(call)
        guard let first = socket.blockingReceive(timeout: 10), let reply = JSONObject(first), isCorrect(reply) else {
            throw TestSetupError("the steady client's first call was not answered correctly")
        }
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.start()
    }

    private func run() {
        while !lock.withLock({ stopping }) {
            let started = Date()
            do {
                try socket.blockingSend(call)
            } catch {
                record(failure: "send failed: \(error)", after: 0)
                return
            }
            var reply = socket.blockingReceive(timeout: limit)
            let elapsed = Date().timeIntervalSince(started)
            if reply == nil, !socket.closed {
                record(failure: "no answer within \(limit) s", after: elapsed)
                // Wait for the late answer, so the next call's answer is not taken for this one's.
                reply = socket.blockingReceive(timeout: 30)
                if reply == nil { return }
                continue
            }
            guard let text = reply else {
                record(failure: "the daemon closed the steady client's connection", after: elapsed)
                return
            }
            guard let object = JSONObject(text), isCorrect(object) else {
                record(failure: "wrong answer: \(text.prefix(300))", after: elapsed)
                continue
            }
            record(failure: nil, after: elapsed)
            if pause > 0 { usleep(UInt32(pause * 1_000_000)) }
        }
    }

    private func record(failure: String?, after elapsed: Double) {
        lock.withLock {
            calls += 1
            slowest = max(slowest, elapsed)
            if let failure { failures.append(failure) }
        }
    }

    public var callsSoFar: Int { lock.withLock { calls } }

    /// Waits until at least `count` more calls have been answered (or `timeout` passes).
    public func waitForCalls(_ count: Int, timeout: Double = 30) async {
        let target = callsSoFar + count
        let deadline = Date().addingTimeInterval(timeout)
        while callsSoFar < target, deadline.timeIntervalSinceNow > 0 {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops after the call in progress and reports.
    public func stop() async -> Report {
        lock.withLock { stopping = true }
        let finished = self.finished
        _ = await offThread { finished.wait(timeout: .now() + 60) }
        return lock.withLock { Report(calls: calls, failures: failures, slowest: slowest) }
    }
}

/// Many connections at once, driven by one thread with poll(2): each sends a message and then
/// collects what comes back, so a test can open a thousand clients without a thousand threads.
public final class ConnectionFlood: @unchecked Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The peer closed the connection before answering.
        case closed
        /// One message came back (without its NUL); the connection may have closed after it.
        case answered(String)
        /// Neither an answer nor a close within the time allowed.
        case silent
        /// The connection could not be made at all.
        case connectFailed(Int32)
    }

    public private(set) var descriptors: [CInt] = []
    /// Whether the peer has closed each connection, as far as this side has seen.
    public private(set) var peerClosed: [Bool] = []

    public init() {}

    deinit { closeAll() }

    /// Opens `count` connections to `path`, sending `message` (NUL appended) on each as soon as it
    /// is connected; returns each connection's outcome, waiting up to `timeout` seconds in all.
    public func run(path: String, count: Int, message: String, timeout: Double) -> [Outcome] {
        var outcomes = [Outcome](repeating: .silent, count: count)
        var buffers = [[UInt8]](repeating: [], count: count)
        let bytes = Array(message.utf8) + [0]
        descriptors = []
        peerClosed = []
        for index in 0..<count {
            let fd = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                outcomes[index] = .connectFailed(errno)
                descriptors.append(-1)
                peerClosed.append(true)
                continue
            }
            if withUnixAddress(path, { connect(fd, $0, $1) }) != 0 {
                outcomes[index] = .connectFailed(errno)
                close(fd)
                descriptors.append(-1)
                peerClosed.append(true)
                continue
            }
            descriptors.append(fd)
            peerClosed.append(false)
            // A small message fits the socket buffer: send() does not block. A connection the
            // daemon has already closed makes it fail; its outcome is then read below.
            _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while deadline.timeIntervalSinceNow > 0 {
            let waiting = (0..<count).filter { descriptors[$0] >= 0 && outcomes[$0] == .silent }
            if waiting.isEmpty { break }
            var polls = waiting.map { pollfd(fd: descriptors[$0], events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polls, nfds_t(polls.count), Int32(min(500, max(1, deadline.timeIntervalSinceNow * 1000))))
            guard ready > 0 else { continue }
            for (position, index) in waiting.enumerated() where polls[position].revents != 0 {
                let received = chunk.withUnsafeMutableBytes { recv(descriptors[index], $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if received <= 0 {
                    if received < 0, errno == EAGAIN { continue }
                    peerClosed[index] = true
                    outcomes[index] = .closed
                    continue
                }
                buffers[index] += chunk[..<received]
                if let end = buffers[index].firstIndex(of: 0) {
                    outcomes[index] = .answered(String(decoding: buffers[index][..<end], as: UTF8.self))
                }
            }
        }
        return outcomes
    }

    /// Waits up to `timeout` seconds for the peer to close those of the connections it is going
    /// to close, and returns how many are still open: a connection counts as closed once a read
    /// sees its end (data after an answer is drained and ignored).
    public func settle(timeout: Double, quiet: Double = 1.5) -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        var lastChange = Date()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while deadline.timeIntervalSinceNow > 0, Date().timeIntervalSince(lastChange) < quiet {
            let open = descriptors.indices.filter { descriptors[$0] >= 0 && !peerClosed[$0] }
            if open.isEmpty { break }
            var polls = open.map { pollfd(fd: descriptors[$0], events: Int16(POLLIN), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), 100) > 0 else { continue }
            for (position, index) in open.enumerated() where polls[position].revents != 0 {
                let received = chunk.withUnsafeMutableBytes { recv(descriptors[index], $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if received == 0 || (received < 0 && errno != EAGAIN) {
                    peerClosed[index] = true
                    lastChange = Date()
                }
            }
        }
        return descriptors.indices.filter { descriptors[$0] >= 0 && !peerClosed[$0] }.count
    }

    public func closeAll() {
        for fd in descriptors where fd >= 0 { close(fd) }
        descriptors = descriptors.map { _ in -1 }
    }
}
