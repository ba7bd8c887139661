import Foundation
import Glibc
import TestSupport

/// `make bench`: measures the targets the issues set, against the release build of the daemon,
/// and writes the numbers with the machine and the command to BENCHMARKS.md.
///
/// GetStatus round trip: one client, one connection, one call at a time, timed from before the
/// write to after the whole reply is read; the same harness times a bare Unix-socket echo of the
/// same bytes, so the ratio shows what the daemon adds.

struct Options {
    var daemon = ".build/release/mediationd"
    var output = "BENCHMARKS.md"
    var iterations = 20_000
    var warmup = 2_000

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            switch flag {
            case "--daemon": daemon = rest.popFirst() ?? daemon
            case "--output": output = rest.popFirst() ?? output
            case "--iterations": iterations = rest.popFirst().flatMap(Int.init) ?? iterations
            case "--warmup": warmup = rest.popFirst().flatMap(Int.init) ?? warmup
            default:
                FileHandle.standardError.write(Data("usage: mediation-bench [--daemon PATH] [--output FILE] [--iterations N] [--warmup N]\n".utf8))
                exit(64)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let message = #"{"method":"io.mediationd.Service.GetStatus","parameters":{}}"#

/// Times `count` round trips of `message` on `socket`, alternating with nothing else.
func measure(_ socket: RawVarlinkSocket, count: Int) -> RoundTripSample {
    var sample = RoundTripSample()
    for _ in 0..<count {
        let start = RoundTripSample.now()
        try! socket.blockingSend(message)
        guard socket.blockingReceive(timeout: 5) != nil else { fatalError("no reply within 5 s") }
        sample.record(RoundTripSample.now() - start)
    }
    return sample
}

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
// Alternate blocks so that both see the same machine conditions.
var status = RoundTripSample()
var baseline = RoundTripSample()
let block = 1_000
for _ in 0..<(options.iterations / block) {
    for value in measure(daemonSocket, count: block).nanoseconds { status.record(value) }
    for value in measure(echoSocket, count: block).nanoseconds { baseline.record(value) }
}
daemon.signal(SIGTERM)
_ = daemon.blockingWaitForExit(timeout: 10)

func shell(_ command: String) -> String {
    (try? blockingRunCommand("/bin/sh", ["-c", command]).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
}

let ratio = status.percentile(99) / baseline.percentile(99)
func row(_ name: String, _ sample: RoundTripSample) -> String {
    String(format: "| %@ | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, sample.count, sample.percentile(50), sample.percentile(90), sample.percentile(99), sample.percentile(99.9), sample.mean)
}
let report = """
# Benchmarks

Measured by `make bench` (`.build/release/mediation-bench --daemon .build/release/mediationd --output BENCHMARKS.md`),
release builds, on \(shell("date -u +%Y-%m-%d")).

Machine: \(shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")), \(shell("nproc")) cores, \(shell("free -g | awk '/Mem:/ {print $2}'")) GiB,
\(shell("uname -srm")), \(shell("swift --version 2>/dev/null | head -1")).

## GetStatus round trip (issue 2)

One client on one connection sends `io.mediationd.Service.GetStatus` and waits for the whole
reply before the next call; \(options.warmup) warm-up calls, then \(options.iterations) timed, in blocks of
\(block) alternating with a bare AF_UNIX echo server (a thread doing recv/send, no framework) that
returns the same \(message.utf8.count + 1) bytes. Times in microseconds.

| round trip | calls | p50 | p90 | p99 | p99.9 | mean |
|---|---|---|---|---|---|---|
\(row("GetStatus via mediationd", status))
\(row("bare Unix-socket echo", baseline))

Target: GetStatus p99 within 3× the echo p99. Measured: \(String(format: "%.2f", ratio))× — \(ratio <= 3 ? "met" : "not met").

"""
try report.write(toFile: options.output, atomically: true, encoding: .utf8)
print(report)
