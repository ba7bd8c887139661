import Foundation
import Glibc
import TestSupport

private let message = #"{"method":"io.mediationd.Service.GetStatus","parameters":{}}"#

/// Times `count` round trips of `message` on `socket`, alternating with nothing else.
private func measure(_ socket: RawVarlinkSocket, count: Int) -> RoundTripSample {
    var sample = RoundTripSample()
    for _ in 0..<count {
        let start = RoundTripSample.now()
        try! socket.blockingSend(message)
        guard socket.blockingReceive(timeout: 5) != nil else { fatalError("no reply within 5 s") }
        sample.record(RoundTripSample.now() - start)
    }
    return sample
}

/// GetStatus round trip: one client, one connection, one call at a time, timed from before the
/// write to after the whole reply is read; the same harness times a bare Unix-socket echo of the
/// same bytes, so the ratio shows what the daemon adds. Returns the report's section.
func statusRoundTrip(_ options: Options) throws -> String {
    let directory = TemporaryDirectory()
    let configuration = directory.write("mediationd.toml", """
    [service]
    state_directory = "\(directory.path)"
    socket_path = "\(directory.file("io.mediationd"))"
    log_level = "warning"
    log_target = "stderr"
    """)
    let daemon = try ChildProcess(options.daemon, ["--config", configuration], directory: directory, name: "daemon")
    var daemonSocket: RawVarlinkSocket?
    for _ in 0..<500 where daemonSocket == nil {
        daemonSocket = try? RawVarlinkSocket(path: directory.file("io.mediationd"))
        if daemonSocket == nil { usleep(10_000) }
    }
    guard let daemonSocket else { fatalError("the daemon did not start: \(daemon.standardError)") }
    let echo = try EchoServer(path: directory.file("echo.sock"))
    let echoSocket = try RawVarlinkSocket(path: echo.path)

    _ = measure(daemonSocket, count: options.warmup)
    _ = measure(echoSocket, count: options.warmup)

    /// CPU time the daemon has used so far, in microseconds (utime + stime from /proc).
    func daemonCPUMicroseconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(daemon.pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK))) * 1_000_000
    }

    // Alternate blocks so that both see the same machine conditions; several rounds show how much
    // the tail moves from run to run on a shared machine.
    let block = 1_000
    var rounds: [(status: RoundTripSample, baseline: RoundTripSample, cpuPerCall: Double)] = []
    for _ in 0..<options.rounds {
        var status = RoundTripSample()
        var baseline = RoundTripSample()
        var cpu = 0.0
        for _ in 0..<(options.iterations / block) {
            let before = daemonCPUMicroseconds()
            for value in measure(daemonSocket, count: block).nanoseconds { status.record(value) }
            cpu += daemonCPUMicroseconds() - before
            for value in measure(echoSocket, count: block).nanoseconds { baseline.record(value) }
        }
        rounds.append((status, baseline, cpu / Double(status.count)))
    }
    daemon.signal(SIGTERM)
    _ = daemon.blockingWaitForExit(timeout: 10)

    let ratios = rounds.map { $0.status.percentile(99) / $0.baseline.percentile(99) }
    let table = rounds.enumerated().map { index, round in
        row("\(index + 1): GetStatus via mediationd", round.status) + "\n" + row("\(index + 1): bare Unix-socket echo", round.baseline)
    }.joined(separator: "\n")
    let medianRatio = ratios.sorted()[ratios.count / 2]
    return """
    ## GetStatus round trip (issue 2)

    One client on one connection sends `io.mediationd.Service.GetStatus` and waits for the whole
    reply before the next call; \(options.warmup) warm-up calls, then \(options.rounds) rounds of \(options.iterations) timed calls, in
    blocks of \(block) alternating with a bare AF_UNIX echo server (a thread doing recv/send, no framework)
    that returns the same \(message.utf8.count + 1) bytes. Times in microseconds.

    | round: round trip | calls | p50 | p90 | p99 | p99.9 | mean |
    |---|---|---|---|---|---|---|
    \(table)

    Daemon CPU time per GetStatus call (utime + stime over the timed calls): \(rounds.map { String(format: "%.0f µs", $0.cpuPerCall) }.joined(separator: ", ")).

    Target: GetStatus p99 within 3× the echo p99. Measured per round: \(ratios.map { String(format: "%.2f×", $0) }.joined(separator: ", ")); median \(String(format: "%.2f×", medianRatio)) — \(medianRatio <= 3 ? "met" : "not met").

    """

}

private func row(_ name: String, _ sample: RoundTripSample) -> String {
    String(format: "| %@ | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, sample.count, sample.percentile(50), sample.percentile(90), sample.percentile(99), sample.percentile(99.9), sample.mean)
}
