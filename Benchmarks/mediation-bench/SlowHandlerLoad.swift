import Foundation
import Glibc
import Synchronization
import TestSupport

/// GetStatus beside slow handlers: one client keeps the daemon busy with a call whose handler
/// is slow on purpose while another times GetStatus. Two kinds: exporting the anonymised
/// publication of a case whose conclusion is 1 MiB (the anonymiser's expressions over the whole
/// text), and changes by callers whose login NSS takes 200 ms to find (a shim preloaded into the
/// daemon delays getpwuid_r; each caller is a new uid, so no cached login helps). Blocks timed
/// while a slow call is in flight alternate with blocks timed once it has ended, on the same
/// daemon and connection: those are the reference. Returns the report's section.
struct SlowHandlerLoad {
    let options: Options

    private static let reference = "SLOW-1"
    private static let block = 500
    /// The group that gives the changing callers the mediator role.
    private static let mediators = "mediation-bench-mediators"

    func run() throws -> String {
        let export = try exportRun()
        let lookUp = try lookUpRun()
        let p99 = max(export.beside.percentile(99), lookUp.beside.percentile(99)) / 1_000
        return """
        ## GetStatus beside slow handlers (issue 13)

        A client keeps the daemon busy with slow calls on a connection of its own, one after the
        other, while another client times `GetStatus`, one call at a time, in \(options.slowRounds) blocks of \(Self.block) timed
        while a slow call is in flight, each followed by one timed once the slow client has paused
        and its call ended: the same daemon and connection, so the paused blocks are the reference.
        \(options.warmup) warm-up calls. Times in microseconds.

        - **Export**: `ExportAnonymised` of case \(Self.reference), whose conclusion holds 1 MiB of text (written
          into the database directly: a client may send at most 64 KiB); \(export.calls) exports, \(String(format: "%.1f", export.seconds)) s each on average.
        - **NSS look-up**: `case resume` by mediationctl run as a new uid each time (setpriv), against a
          daemon with a shim preloaded that makes every getpwuid_r take 200 ms; \(lookUp.calls) calls, \(String(format: "%.2f", lookUp.seconds)) s each on average.

        | GetStatus | calls | p50 | p90 | p99 | p99.9 | mean |
        |---|---|---|---|---|---|---|
        \(row("beside the exports", export.beside))
        \(row("exporter paused (reference)", export.alone))
        \(row("beside the slow NSS look-ups", lookUp.beside))
        \(row("look-ups paused (reference)", lookUp.alone))

        Target: GetStatus p99 at most 5 ms beside a slow handler. Measured: \(String(format: "%.2f ms", p99)) at most — \(p99 <= 5 ? "met" : "not met").
        The anonymiser, document writes with fsync, NSS look-ups of the caller's login and a purge's
        folder removal run on NIO's thread pool, not on the event loop that serves the connection.

        """
    }

    private struct Result {
        var beside = RoundTripSample()
        var alone = RoundTripSample()
        var calls = 0
        var seconds = 0.0
    }

