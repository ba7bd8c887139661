import Foundation
import Glibc
import MediationCore
import MediationStore
import Synchronization

/// A store whose disk is full for marking reminders sent, while it is `refusing`: everything
/// else goes to the real database.
final class MarkRefusingStore: CaseStore {
    struct NoSpace: FileWriteFailure {
        var code: Int32 { ENOSPC }
    }

    let storage: SQLiteStorage
    private let state = Mutex((refusing: false, refused: 0))

    init(_ storage: SQLiteStorage) {
        self.storage = storage
    }

    var refusing: Bool {
        get { state.withLock { $0.refusing } }
        set { state.withLock { $0.refusing = newValue } }
    }

    var refused: Int { state.withLock { $0.refused } }

    func recordSent(_ pending: PendingReminder, sent: ScheduledReminder, next: ScheduledReminder?, at: Date) async throws {
        try state.withLock {
            guard $0.refusing else { return }
            $0.refused += 1
            throw NoSpace()
        }
        try await storage.recordSent(pending, sent: sent, next: next, at: at)
    }

    func register(reference: CaseReference?, year: Int, author: ChangeAuthor, at: Date,
                  _ make: @Sendable (CaseReference) throws -> (CaseRecord, CaseChange)) async throws -> (CaseRecord, CaseChange) {
        try await storage.register(reference: reference, year: year, author: author, at: at, make)
    }

    func modify(_ reference: CaseReference, author: ChangeAuthor, at: Date,
                _ change: @Sendable (inout CaseRecord) throws -> CaseChange) async throws -> (CaseRecord, CaseChange) {
        try await storage.modify(reference, author: author, at: at, change)
    }

    func record(_ reference: CaseReference) async throws -> CaseRecord? { try await storage.record(reference) }
    func history(_ reference: CaseReference) async throws -> [CaseHistoryEntry] { try await storage.history(reference) }
    func cases(_ query: CaseQuery) async throws -> Listing<CaseSummary> { try await storage.cases(query) }
    func deadlines(_ query: DeadlineQuery) async throws -> Listing<DeadlineSummary> { try await storage.deadlines(query) }
    func statistics(today: CalendarDate) async throws -> CaseStatistics { try await storage.statistics(today: today) }
    func caseOfAgreement(_ id: Int64) async throws -> CaseReference? { try await storage.caseOfAgreement(id) }
    func caseOfQuestion(_ id: Int64) async throws -> CaseReference? { try await storage.caseOfQuestion(id) }
    func agreements(_ query: AgreementQuery) async throws -> Listing<AgreementSummary> { try await storage.agreements(query) }
    func earliestReminder() async throws -> Date? { try await storage.earliestReminder() }
    func dueReminders(notAfter instant: Date, limit: Int) async throws -> [PendingReminder] { try await storage.dueReminders(notAfter: instant, limit: limit) }
    func countDueReminders(notAfter instant: Date) async throws -> Int { try await storage.countDueReminders(notAfter: instant) }
}
