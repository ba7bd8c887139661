import Foundation
import MediationCore
import MediationStore
import TestSupport
import Testing

@Suite("Destruction lists")
struct DestructionListStoreTests {
    let directory = TemporaryDirectory()
    let storage: SQLiteStorage
    let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())
    let author = ChangeAuthor(uid: 1000, login: "mediator")
    let admin = ChangeAuthor(uid: 1001, login: "beheerder")
    /// Two years for every outcome, a report kept for good, a referral one year.
    let schedule = RetentionSchedule(standard: .destroy(after: RetentionTerm("730d")!),
                                     overrides: [.investigationReport: .keep, .referral: .destroy(after: RetentionTerm("1y")!)])

    init() throws {
        storage = try SQLiteStorage.open(directory: directory.path)
    }

    private func noon(_ day: String) -> Date { LocalTime(hour: 12, minute: 0)!.instant(on: CalendarDate(iso: day)!) }

    /// A case received in 2023, decided on `track` (nil: closed at intake), closed on `closed`.
    private func fileCase(_ reference: String, track: Track?, conclusion: InvestigationConclusion.Form? = nil, closed: String) async throws {
        let workflow = self.workflow
        let start = noon("2023-01-02")
        _ = try await storage.register(reference: CaseReference(reference)!, year: 2023, author: author, at: start) { chosen in
            try workflow.register(reference: chosen, received: CalendarDate(iso: "2023-01-02")!, agency: "UWV", subject: "Uitkering",
                                  complainant: Complainant(name: "Kees Bakker", contact: "06-98765432"), now: start)
        }
        if let track {
            _ = try await storage.modify(CaseReference(reference)!, author: author, at: start) { record in
                let change = try workflow.decide(&record, track: track, reason: "r", referredTo: track == .referral ? "Kinderombudsman" : nil, now: start)
                guard let conclusion else { return change }
                return try workflow.conclude(&record, form: conclusion, judgement: .proper, text: "Kees Bakker had gelijk", now: start)
            }
        }
        _ = try await storage.modify(CaseReference(reference)!, author: author, at: noon(closed)) { record in
            try workflow.close(&record, outcome: "afgerond", now: noon(closed))
        }
    }

    private func references(_ list: DestructionList?) -> [String] { list?.items.map(\.reference.text) ?? [] }

    @Test func aListNamesTheCasesPastTheirOutcomesTermAndErasesNothing() async throws {
        try await fileCase("INTAKE-OLD", track: nil, closed: "2024-01-10")
        try await fileCase("INTAKE-NEW", track: nil, closed: "2025-01-10")
        try await fileCase("REFERRAL", track: .referral, closed: "2025-04-01")
        try await fileCase("REPORT", track: .investigation, conclusion: .report, closed: "2023-02-01")
        try await fileCase("LETTER", track: .investigation, conclusion: .letter, closed: "2023-02-01")

        let list = try #require(try await storage.prepareDestructionList(now: noon("2026-06-01"), schedule: schedule, includingRejected: false))
        #expect(list.state == .pending && list.decision == nil)
        #expect(references(list) == ["LETTER", "INTAKE-OLD", "REFERRAL"], "oldest first; a report is kept, a recent intake waits")
        #expect(list.items.map(\.category) == [.investigationLetter, .intake, .referral])
        let letter = try #require(list.items.first)
        #expect(letter.closedOn == CalendarDate(iso: "2023-02-01") && letter.erases.contains("the conclusion's text"))
        #expect(list.cutOffs.first { $0.category == .referral }?.closedOnOrBefore == CalendarDate(iso: "2025-06-01"))
        #expect(!list.cutOffs.contains { $0.category == .investigationReport }, "kept for good: no cut-off")
        #expect(try await storage.record(CaseReference("LETTER")!)?.file.complainant.name == "Kees Bakker", "preparing erases nothing")

        await #expect(throws: DestructionListError.alreadyPending(list.id)) {
            try await storage.prepareDestructionList(now: noon("2026-06-02"), schedule: schedule, includingRejected: true)
        }
        #expect(try await storage.openDestructionList() == list)
        #expect(try await storage.destructionLists().map(\.cases) == [3])
    }

    @Test func aClockEarlierThanTheNewestChangePreparesNothing() async throws {
        try await fileCase("OLD", track: .intervention, closed: "2024-01-10")
        let behind = noon("2024-01-09")
        await #expect(throws: DestructionListError.clockBehind(now: behind, newestChange: noon("2024-01-10"))) {
            try await storage.prepareDestructionList(now: behind, schedule: schedule, includingRejected: true)
        }
        #expect(try await storage.destructionLists().isEmpty)
        #expect(try await storage.newestChange() == noon("2024-01-10"))
    }

    @Test func approvalIsRecordedAndTheListCarriedOutSkipsAReopenedCase() async throws {
        try await fileCase("A", track: .mediation, closed: "2023-05-01")
        try await fileCase("B", track: .mediation, closed: "2023-05-02")
        let list = try #require(try await storage.prepareDestructionList(now: noon("2026-06-01"), schedule: schedule, includingRejected: false))
        #expect(list.items.map(\.category) == [.mediationWithoutAgreements, .mediationWithoutAgreements])
        // B is reopened and closed again after the list was prepared.
        let reopened = try blockingRunCommand("/usr/bin/sqlite3", [storage.path, "UPDATE case_file SET closed_on = '2026-05-30' WHERE reference = 'B'"])
        #expect(reopened.status == 0, "\(reopened.error)")

        let approved = try await storage.approveDestructionList(list.id, by: admin, at: noon("2026-06-02"))
        #expect(approved.state == .approved && approved.decision?.author == admin && approved.decision?.at == noon("2026-06-02"))
        let cases = approved.items.map { ExpiredCase(reference: $0.reference, closedOn: $0.closedOn) }
        #expect(try await storage.purge(cases, today: CalendarDate(iso: "2026-06-02")!).map(\.reference.text) == ["A"])
        let done = try await storage.completeDestructionList(list.id, at: noon("2026-06-02"))
        #expect(done.state == .executed && done.items.map(\.result) == [.erased, .skippedReopened])
        #expect(try await storage.completeDestructionList(list.id, at: noon("2026-06-03")) == done, "finishing again reads the same")
        #expect(try await storage.record(CaseReference("B")!)?.file.complainant.name == "Kees Bakker")
        await #expect(throws: DestructionListError.notPending(list.id, .executed)) {
            try await storage.rejectDestructionList(list.id, reason: "te laat", by: admin, at: noon("2026-06-03"))
        }
        await #expect(throws: DestructionListError.notFound(99)) {
            try await storage.approveDestructionList(99, by: admin, at: noon("2026-06-03"))
        }
    }

    @Test func aRejectedListsCasesWaitForAnAdminToAskAgain() async throws {
        try await fileCase("A", track: .notCompetent, closed: "2023-05-01")
        let list = try #require(try await storage.prepareDestructionList(now: noon("2026-06-01"), schedule: schedule, includingRejected: false))
        let rejected = try await storage.rejectDestructionList(list.id, reason: "bezwaarprocedure loopt nog", by: admin, at: noon("2026-06-02"))
        #expect(rejected.state == .rejected && rejected.decision?.rejectionReason == "bezwaarprocedure loopt nog" && rejected.decision?.author == admin)
        #expect(try await storage.prepareDestructionList(now: noon("2026-06-03"), schedule: schedule, includingRejected: false) == nil,
                "the daily run does not list a rejected case again")
        let asked = try await storage.prepareDestructionList(now: noon("2026-06-03"), schedule: schedule, includingRejected: true)
        #expect(references(asked) == ["A"], "an admin asking does")
        #expect(try await storage.record(CaseReference("A")!)?.file.complainant.name == "Kees Bakker")
    }
}
