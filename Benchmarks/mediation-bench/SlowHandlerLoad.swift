import Foundation
import Glibc
import Synchronization
import TestSupport

/// GetStatus beside a slow handler: one client exports the anonymised publication of a case
/// whose conclusion is 1 MiB (the anonymiser's expressions over the whole text), call after
/// call, while another client times GetStatus. Blocks with the exporter running alternate with
/// blocks with it paused, on the same daemon and connections, so the paused blocks are the
/// reference. Returns the report's section.
struct SlowHandlerLoad {
    let options: Options

    private static let reference = "SLOW-1"

    func run() throws -> String {
        let bench = BenchDaemon(executable: options.daemon)
        let (daemon, _) = try bench.start()
        try prepare(bench)

        let exporter = Exporter()
        let thread = Thread { [socketPath = bench.socketPath] in
            let socket = try! RawVarlinkSocket(path: socketPath)
            let call = #"{"method":"io.mediationd.Cases.ExportAnonymised","parameters":{"reference":"\#(Self.reference)"}}"#
            while !exporter.state.withLock({ $0.stopped }) {
                guard exporter.state.withLock({ $0.running }) else { usleep(1_000); continue }
                let began = RoundTripSample.now()
                exporter.state.withLock { $0.inFlight = true }
                try! socket.blockingSend(call)
                guard let reply = socket.blockingReceive(timeout: 300), !reply.contains(#""error""#) else { fatalError("the export failed") }
                exporter.state.withLock {
                    $0.inFlight = false
                    $0.exports += 1
                    $0.seconds += Double(RoundTripSample.now() - began) / 1e9
                }
            }
            exporter.state.withLock { $0.finished = true }
        }
        thread.start()

        let socket = try RawVarlinkSocket(path: bench.socketPath)
        var discarded = RoundTripSample()
        measure(socket, count: options.warmup, into: &discarded, timeout: 30)
        var beside = RoundTripSample()
        var alone = RoundTripSample()
        // A block is timed only while an export is in flight, and its reference only once none
        // is: an export takes far longer than a block of calls.
        let block = 500
        for _ in 0..<options.slowRounds {
            exporter.state.withLock { $0.running = true }
            while !exporter.state.withLock({ $0.inFlight }) { usleep(1_000) }
            usleep(20_000)
            measure(socket, count: block, into: &beside, timeout: 30)
            exporter.state.withLock { $0.running = false }
            while exporter.state.withLock({ $0.inFlight }) { usleep(1_000) }
            measure(socket, count: block, into: &alone, timeout: 30)
        }
        exporter.state.withLock { $0.stopped = true }
        while !exporter.state.withLock({ $0.finished }) { usleep(10_000) }
        bench.stop(daemon)

        let p99 = beside.percentile(99) / 1_000
        return """
        ## GetStatus beside a slow handler (issue 13)

        One client exports the anonymised publication of case \(Self.reference), whose conclusion holds
        1 MiB of text (written into the database directly: a client may send at most 64 KiB), call
        after call on its own connection; \(exporter.state.withLock { $0.exports }) exports ran, \(String(format: "%.1f", exporter.state.withLock { $0.seconds / Double(max($0.exports, 1)) })) s each on average. Another client times `GetStatus`, one
        call at a time, in \(options.slowRounds) blocks of \(block) timed while an export is in flight, each followed by
        one timed once the exporter has paused and its export ended: the same daemon and connections,
        so the paused blocks are the reference. \(options.warmup) warm-up calls.
        Times in microseconds.

        | GetStatus | calls | p50 | p90 | p99 | p99.9 | mean |
        |---|---|---|---|---|---|---|
        \(row("beside the exports", beside))
        \(row("exporter paused (reference)", alone))

        Target: GetStatus p99 at most 5 ms beside the slow handler. Measured: \(String(format: "%.2f ms", p99)) — \(p99 <= 5 ? "met" : "not met").
        The anonymiser, document writes with fsync, NSS look-ups of the caller's login and a purge's
        folder removal run on NIO's thread pool, not on the event loop that serves the connection.

        """
    }

    /// A case on the investigation track, concluded, with its conclusion made 1 MiB long.
    private func prepare(_ bench: BenchDaemon) throws {
        let socket = try RawVarlinkSocket(path: bench.socketPath)
        for call in [
            #"{"method":"io.mediationd.Cases.Register","parameters":{"reference":"\#(Self.reference)","agency":"Gemeente Utrecht","subject":"Bezwaar niet behandeld","complainant":{"name":"Marieke de Vries","contact":"marieke@example.nl"}}}"#,
            #"{"method":"io.mediationd.Cases.Decide","parameters":{"reference":"\#(Self.reference)","track":"investigation","reason":"hoor en wederhoor"}}"#,
            #"{"method":"io.mediationd.Investigation.Conclude","parameters":{"reference":"\#(Self.reference)","form":"report","judgement":"improper","text":"kort"}}"#,
        ] {
            try socket.blockingSend(call)
            guard let reply = socket.blockingReceive(timeout: 60), !reply.contains(#""error""#) else { fatalError("preparing failed: \(call)") }
        }
        let paragraph = "De gemeente heeft de klacht van de verzoeker niet binnen de termijn behandeld en daarover niet bericht. "
        let text = String(repeating: paragraph, count: (1 << 20) / paragraph.utf8.count + 1)
        let sql = bench.directory.file("conclusion.sql")
        try "UPDATE investigation_conclusion SET text = '\(text)' WHERE case_reference = '\(Self.reference)';".write(toFile: sql, atomically: true, encoding: .utf8)
        let status = shell("/usr/bin/sqlite3 -cmd '.timeout 10000' '\(bench.database)' < '\(sql)' && echo ok")
        guard status == "ok" else { fatalError("could not write the long conclusion: \(status)") }
    }

}

/// The exporting client's switches, set by the timing thread.
private final class Exporter: Sendable {
    let state = Mutex((running: false, inFlight: false, stopped: false, finished: false, exports: 0, seconds: 0.0))
}
