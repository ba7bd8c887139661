import Foundation
import MediationCore

/// A destruction list (vernietigingslijst): the closed cases whose retention term has passed, as
/// found on one day, waiting for an admin to approve or reject it. Nothing on it is erased
/// before approval, so a clock set wrong can prepare a list but never erase by itself.
public struct DestructionList: Sendable, Equatable {
    public enum State: String, Sendable, Codable {
        /// Waits for an admin's decision.
        case pending
        /// Approved; the erasure is under way (or was cut short and resumes at the next run).
        case approved
        /// Approved and carried out.
        case executed
        /// Rejected: nothing on it was erased.
        case rejected
    }

    /// The last closing day that counted for one category, and the term it came from.
    public struct CutOff: Sendable, Equatable {
        public let category: OutcomeCategory
        public let term: RetentionTerm
        public let closedOnOrBefore: CalendarDate

        public init(category: OutcomeCategory, term: RetentionTerm, closedOnOrBefore: CalendarDate) {
            self.category = category
            self.term = term
            self.closedOnOrBefore = closedOnOrBefore
        }
    }

    /// One case on the list, with the facts it was listed on.
    public struct Item: Sendable, Equatable {
        /// What became of the item when the list was carried out.
        public enum Result: String, Sendable, Codable {
            case erased
            /// Reopened (or closed again on another day) since the list was prepared.
            case skippedReopened = "skipped_reopened"
        }

        public let reference: CaseReference
        public let category: OutcomeCategory
        public let closedOn: CalendarDate
        public let erases: [String]
        public let result: Result?

        public init(reference: CaseReference, category: OutcomeCategory, closedOn: CalendarDate, erases: [String], result: Result? = nil) {
            self.reference = reference
            self.category = category
            self.closedOn = closedOn
            self.erases = erases
            self.result = result
        }
    }

    /// Who approved or rejected the list, and when.
    public struct Decision: Sendable, Equatable {
        public let author: ChangeAuthor
        public let at: Date
        /// Why it was rejected, in the admin's words; never journalled.
        public let rejectionReason: String?
    }

    public let id: Int64
    public let preparedAt: Date
    public let state: State
    public let cutOffs: [CutOff]
    public let items: [Item]
    public let decision: Decision?
    public let executedAt: Date?
}

/// One line of the lists kept: enough to choose which to show.
public struct DestructionListSummary: Sendable, Equatable {
    public let id: Int64
    public let preparedAt: Date
    public let state: DestructionList.State
    public let cases: Int
    public let decidedBy: ChangeAuthor?
    public let decidedAt: Date?
}

/// Why a destruction list cannot be prepared or decided; each case says what to do.
public enum DestructionListError: Error, Sendable, Equatable {
    case notFound(Int64)
    /// Only a pending list can be approved or rejected.
    case notPending(Int64, DestructionList.State)
    /// A list waits for a decision already; there is one at a time.
    case alreadyPending(Int64)
    /// The wall clock reads earlier than the newest change the database holds.
    case clockBehind(now: Date, newestChange: Date)
}
