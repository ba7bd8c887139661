import Foundation
import Glibc
import MediationCore
import MediationService
import TestSupport
import Testing

/// Reminders as staff get them: entries in a real journald, on time, once, and none lost when
/// the daemon was down or killed.
@Suite("Reminders in the journal", .serialized, .timeLimit(.minutes(5)))
struct ReminderJournalTests {
    init() throws {
        try Journald.ensureRunning()
    }

    /// A reference no earlier test run used, since the journal keeps their entries.
    private func freshReference(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    }

    private func register(_ daemon: DaemonHarness, reference: String, received: CalendarDate) async throws -> JSONObject? {
        let socket = try RawVarlinkSocket(path: daemon.socketPath)
        try await socket.send("""
        {"method":"io.mediationd.Cases.Register","parameters":{"reference":"\(reference)","received":"\(received)","agency":"Belastingdienst",\
        "subject":"Refund late","complainant":{"name":"Marieke de Vries","contact":"marieke@example.nl, 06-12345678"}}}
        """)
        return await socket.receiveJSON(timeout: 20)
    }

    /// Restarts the daemon and waits until its reminder timer has made its first pass, which
    /// the STATUS= line shows by carrying the case counts.
    private func restart(_ daemon: DaemonHarness) async throws {
        #expect(await daemon.stop() == 0)
        let before = daemon.notify.messages.count
        try await daemon.startDirectAndWait()
        // The first pass may report before READY=1 is sent, or after.
        let sinceStart = daemon.notify.messages.dropFirst(before)
        if !sinceStart.contains(where: { $0["STATUS"]?.contains("open case(s)") == true }) {
            #expect(await daemon.notify.wait(for: "STATUS", containing: "open case(s)") != nil)
        }
    }

    private func entries(_ reference: String, since: Date, atLeast count: Int = 1, timeout: Double = 10) async throws -> [JSONObject] {
        try await Journald.entries(["MEDIATION_CASE=\(reference)"], since: since, atLeast: count, timeout: timeout)
    }

    @Test func anOverdueDeadlineIsInTheJournalWithEveryFieldAndStaysOneEntryAcrossRestarts() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let reference = freshReference("OVERDUE")
        let today = CalendarDate(Date())
        let received = today.adding(days: -60)
        let due = Term(3, .weeks)!.end(after: received, in: WorkingDayCalendar())
        let reply = try #require(try await register(daemon, reference: reference, received: received))
        #expect(reply.string("error") == nil, "\(reply.values)")

        let found = try await entries(reference, since: daemon.createdAt)
        #expect(found.count == 1)
        let entry = try #require(found.first)
        #expect(entry.string("MESSAGE_ID") == ReminderJournal.overdue.rawValue)
        #expect(entry.string("PRIORITY") == "3")
        #expect(entry.string("SYSLOG_IDENTIFIER") == "mediationd")
        #expect(entry.string("MEDIATION_CASE") == reference)
        #expect(entry.string("MEDIATION_DEADLINE") == "intake")
        #expect(entry.string("MEDIATION_DUE") == due.description)
        #expect(entry.string("MEDIATION_STAGE") == "overdue")
        #expect(entry.string("MEDIATION_REMINDER")?.hasPrefix("\(reference)/intake/overdue-") == true)
        #expect(entry.string("MEDIATION_REMINDER")?.hasSuffix("/\(today)") == true)
        #expect(entry.string("MEDIATION_SCHEDULED") != nil)
        let message = try #require(entry.string("MESSAGE"))
        #expect(message.contains(reference) && message.contains(due.description) && message.contains("overdue"))

        try await restart(daemon)
        try await restart(daemon)
        #expect(try await entries(reference, since: daemon.createdAt, atLeast: 2, timeout: 2).count == 1, "a reminder is sent once, not at every start")

