import Foundation
import Glibc
import MediationCore
import TestSupport

/// Issue 4's targets:
/// - slot search over 100 mediators with a year of sessions each (three a day on every working
///   day, a room each): p99 of the `Suggest` round trip over Varlink, which includes everything
///   the daemon does;
/// - bookings acknowledged durably with 16 parallel clients, against single SQLite commits at the
///   same durability (WAL, synchronous=FULL) measured in the same run with the sqlite3 shell.
struct SchedulingLoad {
    let options: Options
    let daemon: BenchDaemon

    init(options: Options) {
        self.options = options
        daemon = BenchDaemon(executable: options.daemon)
    }

    var database: String { daemon.database }
    var directory: TemporaryDirectory { daemon.directory }
    func start() throws -> ChildProcess { try daemon.start().0 }
    func stop(_ process: ChildProcess) { daemon.stop(process) }

    func call(_ socket: RawVarlinkSocket, _ method: String, _ parameters: String) -> JSONObject {
        try! socket.blockingSend(#"{"method":"io.mediationd.\#(method)","parameters":\#(parameters)}"#)
        guard let reply = socket.blockingReceive(timeout: 60).flatMap(JSONObject.init) else { fatalError("no reply to \(method)") }
        return reply
    }

    func sqlite(_ script: String, database: String) -> Double {
        let began = RoundTripSample.now()
        let result = try! blockingRunCommand("/usr/bin/sqlite3", [database, script], environment: ["TZ": "Europe/Amsterdam"], timeout: 900)
        guard result.status == 0 else { fatalError("sqlite3: \(result.error)") }
        return Double(RoundTripSample.now() - began) / 1e9
    }

    func run() throws -> String {
        stop(try start())
        // A year of sessions: 100 mediators, each with a room, three sessions on every weekday.
        let seedSeconds = sqlite("""
        BEGIN;
        WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 100)
        INSERT INTO mediator (login, display_name, hours, max_per_day, added_at)
          SELECT printf('m%03d', i), printf('Mediator %d', i), 'mon 09:00-17:00' || char(10) || 'tue 09:00-17:00' || char(10) || 'wed 09:00-17:00' || char(10) || 'thu 09:00-17:00' || char(10) || 'fri 09:00-17:00', 4, '2026-01-01 00:00:00' FROM m;
        WITH RECURSIVE m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 100)
        INSERT INTO place (name, kind, capacity) SELECT printf('r%03d', i), 'room', 6 FROM m;
        INSERT INTO place (name, kind, capacity) VALUES ('video', 'video', 10);
        INSERT INTO case_file (reference, received, agency, subject, complainant_name, complainant_contact, track, decision_reason, decided_on, registered_at)
          VALUES ('SEED', '2026-01-05', 'UWV', 's', 'n', 'c', 'mediation', 'r', '2026-01-05', '2026-01-05 10:00:00');
        WITH RECURSIVE d(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < 365),
          days AS (SELECT date('now', '+' || n || ' days') AS day FROM d WHERE strftime('%w', date('now', '+' || n || ' days')) NOT IN ('0', '6')),
          m(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM m WHERE i < 100),
          t(start) AS (VALUES ('09:00'), ('10:45'), ('13:30'))
        INSERT INTO session (uid, case_reference, mediator, place, starts, ends, state, sequence, booked_at, changed_at)
          SELECT lower(hex(randomblob(16))), 'SEED', printf('m%03d', i), printf('r%03d', i),
                 CAST(strftime('%s', day || ' ' || start, 'utc') AS INTEGER) * 1000,
                 CAST(strftime('%s', day || ' ' || start, 'utc') AS INTEGER) * 1000 + 5400000, 'scheduled', 0, 0, 0
          FROM days, m, t;
        COMMIT;
        """, database: database)
        let sessionCount = try! blockingRunCommand("/usr/bin/sqlite3", [database, "SELECT COUNT(*) FROM session"]).output.trimmingCharacters(in: .whitespacesAndNewlines)

        let running = try start()
        daemon.waitForCalendars(100)
        let socket = try RawVarlinkSocket(path: directory.file("io.mediationd"))
        _ = call(socket, "Cases.Register", #"{"reference":"SEARCH","agency":"UWV","subject":"s","complainant":{"name":"n","contact":"c"}}"#)
        _ = call(socket, "Cases.Decide", #"{"reference":"SEARCH","track":"mediation","reason":"r"}"#)
        // Each search is followed by a GetStatus on the same connection: the reference, a round
        // trip that asks the daemon for next to nothing, under the same conditions.
        var searches = RoundTripSample()
        var statusCalls = RoundTripSample()
        for index in 0..<(options.searches + 50) {
            let variant: String = switch index % 3 {
            case 0: #"{"case":"SEARCH","count":5}"#
            case 1: String(format: #"{"case":"SEARCH","mediator":"m%03d","count":5}"#, index % 100 + 1)
            default: String(format: #"{"case":"SEARCH","place":"r%03d","count":3}"#, index % 100 + 1)
            }
            let began = RoundTripSample.now()
            let reply = call(socket, "Scheduling.Suggest", variant)
            let elapsed = RoundTripSample.now() - began
            guard reply.string("error") == nil else { fatalError("Suggest failed: \(reply.values)") }
            let statusBegan = RoundTripSample.now()
            _ = call(socket, "Service.GetStatus", "{}")
            let statusElapsed = RoundTripSample.now() - statusBegan
            if index >= 50 {
                searches.record(elapsed)
                statusCalls.record(statusElapsed)
            }
        }

        // Bookings: 16 clients, each with its own mediator, room and cases, so that none refuses
        // another and every booking is a durable write.
        let clients = options.bookingClients
        let perClient = options.bookingsPerClient
        for client in 1...clients {
            _ = call(socket, "Scheduling.AddMediator", String(format: #"{"login":"b%02d","displayName":"B","hours":["mon-fri 08:30-17:30"],"maximumSessionsPerDay":4}"#, client))
            _ = call(socket, "Scheduling.AddPlace", String(format: #"{"name":"q%02d","kind":"room","capacity":4}"#, client))
            for index in 0..<perClient {
                _ = call(socket, "Cases.Register", String(format: #"{"reference":"B%02d-%d","agency":"UWV","subject":"s","complainant":{"name":"n","contact":"c"}}"#, client, index))
                _ = call(socket, "Cases.Decide", String(format: #"{"reference":"B%02d-%d","track":"mediation","reason":"r"}"#, client, index))
            }
        }
        // The new mediators' calendars too: they are written together, a few seconds after the first.
        daemon.waitForCalendars(100 + clients)
        // Working days from the day after tomorrow on, four sessions a day per mediator, all
        // before the cases' four-week session deadline.
        let workingDays = WorkingDayCalendar()
        var day = CalendarDate(Date()).adding(days: 2)
        var days: [String] = []
        while days.count < (perClient + 3) / 4 {
            if workingDays.isWorkingDay(day) { days.append(day.description) }
            day = day.adding(days: 1)
        }
        let path = directory.file("io.mediationd")
        let bookingDays = days
        let refused = Atomic(0)
        /// Books indices `range` of every client's cases, a thread per client: DispatchQueue's
        /// concurrentPerform would run only as many at once as there are cores, two here.
        func book(_ range: Range<Int>) -> Double {
            let began = RoundTripSample.now()
            let finished = DispatchGroup()
            for client in 0..<clients {
                finished.enter()
                Thread {
                    defer { finished.leave() }
                    let socket = try! RawVarlinkSocket(path: path)
                    let name = (client + 1 < 10 ? "0" : "") + String(client + 1)
                    for index in range {
                        let start = ["09:00", "10:45", "13:30", "15:15"][index % 4]
                        // Built and checked as plain text: the client's own JSON work would take
                        // the daemon's cores on this machine.
                        try! socket.blockingSend(#"{"method":"io.mediationd.Scheduling.Book","parameters":{"case":"B\#(name)-\#(index)","mediator":"b\#(name)","place":"q\#(name)","start":"\#(bookingDays[index / 4]) \#(start)"}}"#)
                        guard let reply = socket.blockingReceive(timeout: 60) else { fatalError("no reply to Book") }
                        if reply.contains(#""error":"#) { refused.add(1) }
                    }
                }.start()
            }
            finished.wait()
            return Double(clients * range.count) / (Double(RoundTripSample.now() - began) / 1e9)
        }
        let baselineDatabase = directory.file("baseline.sqlite")
        _ = sqlite("PRAGMA journal_mode = WAL; CREATE TABLE booking (id INTEGER PRIMARY KEY, mediator TEXT, starts INTEGER, ends INTEGER);", database: baselineDatabase)
        func commitSingly(_ count: Int) -> Double {
            let inserts = (0..<count).map { "INSERT INTO booking (mediator, starts, ends) VALUES ('b\($0 % 16)', \($0), \($0 + 1));" }.joined(separator: "\n")
            return Double(count) / sqlite("PRAGMA synchronous = FULL;\n" + inserts, database: baselineDatabase)
        }
        // Alternating rounds, so that both see the same disk: its flush time wanders by a factor
        // of two from minute to minute on a shared machine.
        let rounds = 4
        let perRound = perClient / rounds
        var results: [(bookings: Double, commits: Double)] = []
        for round in 0..<rounds {
            let commits = commitSingly(clients * perRound)
            let bookings = book(round * perRound..<(round + 1) * perRound)
            results.append((bookings, commits))
        }
        stop(running)
        guard refused.value == 0 else { fatalError("\(refused.value) bookings were refused; the load is meant to fit") }
        let ratios = results.map { $0.bookings / $0.commits }
        let medianRatio = ratios.sorted()[ratios.count / 2]

        let p99 = searches.percentile(99) / 1000
        return """
        ## Scheduling (issue 4)

        100 mediators with a room each and \(sessionCount) sessions over the coming year (three on every weekday each), seeded
        with sqlite3 in \(String(format: "%.0f", seedSeconds)) s.

        Slot search: \(searches.count) `Suggest` round trips, for all mediators, one mediator or one room,
        each followed on the same connection by a `GetStatus` round trip, the reference: a call the
        daemon answers from memory. Bookings: \(clients) parallel clients, each booking its own mediator
        and room, in rounds alternating with the reference, single SQLite commits at the same
        durability (WAL, synchronous=FULL) by the sqlite3 shell on a database of its own. Both
        start once the daemon has written the calendar files it rewrites after a start.

        | measure | result | reference | target |
        |---|---|---|---|
        | slot search (`Suggest` round trip): p50 | \(String(format: "%.2f", searches.percentile(50) / 1000)) ms | `GetStatus` \(String(format: "%.2f", statusCalls.percentile(50) / 1000)) ms | |
        | slot search: p99 | \(String(format: "%.2f", p99)) ms | `GetStatus` \(String(format: "%.2f", statusCalls.percentile(99) / 1000)) ms | < 10 ms |
        | slot search: max | \(String(format: "%.2f", searches.percentile(100) / 1000)) ms | `GetStatus` \(String(format: "%.2f", statusCalls.percentile(100) / 1000)) ms | |
        \(results.enumerated().map { index, round in
            "| round \(index + 1): bookings acknowledged, \(clients * perRound) bookings | \(String(format: "%.0f", round.bookings)) per s | "
                + "single commits: \(String(format: "%.0f", round.commits)) per s (\(clients * perRound) commits) | ≥ single commits |"
        }.joined(separator: "\n"))

        Targets: slot search \(p99 < 10 ? "met" : "not met"), booking throughput \(medianRatio >= 1 ? "met" : "not met") (bookings per single commit by round: \(ratios.map { String(format: "%.2f×", $0) }.joined(separator: ", ")); median \(String(format: "%.2f×", medianRatio))).

        """
    }
}

/// A counter the booking threads share.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func add(_ amount: Int) { lock.withLock { count += amount } }
    var value: Int { lock.withLock { count } }
}
