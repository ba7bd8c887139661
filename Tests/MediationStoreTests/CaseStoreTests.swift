import Foundation
import MediationCore
import MediationStore
import TestSupport
import Testing

@Suite("Case store")
struct CaseStoreTests {
    let directory = TemporaryDirectory()
    let storage: SQLiteStorage
    let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())
    let author = ChangeAuthor(uid: 1000, login: "mediator")
    let now = LocalTime(hour: 12, minute: 0)!.instant(on: CalendarDate(iso: "2026-11-02")!)

    init() throws {
        storage = try SQLiteStorage.open(directory: directory.path)
    }

    @discardableResult
    private func register(_ reference: String?, received: String = "2026-10-26") async throws -> CaseRecord {
        let (workflow, now) = (self.workflow, self.now)
        return try await storage.register(reference: reference.map { CaseReference($0)! }, year: 2026, author: author, at: now) { chosen in
            try workflow.register(reference: chosen, received: CalendarDate(iso: received)!, agency: "UWV", subject: "s",
                                  complainant: Complainant(name: "n", contact: "c"), now: now)
        }.0
    }

    @Test func generatedReferencesCountUpPerYearAndSkipOnesGivenByHand() async throws {
        #expect(try await register(nil).file.reference.text == "2026-0001")
        try await register("2026-0002")
        #expect(try await register(nil).file.reference.text == "2026-0003")
        await #expect(throws: CaseStoreError.referenceTaken(CaseReference("2026-0003")!)) {
            try await register("2026-0003")
        }
    }

    @Test func aRefusedChangeLeavesTheCaseAndItsHistoryAsTheyWere() async throws {
        try await register("A")
        let before = try await storage.record(CaseReference("A")!)
        let workflow = self.workflow
        let now = self.now
        await #expect(throws: CaseRuleViolation.notSuspended(CaseReference("A")!)) {
            try await storage.modify(CaseReference("A")!, author: author, at: now) { record in
                // Changes made before the rule refuses must not be stored either.
                record.file.agency = "changed"
                return try workflow.resume(&record, now: now)
            }
        }
        #expect(try await storage.record(CaseReference("A")!) == before)
        #expect(try await storage.history(CaseReference("A")!).count == 1)
        await #expect(throws: CaseStoreError.notFound(CaseReference("B")!)) {
            try await storage.modify(CaseReference("B")!, author: author, at: now) { _ in CaseChange(action: .closed, summary: "") }
        }
    }

    @Test func aCaseReadsBackAsStoredWithItsHistory() async throws {
        try await register("A")
        let workflow = self.workflow
        let now = self.now
        let (changed, _) = try await storage.modify(CaseReference("A")!, author: author, at: now) { record in
            try workflow.decide(&record, track: .referral, reason: "not ours", referredTo: "Kinderombudsman", now: now)
        }
        #expect(try await storage.record(CaseReference("A")!) == changed)
        let history = try await storage.history(CaseReference("A")!)
        #expect(history.map(\.change.action) == [.registered, .decided])
        #expect(history.allSatisfy { $0.author == author })
    }

    @Test func listsFilterAndSortByDueDate() async throws {
        try await register("LATE", received: "2026-09-01")
        try await register("SOON", received: "2026-10-26")
        try await register("LATER", received: "2026-11-02")
        let workflow = self.workflow
        let now = self.now
        try await storage.modify(CaseReference("LATER")!, author: author, at: now) { try workflow.close(&$0, outcome: "withdrawn", now: now) }

        var all = CaseQuery()
        all.limit = 2
        let page = try await storage.cases(all)
        #expect(page.items.map(\.reference.text) == ["LATE", "SOON"])
        #expect(page.total == 3)
        var open = CaseQuery()
        open.openOnly = true
        #expect(try await storage.cases(open).items.map(\.reference.text) == ["LATE", "SOON"])
        var overdue = CaseQuery()
        overdue.overdueOn = CalendarDate(iso: "2026-11-02")
        #expect(try await storage.cases(overdue).items.map(\.reference.text) == ["LATE"])

        var deadlines = DeadlineQuery()
        deadlines.dueBy = CalendarDate(iso: "2026-11-16")
        #expect(try await storage.deadlines(deadlines).items.map(\.reference.text) == ["LATE", "SOON"])
        let statistics = try await storage.statistics(today: CalendarDate(iso: "2026-11-02")!)
        #expect(statistics.openCases == 2)
        #expect(statistics.overdueDeadlines == 1)
        #expect(statistics.nextDue?.reference.text == "SOON")
    }
}
