import Foundation
import Glibc
import TestSupport

private let message = #"{"method":"io.mediationd.Service.GetStatus","parameters":{}}"#

/// Times `count` round trips of GetStatus on `socket`, one call at a time, into `sample`.
func measure(_ socket: RawVarlinkSocket, count: Int, into sample: inout RoundTripSample, timeout: Double = 5) {
    for _ in 0..<count {
        let start = RoundTripSample.now()
        try! socket.blockingSend(message)
        guard socket.blockingReceive(timeout: timeout) != nil else { fatalError("no reply within \(timeout) s") }
        sample.record(RoundTripSample.now() - start)
    }
}

/// The CPU time a process has used, all its threads, in nanoseconds, from its CPU-time clock.
/// The kernel keeps that one exactly; the utime and stime in /proc/PID/stat are counted in
/// ticks of 10 ms, coarser than a block of calls.
private struct ProcessCPUClock {
    private let clock: clockid_t

    init(pid: pid_t) {
        var clock = clockid_t()
        guard clock_getcpuclockid(pid, &clock) == 0 else { fatalError("no CPU-time clock for pid \(pid)") }
        self.clock = clock
    }

    var nanoseconds: UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
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

    var discarded = RoundTripSample()
    measure(daemonSocket, count: options.warmup, into: &discarded)
    measure(echoSocket, count: options.warmup, into: &discarded)
    let daemonCPU = ProcessCPUClock(pid: daemon.pid)

    // Short blocks, alternating, so that what else the machine does in any stretch of more
    // than a few milliseconds falls on both sides alike; several rounds show how much the tail
    // still moves from run to run on a shared machine. Each block starts with `settle` calls
    // that are timed apart: they wake a server that slept through the other side's block.
    let block = min(options.statusBlock, options.iterations)
    let settle = options.statusSettle
    var rounds: [(status: RoundTripSample, baseline: RoundTripSample, cpuPerCall: Double)] = []
    var firstCalls = (status: RoundTripSample(), baseline: RoundTripSample())
    for _ in 0..<options.rounds {
        var status = RoundTripSample()
        var baseline = RoundTripSample()
        var cpu: UInt64 = 0
        var calls = 0
        for _ in 0..<(options.iterations / block) {
            let before = daemonCPU.nanoseconds
            measure(daemonSocket, count: settle, into: &firstCalls.status)
            measure(daemonSocket, count: block, into: &status)
            cpu += daemonCPU.nanoseconds - before
            calls += settle + block
            measure(echoSocket, count: settle, into: &firstCalls.baseline)
            measure(echoSocket, count: block, into: &baseline)
        }
        rounds.append((status, baseline, Double(cpu) / 1_000 / Double(calls)))
    }
    daemon.signal(SIGTERM)
    _ = daemon.blockingWaitForExit(timeout: 10)

    let ratios = rounds.map { $0.status.percentile(99) / $0.baseline.percentile(99) }
    let pooled = (
        status: RoundTripSample(merging: rounds.map(\.status)),
        baseline: RoundTripSample(merging: rounds.map(\.baseline))
    )
    let pooledRatio = pooled.status.percentile(99) / pooled.baseline.percentile(99)
    let table = rounds.enumerated().map { index, round in
        row("\(index + 1): GetStatus via mediationd", round.status) + "\n" + row("\(index + 1): bare Unix-socket echo", round.baseline)
    }.joined(separator: "\n") + "\n" + row("all: GetStatus via mediationd", pooled.status) + "\n" + row("all: bare Unix-socket echo", pooled.baseline)
    let medianRatio = median(ratios)
    let cpuPerCall = rounds.map(\.cpuPerCall)
    let firstCallsLine = settle == 0 ? "No calls were set apart at the start of the blocks." : """
        First \(settle) calls of each block, not in the table: GetStatus p50 \(String(format: "%.1f", firstCalls.status.percentile(50))) µs, \
        p90 \(String(format: "%.1f", firstCalls.status.percentile(90))) µs; echo p50 \(String(format: "%.1f", firstCalls.baseline.percentile(50))) µs, \
        p90 \(String(format: "%.1f", firstCalls.baseline.percentile(90))) µs.
        """
    return """
    ## GetStatus round trip (issue 2)

    One client on one connection sends `io.mediationd.Service.GetStatus` and waits for the whole
    reply before the next call; \(options.warmup) warm-up calls, then \(options.rounds) rounds of \(options.iterations) timed calls, in
    blocks of \(block) alternating with as many calls to a bare AF_UNIX echo server (a thread doing
    recv/send, no framework) that returns the same \(message.utf8.count + 1) bytes. The same client code and message
    serve both sides, each over one connection kept for the whole run. Times in microseconds.

    The blocks are short (a block of GetStatus calls lasts a few milliseconds), so that whatever
    else runs on the machine, a compiler say, falls on both sides alike. With blocks of 1000, a
    burst that fell on one side's blocks could put a round's ratio anywhere between 1.5× and 90×
    on a busy machine. Switching sides has a cost of its own: the first call of a block wakes a
    server that slept through the other side's block, and takes several times as long, as every
    call of a client that calls once in a while does. The first \(settle) calls of every block, on both
    sides, are therefore timed apart and reported below the table: with blocks of 1000 they were
    0.1% of the calls and beyond the p99 anyway; with blocks of \(block) they would be \(String(format: "%.0f", 100 * Double(settle) / Double(settle + block)))% of them, and
    the p99 would measure waking up rather than the call. A p99 is still a tail: a call that is
    preempted takes milliseconds, and a GetStatus call, being longer, is the more likely of the
    two to be hit. Hence the ratio per round, its median, and the ratio over all rounds' calls
    pooled.

    | round: round trip | calls | p50 | p90 | p99 | p99.9 | mean |
    |---|---|---|---|---|---|---|
    \(table)

    \(firstCallsLine)

    Daemon CPU time per GetStatus call (the daemon's process CPU-time clock, all threads, over each
    round's GetStatus blocks, first calls included): \(cpuPerCall.map { String(format: "%.1f µs", $0) }.joined(separator: ", ")); median \(String(format: "%.1f µs", median(cpuPerCall))).

    Target: GetStatus p99 within 3× the echo p99. Measured per round: \(ratios.map { String(format: "%.2f×", $0) }.joined(separator: ", ")); median \(String(format: "%.2f×", medianRatio)), all rounds pooled \(String(format: "%.2f×", pooledRatio)) — \(medianRatio <= 3 ? "met" : "not met").

    """
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// A table row: calls, p50, p90, p99, p99.9, and the mean, or what `last` picks instead.
func row(_ name: String, _ sample: RoundTripSample, last: (RoundTripSample) -> Double = \.mean) -> String {
    String(format: "| %@ | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, sample.count, sample.percentile(50), sample.percentile(90), sample.percentile(99), sample.percentile(99.9), last(sample))
}
