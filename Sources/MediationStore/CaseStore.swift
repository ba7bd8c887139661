import Foundation
import MediationCore

/// Where cases, their deadlines and history, and the reminder bookkeeping live. Every change is
/// one transaction: the case, its deadlines and the history entry are written together or not
/// at all.
public protocol CaseStore: Sendable {
    /// Stores a new case under `reference`, or under the next free `YEAR-NNNN` when nil. `make`
    /// builds the record for the reference chosen; what it throws is rethrown and nothing stored.
    func register(
        reference: CaseReference?, year: Int, author: ChangeAuthor, at: Date,
        _ make: @Sendable (CaseReference) throws -> (CaseRecord, CaseChange)
    ) async throws -> (CaseRecord, CaseChange)

    /// Reads the case, applies `change`, and stores the result with its history entry. What the
    /// change throws is rethrown and nothing stored.
    func modify(
        _ reference: CaseReference, author: ChangeAuthor, at: Date,
        _ change: @Sendable (inout CaseRecord) throws -> CaseChange
    ) async throws -> (CaseRecord, CaseChange)

    func record(_ reference: CaseReference) async throws -> CaseRecord?
    func history(_ reference: CaseReference) async throws -> [CaseHistoryEntry]
    func cases(_ query: CaseQuery) async throws -> Listing<CaseSummary>
    func deadlines(_ query: DeadlineQuery) async throws -> Listing<DeadlineSummary>
    func statistics(today: CalendarDate) async throws -> CaseStatistics

    /// The case an agreement or a question belongs to, for the calls that name only its number.
    func caseOfAgreement(_ id: Int64) async throws -> CaseReference?
    func caseOfQuestion(_ id: Int64) async throws -> CaseReference?
    func agreements(_ query: AgreementQuery) async throws -> Listing<AgreementSummary>

    /// When the earliest pending reminder is due; nil when none is pending.
    func earliestReminder() async throws -> Date?
    /// Pending reminders due at or before `instant`, earliest first, at most `limit`.
    func dueReminders(notAfter instant: Date, limit: Int) async throws -> [PendingReminder]
    func countDueReminders(notAfter instant: Date) async throws -> Int
    /// Records that `sent` went to the journal for `pending` and stores `next` as its next
    /// reminder, unless the deadline changed meanwhile (then its new schedule stands).
    func recordSent(_ pending: PendingReminder, sent: ScheduledReminder, next: ScheduledReminder?, at: Date) async throws
}

public enum CaseStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(CaseReference)
    case referenceTaken(CaseReference)
    case unknownAgreement(Int64)
    case unknownQuestion(Int64)
    /// Retention erased the case's personal data on that day; it takes no new data, since the
    /// retention run never looks at a purged case again.
    case purged(CaseReference, on: CalendarDate)

    public var description: String {
        switch self {
        case .notFound(let reference): "there is no case \(reference); mediationctl case list shows the cases"
        case .referenceTaken(let reference): "the reference \(reference) is already in use; give another, or leave it out to have one generated"
        case .unknownAgreement(let id): "there is no agreement \(id); mediationctl agreement list shows them"
        case .unknownQuestion(let id): "there is no question \(id); mediationctl investigation show REF lists a case's questions"
        case .purged(let reference, let day):
            "the personal data of case \(reference) was erased on \(day) under the retention rules, so it takes no new data; register a new case if the matter goes on"
        }
    }
}

/// A page of a list, and how many there are in all.
public struct Listing<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
    /// The case references of rows left out because they could not be read.
    public let unreadable: [String]

    public init(items: [Item], total: Int, unreadable: [String] = []) {
        self.items = items
        self.total = total
        self.unreadable = unreadable
    }
}

public struct CaseQuery: Sendable {
    public var openOnly = false
    /// Only cases whose open deadline is before this day.
    public var overdueOn: CalendarDate?
    public var track: Track?
    /// Only cases whose open deadline is due on or before this day.
    public var dueBy: CalendarDate?
    public var limit = 500

    public init() {}
}

public struct DeadlineQuery: Sendable {
    public var overdueOn: CalendarDate?
    public var dueBy: CalendarDate?
    public var limit = 500

    public init() {}
}

/// A line of `case list`: no personal data, so a list can be shared.
public struct CaseSummary: Sendable, Equatable {
    public let reference: CaseReference
    public let received: CalendarDate
    public let agency: String
    public let subject: String
    public let status: CaseStatus
    public let track: Track?
    /// The open deadline, if any.
    public let deadline: DeadlineKind?
    public let due: CalendarDate?
}

/// A line of `deadline list`.
public struct DeadlineSummary: Sendable, Equatable {
    public let reference: CaseReference
    public let kind: DeadlineKind
    /// The agreement or question an obligation's deadline is for.
    public let subject: Int64?
    public let due: CalendarDate
    public let suspended: Bool
    public let nextReminder: Date?
}

public struct AgreementQuery: Sendable {
    public var caseReference: CaseReference?
    public var openOnly = false
    /// Only open agreements due before this day.
    public var overdueOn: CalendarDate?
    public var limit = 500

    public init() {}
}

public struct AgreementSummary: Sendable, Equatable {
    public let reference: CaseReference
    public let agreement: Agreement
}

public struct CaseStatistics: Sendable, Equatable {
    public let openCases: Int
    public let overdueDeadlines: Int
    /// The earliest open deadline that is not suspended.
    public let nextDue: (reference: CaseReference, kind: DeadlineKind, due: CalendarDate)?

    public static func == (lhs: CaseStatistics, rhs: CaseStatistics) -> Bool {
        lhs.openCases == rhs.openCases && lhs.overdueDeadlines == rhs.overdueDeadlines
            && lhs.nextDue?.reference == rhs.nextDue?.reference && lhs.nextDue?.kind == rhs.nextDue?.kind && lhs.nextDue?.due == rhs.nextDue?.due
    }
}

/// A reminder whose time has come, with the deadline it is for.
public struct PendingReminder: Sendable, Equatable {
    public let reference: CaseReference
    public let position: Int
    public let deadline: Deadline
    /// The reminder as stored (`deadline.nextReminder`).
    public var scheduled: ScheduledReminder { deadline.nextReminder! }
}
