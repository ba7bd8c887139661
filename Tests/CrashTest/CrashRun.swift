import Foundation
import Glibc
import MediationCore
import Synchronization
import TestSupport

/// The whole run: the office set up, clients at work, the daemon killed and restarted again and
/// again, and after every kill the database and the journal compared with what the clients were
/// told.
struct CrashRun {
    let options: CrashOptions
    /// In every reference of the run, so the journal's entries of earlier runs do not count.
    let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    let today = CalendarDate(Date())

    func perform() async throws -> Bool {
        try Journald.ensureRunning()
        let began = Date()
        let daemon = try CrashDaemon(executable: options.daemon, templates: FileManager.default.currentDirectoryPath + "/Config/templates")
        try daemon.start()
        let office = CrashOffice(today: today)
        let held = try await setUpOffice(daemon, office)

        let ledger = Ledger()
        let stopping = StopSignal()
        let clients = (0..<options.clients).map {
            CrashClient(index: $0, run: run, socketPath: daemon.socketPath, ledger: ledger, office: office, heldSessions: held[$0], seed: options.seed)
        }
        let work = Task {
            await withTaskGroup(of: Void.self) { group in
                for client in clients { group.addTask { await client.work(until: { stopping.isRaised }) } }
            }
        }

        let audit = DatabaseAudit(database: daemon.database, run: run)
        let journal = JournalAudit(run: run, since: began)
        var findings: [String] = []
        var random = SeededRandom(seed: options.seed)
        for kill in 1...options.kills {
            try await Task.sleep(for: .milliseconds(50 + random.next(upTo: options.maximumPause - 40)))
            daemon.kill()
            // The daemon is gone: the file is what survived. Sent reminders are marked after
            // journald has them, so each one marked must be in the journal.
            findings += try await audit.findings(against: ledger).map { "after kill \(kill): \($0)" }
            let delivered = try journal.delivered()
            findings += try audit.sentReminders().subtracting(delivered.reminders.keys).sorted().map { "after kill \(kill): reminder marked sent but not in the journal: \($0)" }
            if delivered.repeats > kill { findings.append("after kill \(kill): \(delivered.repeats) reminders repeated, more than one per kill") }
            try daemon.start()
            if kill % 10 == 0 { print("crash-test: \(kill) of \(options.kills) kills, \(await ledger.acknowledgedCalls) calls acknowledged so far") }
        }
        stopping.raise()
        await work.value

        // Every case stored overdue, acknowledged or in doubt, owes the journal its reminder.
        let owed = try audit.overdueCases()
        let delivered = try journal.waitFor(owed, timeout: 120)
        findings += owed.subtracting(delivered.cases.keys).sorted().map { "reminder never delivered for \($0)" }
        findings += delivered.repeated.filter { $0.value > 2 }.map { "reminder \($0.key) sent \($0.value) times" }
        let status = daemon.stop()
        if status != 0 { findings.append("the daemon did not stop cleanly after the last restart: status \(status.map(String.init) ?? "none")") }
        findings += try await audit.findings(against: ledger).map { "at the end: \($0)" }

        for finding in findings.prefix(50) { print("crash-test: FAIL \(finding)") }
        await printSummary(ledger, delivered: delivered, owed: owed.count, findings: findings.count, seconds: Date().timeIntervalSince(began))
        return findings.isEmpty
    }

    /// Three mediators and three rooms; per client a few cases whose session took place (seeded
    /// in the database while the daemon is stopped, since no session can be booked in the past),
    /// for agreements. Returns those sessions' ids per client.
    private func setUpOffice(_ daemon: CrashDaemon, _ office: CrashOffice) async throws -> [[Int64]] {
        let desk = DaemonConnection(socketPath: daemon.socketPath)
        func require(_ method: String, _ parameters: String) async throws {
            guard case .acknowledged = await desk.call(method, parameters) else { throw TestSetupError("setting up: \(method) \(parameters) failed") }
        }
        for login in office.mediators {
            try await require("io.mediationd.Scheduling.AddMediator", #"{"login":"\#(login)","displayName":"\#(login.capitalized)","hours":["mon-fri 08:30-17:30"],"maximumSessionsPerDay":8}"#)
        }
        for place in office.places {
            try await require("io.mediationd.Scheduling.AddPlace", #"{"name":"\#(place)","kind":"room","capacity":6}"#)
        }
        let references = (0..<options.clients).map { client in (1...3).map { "CA-\(run)-\(client)-\($0)" } }
        for reference in references.joined() {
            try await require("io.mediationd.Cases.Register", #"{"reference":"\#(reference)","agency":"UWV","subject":"Uitkering","complainant":{"name":"Desk","contact":"desk@example.nl"}}"#)
            try await require("io.mediationd.Cases.Decide", #"{"reference":"\#(reference)","track":"mediation","reason":"Partijen willen praten"}"#)
        }
        guard daemon.stop() == 0 else { throw TestSetupError("the daemon did not stop cleanly after setting up") }
        let day = WorkingDayCalendar().subtracting(workingDays: 3, from: today)
        let start = Int64(LocalTime(hour: 10, minute: 0)!.instant(on: day).timeIntervalSince1970 * 1000)
        var held: [[Int64]] = []
        for client in references {
            let values = client.map { "('seeded-\($0)@mediationd', '\($0)', 'anna', 'Kamer 1', \(start), \(start + 5_400_000), 'held', 0, \(start - 86_400_000), \(start + 5_400_000))" }
            let result = try blockingRunCommand("/usr/bin/sqlite3", [daemon.database, """
                INSERT INTO session (uid, case_reference, mediator, place, starts, ends, state, sequence, booked_at, changed_at) VALUES \(values.joined(separator: ", "));
                SELECT id FROM session WHERE uid LIKE 'seeded-CA-\(run)-%' ORDER BY id DESC LIMIT \(client.count);
                """])
            guard result.status == 0 else { throw TestSetupError("sqlite3 could not seed sessions: \(result.error)") }
            held.append(result.output.split(separator: "\n").compactMap { Int64($0) })
        }
        try daemon.start()
        return held
    }

    private func printSummary(_ ledger: Ledger, delivered: JournalAudit.Delivered, owed: Int, findings: Int, seconds: Double) async {
        let refusals = await ledger.refusals.sorted { $0.value > $1.value }.map { "\($0.key.split(separator: ".").last ?? "") \($0.value)" }
        print("""
            crash-test: \(findings == 0 ? "PASS" : "FAIL") — \(options.kills) kills, \(options.clients) clients, \(Int(seconds)) s; \
            \(await ledger.acknowledgedCalls) calls acknowledged (\(await ledger.overdueCases.count + ledger.mediationCases.count) cases, \
            \(await ledger.sessions.count) sessions booked and \(await ledger.moves) moved, \(await ledger.agreements.count) agreements), \(await ledger.inDoubtCalls) in doubt at a kill, \
            \(refusals.isEmpty ? "none refused" : "refused: " + refusals.joined(separator: ", ")); \
            \(owed) reminders due, \(delivered.cases.count) in the journal, \(delivered.repeats) repeated (in flight at a kill); \
            \(options.kills + 1) integrity checks; \(findings) findings (seed \(options.seed))
            """)
    }
}

/// Tells the clients to finish the call they are in and stop.
final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)
    var isRaised: Bool { raised.load(ordering: .relaxed) }
    func raise() { raised.store(true, ordering: .relaxed) }
}
