import Foundation
import MediationCore
import MediationStore
import TestSupport
import Testing

@Suite("Retention")
struct RetentionTests {
    let directory = TemporaryDirectory()
    let storage: SQLiteStorage
    let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())
    let author = ChangeAuthor(uid: 1000, login: "mediator")

    init() throws {
        storage = try SQLiteStorage.open(directory: directory.path)
    }

    private func noon(_ day: String) -> Date { LocalTime(hour: 12, minute: 0)!.instant(on: CalendarDate(iso: day)!) }

    /// An investigation with a question answered and reacted to, and an agreement, closed on `closed`.
    private func fileCase(_ reference: String, closed: String?) async throws {
        let workflow = self.workflow
        let start = noon("2023-01-02")
        _ = try await storage.register(reference: CaseReference(reference)!, year: 2023, author: author, at: start) { chosen in
            try workflow.register(reference: chosen, received: CalendarDate(iso: "2023-01-02")!, agency: "Gemeente Utrecht", subject: "Overlast van buren",
                                  complainant: Complainant(name: "Anna de Vries", contact: "Kerkstraat 12, 3511 AB Utrecht"), now: start)
        }
        _ = try await storage.modify(CaseReference(reference)!, author: author, at: start) { record in
            _ = try workflow.decide(&record, track: .investigation, reason: "mevrouw De Vries belde drie keer", referredTo: nil, now: start)
            _ = try workflow.ask(&record, party: .agency, text: "Waarom heeft u mevrouw De Vries niet gebeld?", term: nil, now: start)
            _ = try workflow.answer(&record, question: record.questions[0].id, text: "Haar nummer 06-12345678 werkte niet", reactionTerm: nil, now: start)
            _ = try workflow.react(&record, question: record.questions[0].id, text: "Dat is onjuist", now: start)
            return try workflow.conclude(&record, form: .letter, judgement: .improper, text: "Mevrouw De Vries had gebeld moeten worden", now: start)
        }
        if let closed {
            _ = try await storage.modify(CaseReference(reference)!, author: author, at: noon(closed)) { record in
                try workflow.close(&record, outcome: "gegrond", now: noon(closed))
            }
        }
    }

    @Test func closedCasesPastThePeriodLoseTheirPersonalDataAndKeepTheirFacts() async throws {
        try await fileCase("OLD-1", closed: "2023-03-01")
        try await fileCase("RECENT-1", closed: "2025-06-01")
        try await fileCase("OPEN-1", closed: nil)
        let before = try #require(try await storage.record(CaseReference("RECENT-1")!))

        let expired = try await storage.expiredCases(closedOnOrBefore: CalendarDate(iso: "2024-01-01")!)
        #expect(expired == [ExpiredCase(reference: CaseReference("OLD-1")!, closedOn: CalendarDate(iso: "2023-03-01")!)])
        let purged = try await storage.purge(expired, today: CalendarDate(iso: "2025-11-29")!)
        #expect(purged == expired)

        let old = try #require(try await storage.record(CaseReference("OLD-1")!))
        let erased = SQLiteStorage.erased
        #expect(old.file.complainant == Complainant(name: erased, contact: erased))
        #expect(old.file.subject == erased && old.file.decision?.reason == erased)
        #expect(old.questions.allSatisfy { $0.text == erased && $0.answer?.text == erased && $0.reaction?.text == erased })
        #expect(old.conclusion?.text == erased)
        // What statistics need stays.
        #expect(old.file.reference.text == "OLD-1" && old.file.agency == "Gemeente Utrecht" && old.file.received == CalendarDate(iso: "2023-01-02"))
        #expect(old.file.decision?.track == .investigation && old.file.closure?.outcome == "gegrond" && old.file.closure?.on == CalendarDate(iso: "2023-03-01"))
        #expect(old.conclusion?.judgement == .improper)
        #expect(try await storage.history(CaseReference("OLD-1")!).count == 3, "the history, which never held personal data, stays")

        #expect(try await storage.record(CaseReference("RECENT-1")!) == before, "a case inside the period is untouched")
        #expect(try await storage.record(CaseReference("OPEN-1")!)?.file.complainant.name == "Anna de Vries", "an open case is never purged")
        #expect(try await storage.expiredCases(closedOnOrBefore: CalendarDate(iso: "2024-01-01")!).isEmpty, "a purged case is not listed again")
        #expect(try await storage.purge(expired, today: CalendarDate(iso: "2025-11-30")!).isEmpty, "and not purged twice")
    }
}
