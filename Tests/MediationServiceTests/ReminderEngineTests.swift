import Foundation
import Logging
import MediationCore
import MediationService
import MediationStore
import TestSupport
import Testing

/// The engine against a real database, with a clock the tests move.
@Suite("Reminder engine")
struct ReminderEngineTests {
    let directory = TemporaryDirectory()
    let storage: SQLiteStorage
    let clock: TestClock
    let delivery = RecordingDelivery()
    let events = CaseEventHub()
    let cases: CaseService
    let author = ChangeAuthor(uid: 1000, login: "mediator")

    init() throws {
        storage = try SQLiteStorage.open(directory: directory.path)
        clock = TestClock(Self.at("2026-11-02", 8))
        cases = CaseService(store: storage, clock: clock, workflow: CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies()), events: events, scheduleChanged: {})
    }

    static func at(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        LocalTime(hour: hour, minute: minute)!.instant(on: CalendarDate(iso: day)!)
    }

    private func engine(summaryThreshold: Int = 20) -> ReminderEngine {
        var settings = ReminderEngine.Settings()
        settings.summaryThreshold = summaryThreshold
        return ReminderEngine(store: storage, workflow: { [cases] in cases.workflow }, clock: clock, delivery: delivery,
                              pacer: ReminderPacer(), events: events, settings: settings, logger: Logger(label: "test"))
    }

    @discardableResult
    private func register(_ reference: String, received: String) async throws -> CaseRecord {
        try await cases.register(reference: CaseReference(reference)!, received: CalendarDate(iso: received)!, agency: "Gemeente Utrecht",
                                 subject: "s", complainant: Complainant(name: "J. Jansen", contact: "j@example.nl"), author: author)
    }

    private var sent: [String] {
        delivery.notices.map { "\($0.reference) \($0.reminder.stage.token) \($0.reminder.date)" }
    }

    /// Runs the engine as the timer does, jumping the clock to each time it asks to be woken.
    private func runUntil(_ end: Date, _ engine: ReminderEngine) async throws {
        while let next = try await engine.sendDue(), next <= end {
            clock.now = max(next, clock.now)
        }
        clock.now = end
        _ = try await engine.sendDue()
    }

    @Test func remindersGoOutInTheOrderOfTheirTimeEachOnce() async throws {
        // A: intake due Monday 16 November; B: due Tuesday 10 November.
        try await register("A", received: "2026-10-26")
        try await register("B", received: "2026-10-20")
        let engine = engine()
        try await runUntil(Self.at("2026-11-17", 10), engine)
        #expect(sent == [
            "B upcoming-5 2026-11-03",
            "A upcoming-5 2026-11-09", "B upcoming-1 2026-11-09",
            "B due-today 2026-11-10",
            "B overdue 2026-11-11",
            "A upcoming-1 2026-11-13",
            "A due-today 2026-11-16",
            "A overdue 2026-11-17",
        ])
        #expect(delivery.notices.allSatisfy { !$0.isLate })
        #expect(delivery.notices.allSatisfy { !$0.message.contains("Jansen") && !$0.message.contains("example.nl") })
        #expect(try await engine.sendDue() == Self.at("2026-11-18", 9), "B's second overdue reminder, five working days after the first")
        #expect(delivery.notices.count == 8)
    }

    @Test func afterAnOutageEachDeadlineGetsOneReminderForTheStageItIsInNow() async throws {
        try await register("A", received: "2026-10-26")
        try await register("B", received: "2026-10-20")
        clock.now = Self.at("2026-11-12", 12)
        let engine = engine()
        _ = try await engine.sendDue()
        // In the order they were due: B's was stored for 3 November, A's for the 9th.
        #expect(sent == ["B overdue 2026-11-11", "A upcoming-5 2026-11-09"])
        #expect(delivery.notices.allSatisfy { $0.isLate })
        #expect(delivery.notices.first?.message.contains("sent late") == true)
        #expect(delivery.notices.first?.workingDaysOverdue == 2)
        _ = try await engine.sendDue()
        #expect(delivery.notices.count == 2, "nothing is sent twice")
    }

    @Test func manyDueAtOnceGetASummaryFirstAndEveryReminderStill() async throws {
        for index in 1...5 {
            try await register("OLD-\(index)", received: "2026-09-01")
        }
        let engine = engine(summaryThreshold: 3)
        _ = try await engine.sendDue()
        #expect(delivery.summaries.count == 1)
        #expect(delivery.summaries.first?.due == 5)
        #expect(delivery.summaries.first?.overdueDeadlines == 5)
        #expect(Set(delivery.notices.map(\.reference.text)) == Set((1...5).map { "OLD-\($0)" }))
        #expect(delivery.notices.allSatisfy { $0.reminder.stage == .overdue })
    }

    @Test func whileTheJournalIsAwayRemindersStayPendingAndAreRetried() async throws {
        try await register("A", received: "2026-09-01")
        try await register("B", received: "2026-09-02")
        delivery.failing = true
        let engine = engine()
        let retry = try await engine.sendDue()
        #expect(retry == clock.now.addingTimeInterval(5))
        #expect(delivery.notices.isEmpty)
        #expect(try await storage.countDueReminders(notAfter: clock.now) == 2)
        delivery.failing = false
        clock.now = try #require(retry)
        _ = try await engine.sendDue()
        #expect(sent.map { $0.prefix(2) } == ["A ", "B "])
        #expect(try await storage.countDueReminders(notAfter: clock.now) == 0)
    }

    @Test func aClockSetBackSendsNothingTwiceAndAJumpAheadSendsEachDeadlineOnce() async throws {
        try await register("A", received: "2026-10-26")
        try await register("B", received: "2026-10-20")
        let engine = engine()
        try await runUntil(Self.at("2026-11-03", 10), engine)
        #expect(sent == ["B upcoming-5 2026-11-03"])
        clock.now = Self.at("2026-11-01", 10)
        #expect(try await engine.sendDue() == Self.at("2026-11-09", 9))
        #expect(sent.count == 1)
        clock.now = Self.at("2026-11-20", 10)
        _ = try await engine.sendDue()
        #expect(sent == ["B upcoming-5 2026-11-03", "A overdue 2026-11-17", "B overdue 2026-11-18"])
    }

    @Test func aSuspendedCaseIsNotRemindedAndResumingReschedulesIt() async throws {
        try await register("A", received: "2026-10-26")
        try await register("B", received: "2026-10-20")
        _ = try await cases.suspend(CaseReference("A")!, reason: "waiting for the agency's file", author: author)
        let engine = engine()
        try await runUntil(Self.at("2026-11-20", 10), engine)
        #expect(!sent.contains { $0.hasPrefix("A ") })
        // Suspended 2 to 20 November, 18 days: 16 November + 18 = Friday 4 December.
        let resumed = try await cases.resume(CaseReference("A")!, author: author)
        #expect(resumed.openDeadline?.due == CalendarDate(iso: "2026-12-04"))
        #expect(try await engine.sendDue() == Self.at("2026-11-25", 9), "B's next overdue reminder, 5 working days after the 18th's")
        try await runUntil(Self.at("2026-11-27", 10), engine)
        #expect(sent.last == "A upcoming-5 2026-11-27")
    }

    @Test func aChangeMovesTheEarliestReminder() async throws {
        try await register("B", received: "2026-10-20")
        #expect(try await storage.earliestReminder() == Self.at("2026-11-03", 9))
        _ = try await cases.extend(CaseReference("B")!, by: Term("2w")!, reason: "complex", author: author)
        // Due 24 November now: five working days before is 17 November.
        #expect(try await storage.earliestReminder() == Self.at("2026-11-17", 9))
        _ = try await cases.close(CaseReference("B")!, outcome: "solved", author: author)
        #expect(try await storage.earliestReminder() == nil)
    }

    @Test func aReminderWhoseMarkTheDatabaseRefusesIsNotJournalledAgainButMarkedLater() async throws {
        // Three overdue cases, due at once; the disk is full for marks.
        for reference in ["F1", "F2", "F3"] { try await register(reference, received: "2026-09-01") }
        let store = MarkRefusingStore(storage)
        let engine = ReminderEngine(store: store, workflow: { [cases] in cases.workflow }, clock: clock, delivery: delivery,
                                    pacer: ReminderPacer(), events: events, logger: Logger(label: "test"))
        store.refusing = true
        for _ in 0..<10 {
            await #expect {
                try await engine.sendDue()
            } throws: { error in
                "\(error)".contains("could not be marked sent in the database (the disk holding the database is full)")
            }
        }
        #expect(delivery.notices.count == 1, "journalled once, not at every pass: \(sent)")
        #expect(store.refused == 10, "the mark was retried at every pass")

        store.refusing = false
        _ = try await engine.sendDue()
        #expect(delivery.notices.map(\.reference.text).sorted() == ["F1", "F2", "F3"], "each once: \(sent)")
        #expect(try await storage.countDueReminders(notAfter: clock.now) == 0, "all three are marked sent")
        _ = try await engine.sendDue()
        #expect(delivery.notices.count == 3)
    }

    @Test func watchersSeeChangesAndReminders() async throws {
        let stream = events.subscribe()
        try await register("A", received: "2026-09-01")
        _ = try await engine().sendDue()
        var iterator = stream.makeAsyncIterator()
        guard case .changed(let reference, let entry) = await iterator.next() else { Issue.record("no change event"); return }
        #expect(reference.text == "A")
        #expect(entry.author.login == "mediator")
        guard case .reminder(let notice) = await iterator.next() else { Issue.record("no reminder event"); return }
        #expect(notice.reference.text == "A")
    }
}