    private func exportRun() throws -> Result {
        let bench = BenchDaemon(executable: options.daemon)
        let (daemon, _) = try bench.start()
        defer { bench.stop(daemon) }
        try call(bench, [
            #"{"method":"io.mediationd.Cases.Decide","parameters":{"reference":"\#(Self.reference)","track":"investigation","reason":"hoor en wederhoor"}}"#,
            #"{"method":"io.mediationd.Investigation.Conclude","parameters":{"reference":"\#(Self.reference)","form":"report","judgement":"improper","text":"kort"}}"#,
        ])
        let paragraph = "De gemeente heeft de klacht van de verzoeker niet binnen de termijn behandeld en daarover niet bericht. "
        let text = String(repeating: paragraph, count: (1 << 20) / paragraph.utf8.count + 1)
        let sql = bench.directory.write("conclusion.sql", "UPDATE investigation_conclusion SET text = '\(text)' WHERE case_reference = '\(Self.reference)';")
        let status = shell("/usr/bin/sqlite3 -cmd '.timeout 10000' '\(bench.database)' < '\(sql)' && echo ok")
        guard status == "ok" else { fatalError("could not write the long conclusion: \(status)") }

        let socket = try RawVarlinkSocket(path: bench.socketPath)
        let export = #"{"method":"io.mediationd.Cases.ExportAnonymised","parameters":{"reference":"\#(Self.reference)"}}"#
        return try timeBeside(bench) {
            try! socket.blockingSend(export)
            guard let reply = socket.blockingReceive(timeout: 300), !reply.contains(#""error""#) else { fatalError("the export failed") }
        }
    }

    private func lookUpRun() throws -> Result {
        guard shell("/usr/sbin/groupadd -f \(Self.mediators) && echo ok") == "ok", let gid = Int(shell("getent group \(Self.mediators) | cut -d: -f3")) else {
            fatalError("could not create the group \(Self.mediators): the benchmark runs as root")
        }
        let bench = BenchDaemon(executable: options.daemon, extra: """
            [access]
            mediator_group = "\(Self.mediators)"
            """)
        let shim = try slowLookUpShim(in: bench.directory)
        let (daemon, _) = try bench.start(environment: ["LD_PRELOAD": shim])
        defer { bench.stop(daemon) }
        try call(bench, [])
        // Other users reach the socket as the socket unit would let them.
        chmod(bench.directory.path, 0o755)
        chmod(bench.socketPath, 0o666)
        let uids = UIDCounter()
        let control = options.control
        return try timeBeside(bench) {
            let uid = uids.next()
            let result = try! blockingRunCommand("/usr/bin/setpriv", [
                "--reuid=\(uid)", "--regid=\(gid)", "--groups=\(gid)", control,
                "case", "resume", Self.reference, "--socket", bench.socketPath,
            ], environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
            guard result.error.contains("is not suspended") else { fatalError("case resume as uid \(uid): \(result.error)") }
        }
    }

    /// A library that makes getpwuid_r take 200 ms before it answers, as a slow directory would.
    private func slowLookUpShim(in directory: TemporaryDirectory) throws -> String {
        let source = directory.write("slow-nss.c", """
            #define _GNU_SOURCE
            #include <dlfcn.h>
            #include <pwd.h>
            #include <unistd.h>
            int getpwuid_r(uid_t uid, struct passwd *entry, char *buffer, size_t size, struct passwd **result) {
                static int (*real)(uid_t, struct passwd *, char *, size_t, struct passwd **);
                if (!real) real = dlsym(RTLD_NEXT, "getpwuid_r");
                usleep(200000);
                return real(uid, entry, buffer, size, result);
            }
            """)
        let library = directory.file("slow-nss.so")
        let built = try blockingRunCommand("/usr/bin/cc", ["-shared", "-fPIC", "-O2", "-o", library, source, "-ldl"])
        guard built.status == 0 else { fatalError("could not build the NSS shim: \(built.error)") }
        return library
    }

    /// Registers the case, then makes `calls` one by one, each to succeed.
    private func call(_ bench: BenchDaemon, _ calls: [String]) throws {
        let socket = try RawVarlinkSocket(path: bench.socketPath)
        let register = #"{"method":"io.mediationd.Cases.Register","parameters":{"reference":"\#(Self.reference)","agency":"Gemeente Utrecht","subject":"Bezwaar niet behandeld","complainant":{"name":"Marieke de Vries","contact":"marieke@example.nl"}}}"#
        for call in [register] + calls {
            try socket.blockingSend(call)
            guard let reply = socket.blockingReceive(timeout: 60), !reply.contains(#""error""#) else { fatalError("preparing failed: \(call)") }
        }
    }

    /// Times GetStatus in blocks while `slowCall` runs over and over on a thread of its own, and
    /// in as many blocks once it has paused.
    private func timeBeside(_ bench: BenchDaemon, _ slowCall: @escaping @Sendable () -> Void) throws -> Result {
        let slow = SlowClient()
        let thread = Thread {
            while !slow.state.withLock({ $0.stopped }) {
                guard slow.state.withLock({ $0.running }) else { usleep(1_000); continue }
                let began = RoundTripSample.now()
                slow.state.withLock { $0.inFlight = true }
                slowCall()
                slow.state.withLock {
                    $0.inFlight = false
                    $0.calls += 1
                    $0.seconds += Double(RoundTripSample.now() - began) / 1e9
                }
            }
            slow.state.withLock { $0.finished = true }
        }
        thread.start()

        let socket = try RawVarlinkSocket(path: bench.socketPath)
        var result = Result()
        var discarded = RoundTripSample()
        measure(socket, count: options.warmup, into: &discarded, timeout: 30)
        for _ in 0..<options.slowRounds {
            slow.state.withLock { $0.running = true }
            while !slow.state.withLock({ $0.inFlight }) { usleep(1_000) }
            usleep(20_000)
            measure(socket, count: Self.block, into: &result.beside, timeout: 30)
            slow.state.withLock { $0.running = false }
            while slow.state.withLock({ $0.inFlight }) { usleep(1_000) }
            measure(socket, count: Self.block, into: &result.alone, timeout: 30)
        }
        slow.state.withLock { $0.stopped = true }
        while !slow.state.withLock({ $0.finished }) { usleep(10_000) }
        slow.state.withLock {
            result.calls = $0.calls
            result.seconds = $0.seconds / Double(max($0.calls, 1))
        }
        return result
    }
}

/// The slow client's switches, set by the timing thread.
private final class SlowClient: Sendable {
    let state = Mutex((running: false, inFlight: false, stopped: false, finished: false, calls: 0, seconds: 0.0))
}

/// A new uid for every caller, so that no login the daemon has kept serves it.
private final class UIDCounter: Sendable {
    private let last = Mutex(40_000)

    func next() -> Int {
        last.withLock {
            $0 += 1
            return $0
        }
    }
}
