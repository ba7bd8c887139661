import Foundation
import Glibc
import TestSupport

/// Issue 13: one user floods the daemon with connections that pipeline calls and never read,
/// while another user calls GetStatus. The flooder (`mediation-flood`, run as uid 65534 with no
/// role) opens `floodConnections` connections and sends GetInterfaceDescription on each for as
/// long as the daemon takes it; the daemon admits max_connections_per_user of them, refuses the
/// rest, and closes those it admitted once a reply has waited send_timeout. Meanwhile this
/// process (root, another uid) calls GetStatus one call at a time, in blocks that alternate
/// between one connection kept open and a new connection for every call (the newcomers the
/// issue saw turned away). The reference is the same calls on the same daemon before the flood.
struct AbuseLoad {
    let options: Options
    let daemon: BenchDaemon
    static let floodingUID: uid_t = 65534
    static let status = #"{"method":"io.mediationd.Service.GetStatus","parameters":{}}"#
    static let floodCall = #"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"io.mediationd.Cases"}}"#
    static let block = 50

    init(options: Options) {
        self.options = options
        daemon = BenchDaemon(executable: options.daemon)
    }

    struct Samples {
        var kept = RoundTripSample()
        var newcomers = RoundTripSample()
        var failures = 0
    }

    /// One GetStatus on `socket`, timed from before the write to after the whole reply.
    private func call(_ socket: RawVarlinkSocket, into sample: inout RoundTripSample, failures: inout Int) {
        let start = RoundTripSample.now()
        guard (try? socket.blockingSend(Self.status)) != nil, let reply = socket.blockingReceive(timeout: 10), reply.contains(#""version""#) else {
            failures += 1
            return
        }
        sample.record(RoundTripSample.now() - start)
    }

    /// Blocks of calls on `kept` and on new connections, in turn, while `going` says so.
    private func measure(_ kept: RawVarlinkSocket, while going: () -> Bool) -> Samples {
        var samples = Samples()
        while going() {
            for _ in 0..<Self.block { call(kept, into: &samples.kept, failures: &samples.failures) }
            for _ in 0..<Self.block {
                let start = RoundTripSample.now()
                guard let socket = try? RawVarlinkSocket(path: daemon.socketPath) else {
                    samples.failures += 1
                    continue
                }
                var one = RoundTripSample()
                call(socket, into: &one, failures: &samples.failures)
                if one.count == 1 { samples.newcomers.record(RoundTripSample.now() - start) }
            }
        }
        return samples
    }

    func run() throws -> String {
        guard getuid() == 0 else {
            return "## One user's flood of stuck connections (issue 13)\n\nNot measured: the flooder runs as another user, which needs root.\n"
        }
        raiseDescriptorLimit(to: options.floodConnections + 256)
        let (process, _) = try daemon.start()
        StuckFlood.openToEveryone(socket: daemon.socketPath, through: [daemon.directory.path])
        let kept = try RawVarlinkSocket(path: daemon.socketPath)
        var warmUp = Samples()
        for _ in 0..<options.warmup / 10 { call(kept, into: &warmUp.kept, failures: &warmUp.failures) }
        var calls = 0
        let quiet = measure(kept) {
            calls += 1
            return calls <= options.abuseQuietBlocks
        }

        let flood = try StuckFlood(
            socketPath: daemon.socketPath, uid: Self.floodingUID, connections: options.floodConnections, call: Self.floodCall,
            refusalError: "io.mediationd.Service.TooManyConnections", watch: 60, executable: options.flood)
        let began = RoundTripSample.now()
        let flooded = measure(kept) { flood.isRunning }
        let seconds = Double(RoundTripSample.now() - began) / 1e9
        let report = try flood.blockingReport(timeout: 10)
        daemon.stop(process)

        let p99 = max(flooded.kept.percentile(99), flooded.newcomers.percentile(99)) / 1000
        let met = p99 <= 5 && flooded.failures == 0
        return """
        ## One user's flood of stuck connections (issue 13)

        A user with no role (uid \(Self.floodingUID), `mediation-flood`) opens \(report.connections) connections to the daemon at its
        defaults, sends `GetInterfaceDescription` on each for as long as the daemon takes calls, and
        never reads. Meanwhile another user (root) calls `GetStatus`, one call at a time, in blocks of
        \(Self.block) on one connection kept open and \(Self.block) on a new connection each (connect, call, close; timed
        from the connect). The reference is the same calls on the same daemon before the flood. Times
        in microseconds.

        The flooder: \(report.refused) connections refused with `TooManyConnections` (\(report.refusals.map { "\($0.value) by the \($0.key) limit" }.sorted().joined(separator: ", "))),
        \(report.admitted) admitted, \(report.admittedClosed) of them closed by the daemon at most \(String(format: "%.1f", report.stuckSeconds.max() ?? 0)) s after their last call
        got in (send_timeout 30 s), \(report.stillOpen) still open at the end; \(report.callsSent) calls sent. The flood lasted
        \(String(format: "%.1f", seconds)) s.

        | GetStatus | calls | p50 | p90 | p99 | p99.9 | max |
        |---|---|---|---|---|---|---|
        \(row("before the flood, connection kept", quiet.kept, last: { $0.percentile(100) }))
        \(row("before the flood, new connection", quiet.newcomers, last: { $0.percentile(100) }))
        \(row("during the flood, connection kept", flooded.kept, last: { $0.percentile(100) }))
        \(row("during the flood, new connection", flooded.newcomers, last: { $0.percentile(100) }))

        Calls not answered during the flood: \(flooded.failures).

        Target: every GetStatus of the other user answered during the flood, p99 ≤ 5 ms — \(met ? "met" : "not met") (p99 \(String(format: "%.2f", p99)) ms).

        """
    }
}