        let everything = try await Journald.entries(["SYSLOG_IDENTIFIER=mediationd"], since: daemon.createdAt)
        for personal in ["Marieke", "de Vries", "marieke@example.nl", "06-12345678"] {
            #expect(!everything.contains { $0.values.values.contains { "\($0)".contains(personal) } }, "no entry carries \(personal)")
        }
        #expect(await daemon.stop() == 0)
    }

    @Test func aReminderThatFellDueWhileTheDaemonWasDownIsSentAtStartOnce() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let reference = freshReference("DOWN")
        _ = try await register(daemon, reference: reference, received: CalendarDate(Date()))
        #expect(await daemon.stop() == 0)
        // While it was down, the first reminder's time passed.
        let anHourAgo = Int64((Date().timeIntervalSince1970 - 3600) * 1000)
        let update = try await runCommand("/usr/bin/sqlite3", [daemon.stateDirectory + "/mediationd.sqlite",
            "UPDATE deadline SET reminder_at = \(anHourAgo) WHERE case_reference = '\(reference)'"])
        #expect(update.status == 0, "\(update.error)")

        try await daemon.startDirectAndWait()
        let found = try await entries(reference, since: daemon.createdAt)
        #expect(found.count == 1)
        #expect(found.first?.string("MEDIATION_STAGE") == "upcoming")
        #expect(found.first?.string("MESSAGE_ID") == ReminderJournal.upcoming.rawValue)
        #expect(found.first?.string("PRIORITY") == "5")
        #expect(found.first?.string("MESSAGE")?.contains("sent late") == true)
        try await restart(daemon)
        #expect(try await entries(reference, since: daemon.createdAt, atLeast: 2, timeout: 2).count == 1)
        #expect(await daemon.stop() == 0)
    }

    @Test func aDaemonKilledWhileSendingLosesNoReminderAndRepeatsAtMostOne() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        #expect(await daemon.stop() == 0)
        let tag = freshReference("KILL")
        let count = 1500
        let yesterday = CalendarDate(Date()).adding(days: -1)
        let anHourAgo = Int64((Date().timeIntervalSince1970 - 3600) * 1000)
        // As if the daemon had been down while all of these came due.
        try await offThread {
            try CaseSeeder(database: daemon.stateDirectory + "/mediationd.sqlite").seed(
                prefix: tag, count: count, reminderAt: "\(anHourAgo)", stage: "overdue", reminderDate: yesterday.description, due: "2026-01-26")
        }

        try await daemon.startDirectAndWait()
        let firstRun = try #require(daemon.process?.pid)
        // Let it send some, then kill it mid-way.
        let firstRunEntries = ["_PID=\(firstRun)", "MESSAGE_ID=\(ReminderJournal.overdue.rawValue)"]
        let before = try await Journald.count(firstRunEntries, since: daemon.createdAt, atLeast: 20, timeout: 30)
        daemon.signal(SIGKILL)
        _ = await daemon.process?.waitForExit()
        #expect(before >= 20)
        let sentBeforeKill = try await Journald.count(firstRunEntries, since: daemon.createdAt, atLeast: count, timeout: 1)
        #expect(sentBeforeKill < count, "the kill came while reminders were still being sent")

        try await daemon.startDirectAndWait()
        let overdue = ["MESSAGE_ID=\(ReminderJournal.overdue.rawValue)"]
        _ = try await Journald.count(overdue + ["_PID=\(try #require(daemon.process?.pid))"], since: daemon.createdAt, atLeast: count - sentBeforeKill, timeout: 120)
        let all = try await Journald.entries(overdue, since: daemon.createdAt)
        let ours = all.filter { $0.string("MEDIATION_CASE")?.hasPrefix(tag + "-") == true }
        let cases = Set(ours.compactMap { $0.string("MEDIATION_CASE") })
        #expect(cases.count == count, "every reminder was sent")
        #expect(ours.count - cases.count <= 1, "at most the one being written when it was killed is repeated")
        let ids = ours.compactMap { $0.string("MEDIATION_REMINDER") }
        #expect(Set(ids).count == cases.count, "a repeat has the same MEDIATION_REMINDER")
        let summaries = try await Journald.entries(["MESSAGE_ID=\(ReminderJournal.summary.rawValue)"], since: daemon.createdAt, atLeast: 2)
        #expect(summaries.count >= 1)
        #expect(summaries.first?.string("MEDIATION_REMINDERS_DUE").flatMap(Int.init) ?? 0 > 20)
        #expect(await daemon.stop() == 0)
    }
}

/// The mediator's reminder the working day before a session, in the real journal.
@Suite("Session reminders in the journal", .timeLimit(.minutes(3)))
struct SessionReminderJournalTests {
    private func call(_ daemon: DaemonHarness, _ method: String, _ parameters: String) async throws -> JSONObject {
        let socket = try RawVarlinkSocket(path: daemon.socketPath)
        try await socket.send(#"{"method":"io.mediationd.\#(method)","parameters":\#(parameters)}"#)
        return try #require(await socket.receiveJSON(timeout: 60))
    }

    @Test func aSessionReminderThatFellDueWhileDownIsSentAtStartWithTheSessionAndMediator() async throws {
        try Journald.ensureRunning()
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let reference = "SESSION-\(UInt32.random(in: 0...UInt32.max))"
        _ = try await call(daemon, "Scheduling.AddMediator", #"{"login":"anna","displayName":"Anna de Boer","hours":["mon-fri 08:30-17:30"],"maximumSessionsPerDay":4}"#)
        _ = try await call(daemon, "Scheduling.AddPlace", #"{"name":"Kamer 1","kind":"room","capacity":6}"#)
        _ = try await call(daemon, "Cases.Register", #"{"reference":"\#(reference)","agency":"UWV","subject":"s","complainant":{"name":"Marieke de Vries","contact":"marieke@example.nl"}}"#)
        _ = try await call(daemon, "Cases.Decide", #"{"reference":"\#(reference)","track":"mediation","reason":"r"}"#)
        let slots = try await call(daemon, "Scheduling.Suggest", #"{"case":"\#(reference)","count":1}"#)
        let start = try #require((slots.object("parameters")?.values["slots"] as? [[String: Any]])?.first?["startLocal"] as? String)
        let booked = try await call(daemon, "Scheduling.Book", #"{"case":"\#(reference)","mediator":"anna","place":"Kamer 1","start":"\#(start)"}"#)
        let id = try #require(booked.object("parameters")?.object("session")?.int("id"))
        #expect(await daemon.stop() == 0)
        // As if the daemon had been down when the reminder was due.
        let anHourAgo = Int64((Date().timeIntervalSince1970 - 3600) * 1000)
        let update = try await runCommand("/usr/bin/sqlite3", [daemon.stateDirectory + "/mediationd.sqlite", "UPDATE session SET reminder_at = \(anHourAgo) WHERE id = \(id)"])
        #expect(update.status == 0, "\(update.error)")

        try await daemon.startDirectAndWait()
        let entry = try #require(try await Journald.entries(["MEDIATION_SESSION=\(id)", "MEDIATION_CASE=\(reference)"], since: daemon.createdAt).first)
        #expect(entry.string("MESSAGE_ID") == ReminderJournal.session.rawValue)
        #expect(entry.string("MEDIATION_MEDIATOR") == "anna")
        #expect(entry.string("PRIORITY") == "5")
        let message = try #require(entry.string("MESSAGE"))
        #expect(message.contains(String(start.suffix(5))) && message.contains("Kamer 1"))
        #expect(!message.contains("Marieke") && !message.contains("example.nl"))
        #expect(await daemon.stop() == 0)
    }
}
