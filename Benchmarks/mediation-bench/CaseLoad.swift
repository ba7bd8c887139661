import Foundation
import Glibc
import TestSupport

/// Issue 3's targets with a realistic load: a database of `options.cases` open cases, each with
/// a pending reminder days ahead, plus `options.reminders` reminders that fall due a few seconds
/// after the daemon starts, staggered.
///
/// - Start: from spawning the daemon to READY=1 on its notification socket, `startRuns` times;
///   the reference is the same daemon started as often on the same database before it was filled.
/// - Memory: the daemon's peak resident set (VmHWM) after its first reminder pass over all of
///   them and a page of `case list`; the reference is the same on the empty database.
/// - Reminder delay: from each reminder's due instant to journald's receive timestamp
///   (`__REALTIME_TIMESTAMP`) of its entry, so journald's own latency counts against us. The due
///   instant is its own reference: a delay of zero is the ideal.
struct CaseLoad {
    let options: Options
    let daemon: BenchDaemon
    /// Tags this run's entries in the journal, which keeps earlier runs' too.
    let tag = "BENCH\(UInt32.random(in: 0...UInt32.max))"

    init(options: Options) {
        self.options = options
        daemon = BenchDaemon(executable: options.daemon)
    }

    var database: String { daemon.database }
    var notify: NotifyListener { daemon.notify }
    func start() throws -> (ChildProcess, seconds: Double) { try daemon.start() }
    func stop(_ process: ChildProcess) { daemon.stop(process) }

    /// Cases due far ahead, whose next reminders are at `reminderAt(i)` (SQL, milliseconds).
    func seed(_ prefix: String, count: Int, reminderAt: String) {
        try! CaseSeeder(database: database).seed(prefix: prefix, count: count, reminderAt: reminderAt, stage: "upcoming-5", reminderDate: "2099-12-24", due: "2099-12-31")
    }

    func memory(of pid: pid_t) -> (rss: Double, peak: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func kibibytes(_ key: String) -> Double {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return (kibibytes("VmRSS") / 1024, kibibytes("VmHWM") / 1024)
    }

    /// Seconds from spawning to READY=1, `startRuns` times, sorted.
    func startTimes() throws -> [Double] {
        try (0..<options.startRuns).map { _ in
            let (daemon, seconds) = try start()
            stop(daemon)
            return seconds
        }.sorted()
    }

    /// Starts the daemon, waits for its first reminder pass and lists a page of open cases.
    func startAndList() throws -> ChildProcess {
        let (process, _) = try start()
        try daemon.waitForFirstPass()
        let list = try RawVarlinkSocket(path: daemon.socketPath)
        try list.blockingSend(#"{"method":"io.mediationd.Cases.List","parameters":{"open":true,"limit":500}}"#)
        guard list.blockingReceive(timeout: 60) != nil else { fatalError("no reply to List") }
        return process
    }

    func run() throws -> String {
        // The first start creates and migrates the database; the next are the references.
        stop(try start().0)
        let emptyStarts = try startTimes()
        let empty = try startAndList()
        let emptyPeak = memory(of: empty.pid).peak
        stop(empty)

        let nowMilliseconds = Int64(Date().timeIntervalSince1970 * 1000)
        let seeding = RoundTripSample.now()
        seed(tag, count: options.cases, reminderAt: "\(nowMilliseconds + 7 * 86_400_000) + i * 1000")
        let seedSeconds = Double(RoundTripSample.now() - seeding) / 1e9
        let sortedStarts = try startTimes()

        // Reminders due from 5 s after the start on, one every 20 ms.
        let firstDue = Int64(Date().timeIntervalSince1970 * 1000) + 5_000
        seed(tag + "R", count: options.reminders, reminderAt: "\(firstDue) + i * 20")
        let process = try startAndList()
        let lastDue = Double(firstDue + Int64(options.reminders) * 20) / 1000
        // Reading the notification socket meanwhile, as systemd does: a full one blocks the sender.
        while Date().timeIntervalSince1970 < lastDue + 2 { _ = notify.blockingWait(for: "READY", value: "never", timeout: 0.1) }
        let (rss, peak) = memory(of: process.pid)
        stop(process)

        var delays = RoundTripSample()
        let entries = try blockingRunCommand("/usr/bin/journalctl", ["-o", "json", "--no-pager", "--since=@\(firstDue / 1000 - 10)", "MESSAGE_ID=f42435f8c1bc40c487e9fbaa901792ef"])
        for line in entries.output.split(separator: "\n") {
            guard let entry = JSONObject(String(line)), let reference = entry.string("MEDIATION_CASE"), reference.hasPrefix(tag + "R-"),
                  let index = Int64(reference.dropFirst(tag.count + 2)), let received = entry.string("__REALTIME_TIMESTAMP").flatMap(Int64.init)
            else { continue }
            let due = (firstDue + index * 20) * 1000
            delays.record(UInt64(max(0, received - due)) * 1000)
        }
        guard delays.count == options.reminders else { fatalError("\(delays.count) of \(options.reminders) reminders reached the journal") }

        let startMedian = sortedStarts[sortedStarts.count / 2] * 1000
        let startWorst = sortedStarts.last! * 1000
        let delayP99 = delays.percentile(99) / 1000
        return """
        ## A million open cases (issue 3)

        \(options.cases) open cases, each with an intake deadline and a pending reminder (seeded with sqlite3 in
        \(String(format: "%.0f", seedSeconds)) s; database \(String(format: "%.0f", fileMegabytes(database))) MB).

        The references: the same daemon on the same database before it was filled (migrated, no
        cases), started as often, and its memory after the same first pass and list; for the reminder
        delay, the due instant itself.

        | measure | \(options.cases) cases | reference: no cases | target |
        |---|---|---|---|
        | start to READY=1, \(options.startRuns) starts: median | \(String(format: "%.0f", startMedian)) ms | \(String(format: "%.0f", emptyStarts[emptyStarts.count / 2] * 1000)) ms | < 300 ms |
        | start to READY=1: slowest | \(String(format: "%.0f", startWorst)) ms | \(String(format: "%.0f", emptyStarts.last! * 1000)) ms | < 300 ms |
        | peak resident memory (VmHWM) after the first reminder pass and a 500-case list (with the cases, \(options.reminders) reminders sent too) | \(String(format: "%.1f", peak)) MiB (now \(String(format: "%.1f", rss)) MiB) | \(String(format: "%.1f", emptyPeak)) MiB | < 64 MiB |
        | reminder delay, due instant to journald's receive time, \(delays.count) reminders 20 ms apart: p50 | \(String(format: "%.1f", delays.percentile(50) / 1000)) ms | the due instant | |
        | reminder delay: p99 | \(String(format: "%.1f", delayP99)) ms | the due instant | < 50 ms |
        | reminder delay: max | \(String(format: "%.1f", delays.percentile(100) / 1000)) ms | the due instant | |

        Targets: start \(startWorst < 300 ? "met" : "not met"), memory \(peak < 64 ? "met" : "not met"), reminder delay \(delayP99 < 50 ? "met" : "not met").

        """
    }

    private func fileMegabytes(_ path: String) -> Double {
        var info = stat()
        return stat(path, &info) == 0 ? Double(info.st_size) / 1_000_000 : 0
    }
}
