import Foundation
import TestSupport

/// `mediationctl status` as an operator runs it, timed by hyperfine from process start to exit,
/// against a running daemon whose database holds `controlCases` open cases (counted, so the
/// reply carries the counts). The references, timed in the same hyperfine run: `/bin/true`, what
/// starting any process costs, and `mediationctl --version`, the same binary started and its
/// command line parsed, without a connection.
struct ControlWallTime {
    let options: Options
    let daemon: BenchDaemon

    init(options: Options) {
        self.options = options
        daemon = BenchDaemon(executable: options.daemon)
    }

    func run() throws -> String {
        // The first start creates and migrates the database the seeder fills.
        daemon.stop(try daemon.start().0)
        try CaseSeeder(database: daemon.database).seed(prefix: "CTL", count: options.controlCases, reminderAt: "9000000000000 + i", stage: "upcoming-5", reminderDate: "2099-12-24", due: "2099-12-31")
        let (process, _) = try daemon.start()
        try daemon.waitForFirstPass()

        let control = options.control
        let commands = [
            (name: "`/bin/true`", line: "/bin/true"),
            (name: "`mediationctl --version`", line: "\(control) --version"),
            (name: "`mediationctl status`", line: "\(control) status --socket \(daemon.socketPath)"),
        ]
        let timings = try Hyperfine(runs: options.controlRuns).measure(commands.map(\.line), exportingTo: daemon.directory.file("hyperfine.json"))
        daemon.stop(process)

        let rows = zip(commands, timings).map { command, timing in
            let wall = timing.wall
            return "| \(command.name) | \(wall.count) | " + [wall.percentile(0), wall.percentile(50), wall.percentile(90), wall.percentile(100), wall.mean, timing.cpuMilliseconds * 1000]
                .map { String(format: "%.2f", $0 / 1000) }.joined(separator: " | ") + " |"
        }.joined(separator: "\n")
        let medians = timings.map { $0.wall.percentile(50) / 1000 }
        let (bare, version, status) = (medians[0], medians[1], medians[2])
        return """
        ## `mediationctl status`, start to exit (issue 7)

        `\(control) status --socket SOCKET` (`make bench` times the build `make release` makes and the
        package installs, with the Swift runtime linked in statically) against a running daemon whose
        database holds \(options.controlCases) open cases, counted before the first run, so that the reply carries
        the counts as it does for an operator. Timed by hyperfine \(shell("/usr/bin/hyperfine --version | cut -d' ' -f2")) from process start to exit, no shell
        (`--shell=none`), \(options.controlRuns) runs after 20 warm-up runs, output discarded. The references in the same
        hyperfine run: `/bin/true`, what starting any process costs, and `mediationctl --version`, the
        same binary started with its command line parsed and no connection made. Times in milliseconds.

        | command | runs | min | p50 | p90 | max | mean | CPU per run (user + system, mean) |
        |---|---|---|---|---|---|---|---|
        \(rows)

        Of the status median, \(String(format: "%.2f", version)) ms go to starting the binary and parsing its command line
        (`--version`; a bare process takes \(String(format: "%.2f", bare)) ms), and \(String(format: "%.2f", status - version)) ms to connecting, the call and
        printing the reply.

        Target: `mediationctl status` median under 20 ms: \(String(format: "%.2f", status)) ms — \(status < 20 ? "met" : "not met").

        """
    }
}
