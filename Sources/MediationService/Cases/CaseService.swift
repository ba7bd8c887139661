import Foundation
import MediationCore
import MediationStore
import Synchronization

/// The cases as the interfaces use them: each command applies the workflow's rule to the
/// stored case in one transaction, then tells the reminder timer and the watchers.
public final class CaseService: Sendable {
    private let store: any CaseStore
    private let clock: any ServiceClock
    private let rules: Mutex<CaseWorkflow>
    private let events: CaseEventHub
    /// Called after every change, since the earliest pending reminder may have changed.
    private let scheduleChanged: @Sendable () -> Void
    public let unreadable: UnreadableRecords

    public init(store: any CaseStore, clock: any ServiceClock, workflow: CaseWorkflow, events: CaseEventHub,
                unreadable: UnreadableRecords = UnreadableRecords(logger: nil), scheduleChanged: @escaping @Sendable () -> Void) {
        self.store = store
        self.unreadable = unreadable
        self.clock = clock
        self.rules = Mutex(workflow)
        self.events = events
        self.scheduleChanged = scheduleChanged
    }

    /// The rules in force; a reload replaces them for every change from then on.
    public var workflow: CaseWorkflow {
        get { rules.withLock { $0 } }
        set { rules.withLock { $0 = newValue } }
    }

    public var today: CalendarDate { CalendarDate(clock.now) }

    public func register(reference: CaseReference?, received: CalendarDate?, agency: String, subject: String,
                         complainant: Complainant, author: ChangeAuthor) async throws -> CaseRecord {
        let now = clock.now
        let workflow = self.workflow
        let (record, change) = try await store.register(reference: reference, year: CalendarDate(now).year, author: author, at: now) { chosen in
            try workflow.register(reference: chosen, received: received ?? CalendarDate(now), agency: agency, subject: subject, complainant: complainant, now: now)
        }
        announce(record.file.reference, change, author: author, at: now)
        return record
    }

    public func decide(_ reference: CaseReference, track: Track, reason: String, referredTo: String?, author: ChangeAuthor) async throws -> CaseRecord {
        try await modify(reference, author: author) { workflow, record, now in
            try workflow.decide(&record, track: track, reason: reason, referredTo: referredTo, now: now)
        }
    }

    public func suspend(_ reference: CaseReference, reason: String, author: ChangeAuthor) async throws -> CaseRecord {
        try await modify(reference, author: author) { workflow, record, now in
            try workflow.suspend(&record, reason: reason, now: now)
        }
    }

    public func resume(_ reference: CaseReference, author: ChangeAuthor) async throws -> CaseRecord {
        try await modify(reference, author: author) { workflow, record, now in
            try workflow.resume(&record, now: now)
        }
    }

    public func extend(_ reference: CaseReference, by term: Term, reason: String, author: ChangeAuthor) async throws -> CaseRecord {
        try await modify(reference, author: author) { workflow, record, now in
            try workflow.extend(&record, by: term, reason: reason, now: now)
        }
    }

    public func close(_ reference: CaseReference, outcome: String, author: ChangeAuthor) async throws -> CaseRecord {
        try await modify(reference, author: author) { workflow, record, now in
            try workflow.close(&record, outcome: outcome, now: now)
        }
    }

    public func show(_ reference: CaseReference) async throws -> (CaseRecord, [CaseHistoryEntry]) {
        guard let record = try await store.record(reference) else { throw CaseStoreError.notFound(reference) }
        return (record, try await store.history(reference))
    }

    public func cases(_ query: CaseQuery) async throws -> Listing<CaseSummary> {
        let listing = try await store.cases(query)
        unreadable.report(listing.unreadable)
        return listing
    }

    public func deadlines(_ query: DeadlineQuery) async throws -> Listing<DeadlineSummary> {
        let listing = try await store.deadlines(query)
        unreadable.report(listing.unreadable)
        return listing
    }

    public func statistics() async throws -> CaseStatistics {
        try await store.statistics(today: today)
    }

    /// The day a period written as a term (`5d`, `2w`, `3wd`) reaches from today, not moved off
    /// weekends: `--due-within 5d` means the next five calendar days.
    public func horizon(_ term: Term) -> CalendarDate {
        switch term.unit {
        case .days: today.adding(days: term.count)
        case .weeks: today.adding(days: 7 * term.count)
        case .workingDays: workflow.calendar.adding(workingDays: term.count, to: today)
        }
    }

    func modify(
        _ reference: CaseReference, author: ChangeAuthor,
        _ step: @escaping @Sendable (CaseWorkflow, inout CaseRecord, Date) throws -> CaseChange
    ) async throws -> CaseRecord {
        let now = clock.now
        let workflow = self.workflow
        let (record, change) = try await store.modify(reference, author: author, at: now) { record in
            try step(workflow, &record, now)
        }
        announce(reference, change, author: author, at: now)
        return record
    }

    private func announce(_ reference: CaseReference, _ change: CaseChange, author: ChangeAuthor, at now: Date) {
        scheduleChanged()
        events.publish(.changed(reference, CaseHistoryEntry(at: now, author: author, change: change)))
    }
}
