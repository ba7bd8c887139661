import Foundation
import Glibc
import TestSupport

/// A release mediationd in a directory of its own, started the way systemd would (READY=1 on a
/// notification socket) and stopped with SIGTERM, for the benchmarks that need one.
struct BenchDaemon {
    let executable: String
    let directory = TemporaryDirectory()
    let notify: NotifyListener
    let configuration: String

    /// - Parameter extra: further sections of the configuration, such as [access].
    init(executable: String, extra: String = "") {
        self.executable = executable
        notify = NotifyListener(path: directory.file("notify"))
        configuration = directory.write("mediationd.toml", """
        [service]
        state_directory = "\(directory.path)"
        socket_path = "\(directory.file("io.mediationd"))"
        log_level = "warning"
        log_target = "stderr"

        \(extra)
        """)
    }

    var database: String { directory.file("mediationd.sqlite") }
    var socketPath: String { directory.file("io.mediationd") }

    /// Starts it and returns once it said READY=1, with the seconds that took.
    func start(environment: [String: String] = [:]) throws -> (ChildProcess, seconds: Double) {
        let began = RoundTripSample.now()
        let daemon = try ChildProcess(executable, ["--config", configuration], environment: environment.merging(["NOTIFY_SOCKET": notify.path]) { $1 },
                                      directory: directory, name: "daemon")
        guard notify.blockingWait(for: "READY", value: "1", timeout: 60) != nil else { fatalError("no READY=1: \(daemon.standardError)") }
        return (daemon, Double(RoundTripSample.now() - began) / 1e9)
    }

    /// Returns once the status carries case counts, which the daemon takes after its first
    /// reminder pass. That may end before READY=1 or after it, so the status is asked for rather
    /// than the STATUS= notifications watched.
    func waitForFirstPass() throws {
        let socket = try RawVarlinkSocket(path: socketPath)
        for _ in 0..<1200 {
            try socket.blockingSend(#"{"method":"io.mediationd.Service.GetStatus","parameters":{}}"#)
            guard let reply = socket.blockingReceive(timeout: 60) else { fatalError("no reply to GetStatus") }
            if reply.contains(#""cases":"#) { return }
            usleep(100_000)
        }
        fatalError("no case counts in the status after two minutes")
    }

    /// Returns once `count` mediators' calendar files are written. At start the daemon rewrites
    /// every mediator's file, a few seconds after READY=1 and for a second or two of CPU with a
    /// year of sessions; a section that times calls waits that out, so that it measures the
    /// daemon at work rather than the daemon starting.
    func waitForCalendars(_ count: Int) {
        let calendars = directory.file("calendars")
        for _ in 0..<1200 {
            let written = (try? FileManager.default.contentsOfDirectory(atPath: calendars))?.filter { $0.hasSuffix(".ics") }.count ?? 0
            if written >= count { return }
            usleep(100_000)
        }
        fatalError("fewer than \(count) calendar files in \(calendars) after two minutes")
    }

    func stop(_ daemon: ChildProcess) {
        daemon.signal(SIGTERM)
        let status = daemon.blockingWaitForExit(timeout: 60)
        guard status == 0 else { fatalError("the daemon did not stop cleanly (status \(status.map(String.init) ?? "none, still running")): \(daemon.standardError)") }
    }
}
