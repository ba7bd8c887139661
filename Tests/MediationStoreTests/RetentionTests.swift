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

    /// What every text of `reference`'s case carries, so its bytes can be looked for.
    private func marker(_ reference: String) -> String { "Zqx" + reference.filter(\.isLetter) + reference.filter(\.isNumber) }

    /// An investigation with a question answered and reacted to, and an agreement, closed on
    /// `closed`; every text holds the case's marker.
    private func fileCase(_ reference: String, closed: String?) async throws {
        let workflow = self.workflow
        let start = noon("2023-01-02")
        let mark = marker(reference)
        _ = try await storage.register(reference: CaseReference(reference)!, year: 2023, author: author, at: start) { chosen in
            try workflow.register(reference: chosen, received: CalendarDate(iso: "2023-01-02")!, agency: "Gemeente Utrecht \(mark)", subject: "Overlast \(mark)",
                                  complainant: Complainant(name: "Anna de Vries \(mark)", contact: "Kerkstraat 12, 3511 AB Utrecht \(mark)"), now: start)
        }
        _ = try await storage.modify(CaseReference(reference)!, author: author, at: start) { record in
            _ = try workflow.decide(&record, track: .investigation, reason: "mevrouw De Vries belde drie keer \(mark)", referredTo: nil, now: start)
            _ = try workflow.ask(&record, party: .agency, text: "Waarom heeft u mevrouw De Vries niet gebeld? \(mark)", term: nil, now: start)
            _ = try workflow.answer(&record, question: record.questions[0].id, text: "Haar nummer 06-12345678 werkte niet \(mark)", reactionTerm: nil, now: start)
            _ = try workflow.react(&record, question: record.questions[0].id, text: "Dat is onjuist \(mark)", now: start)
            // Long enough to need overflow pages, which a purge frees.
            let findings = String(repeating: "Mevrouw De Vries had gebeld moeten worden. ", count: 200)
            return try workflow.conclude(&record, form: .letter, judgement: .improper, text: "\(findings)\(mark)", now: start)
        }
        if let closed {
            _ = try await storage.modify(CaseReference(reference)!, author: author, at: noon(closed)) { record in
                try workflow.close(&record, outcome: "gegrond \(mark)", now: noon(closed))
            }
        }
    }

    /// How often `text` occurs in the raw bytes of the files whose paths start with `prefix`.
    private func occurrences(of text: String, inFilesStartingWith prefix: String) throws -> Int {
        let directory = (prefix as NSString).deletingLastPathComponent
        let needle = Data(text.utf8)
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where (directory + "/" + name).hasPrefix(prefix) {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            while let found = bytes.range(of: needle) {
                count += 1
                bytes = bytes[found.upperBound...]
            }
        }
        return count
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
        // The agency as entered and the closing words are free text too.
        #expect(old.file.agency == erased && old.file.closure?.outcome == erased)
        // What statistics need stays.
        #expect(old.file.reference.text == "OLD-1" && old.file.received == CalendarDate(iso: "2023-01-02"))
        #expect(old.file.decision?.track == .investigation && old.file.closure?.on == CalendarDate(iso: "2023-03-01"))
        #expect(old.conclusion?.judgement == .improper)
        // The history keeps what was done, when and by whom, not what was typed.
        let history = try await storage.history(CaseReference("OLD-1")!)
        #expect(history.map(\.change.action) == [.registered, .concluded, .closed])
        #expect(history.allSatisfy { $0.change.summary == $0.change.action.rawValue && $0.author == author }, "\(history)")

        #expect(try await storage.record(CaseReference("RECENT-1")!) == before, "a case inside the period is untouched")
        #expect(try await storage.record(CaseReference("OPEN-1")!)?.file.complainant.name.hasPrefix("Anna de Vries") == true, "an open case is never purged")
        #expect(try await storage.expiredCases(closedOnOrBefore: CalendarDate(iso: "2024-01-01")!).isEmpty, "a purged case is not listed again")
        #expect(try await storage.purge(expired, today: CalendarDate(iso: "2025-11-30")!).isEmpty, "and not purged twice")
    }

    @Test func aPurgedCaseLeavesNoBytesOfItsTextsInTheDatabaseItsLogOrABackup() async throws {
        try await fileCase("OLD-2", closed: "2023-03-01")
        try await fileCase("KEPT-2", closed: nil)
        let files = storage.path
        // As in a database in use for a while: the texts are in the file itself, not only in the WAL.
        let checkpoint = try await runCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", files, "PRAGMA wal_checkpoint(TRUNCATE);"])
        #expect(checkpoint.status == 0, "\(checkpoint.error)")
        #expect(try occurrences(of: marker("OLD-2"), inFilesStartingWith: files) > 0, "the search finds the texts before the purge")

        let expired = try await storage.expiredCases(closedOnOrBefore: CalendarDate(iso: "2024-01-01")!)
        #expect(try await storage.purge(expired, today: CalendarDate(iso: "2025-11-29")!).count == 1)

        #expect(try occurrences(of: marker("OLD-2"), inFilesStartingWith: files) == 0, "not in the database, its -wal or its -shm")
        #expect(try await storage.pragma("secure_delete") == "1", "whatever the SQLite library's own default")
        #expect(try occurrences(of: marker("KEPT-2"), inFilesStartingWith: files) > 0, "the open case's texts are still there")
        let backup = directory.path + "/copy.sqlite"
        try await storage.backup(to: backup)
        #expect(try occurrences(of: marker("OLD-2"), inFilesStartingWith: backup) == 0, "not in a backup taken after the purge")
        #expect(try occurrences(of: marker("KEPT-2"), inFilesStartingWith: backup) > 0)
    }

    @Test func aPurgedCaseTakesNoNewData() async throws {
        try await fileCase("OLD-3", closed: "2023-03-01")
        let expired = try await storage.expiredCases(closedOnOrBefore: CalendarDate(iso: "2024-01-01")!)
        _ = try await storage.purge(expired, today: CalendarDate(iso: "2025-11-29")!)
        let before = try await storage.record(CaseReference("OLD-3")!)
        let workflow = self.workflow
        // Agreements, replies and outcomes may still be added to a closed case; not once it is purged.
        await #expect(throws: CaseStoreError.purged(CaseReference("OLD-3")!, on: CalendarDate(iso: "2025-11-29")!)) {
            _ = try await storage.modify(CaseReference("OLD-3")!, author: author, at: noon("2025-11-30")) { record in
                try workflow.close(&record, outcome: "nieuw", now: noon("2025-11-30"))
            }
        }
        #expect(try await storage.record(CaseReference("OLD-3")!) == before)
    }
}
