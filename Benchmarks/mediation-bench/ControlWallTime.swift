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
        let samples = try Hyperfine(runs: options.controlRuns).measure(commands.map(\.line), exportingTo: daemon.directory.file("hyperfine.json"))
        daemon.stop(process)

        let milliseconds = samples.map { (median: $0.percentile(50) / 1000, p90: $0.percentile(90) / 1000, min: $0.percentile(0) / 1000, max: $0.percentile(100) / 1000, mean: $0.mean / 1000) }
        let rows = zip(commands, zip(samples, milliseconds)).map { command, timing in
            let (sample, ms) = timing
            return String(format: "| %@ | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", command.name, sample.count, ms.min, ms.median, ms.p90, ms.max, ms.mean)
        }.joined(separator: "\n")
        let status = milliseconds[2].median
        let version = milliseconds[1].median
        let process0 = milliseconds[0].median
        return """
        ## `mediationctl status`, start to exit

        `\(control) status --socket SOCKET` against a running daemon whose database holds
        \(options.controlCases) open cases, counted before the first run, so that the reply carries the counts
        as it does for an operator. Timed by hyperfine \(shell("/usr/bin/hyperfine --version | cut -d' ' -f2")) from process start to exit, no shell
        (`--shell=none`), \(options.controlRuns) runs after 20 warm-up runs, output discarded. The references in the same
        hyperfine run: `/bin/true`, what starting any process costs, and `mediationctl --version`, the
        same binary started with its command line parsed and no connection made. Times in milliseconds.

        | command | runs | min | p50 | p90 | max | mean |
        |---|---|---|---|---|---|---|
        \(rows)

        Of the status median, starting the binary to its command line takes \(String(format: "%.2f", version)) ms (`--version`; a bare
        process \(String(format: "%.2f", process0)) ms), and connecting, the call and printing the reply \(String(format: "%.2f", status - version)) ms.

        Target: `mediationctl status` median under 20 ms: \(String(format: "%.2f", status)) ms — \(status < 20 ? "met" : "not met").

        """
    }
}
