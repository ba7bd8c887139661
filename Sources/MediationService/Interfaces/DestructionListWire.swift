import Foundation
import MediationCore
import MediationStore

/// A destruction list (vernietigingslijst) on the wire, shared by the daemon and mediationctl.
public struct WireDestructionList: Codable, Sendable, Equatable {
    public typealias State = DestructionList.State
    public typealias Result = DestructionList.Item.Result

    public struct CutOff: Codable, Sendable, Equatable {
        public var category: OutcomeCategory
        public var term: String
        public var closedOnOrBefore: String
    }

    public struct Item: Codable, Sendable, Equatable {
        public var reference: String
        public var category: OutcomeCategory
        public var closedOn: String
        public var erases: [String]
        public var result: DestructionList.Item.Result?
    }

    public struct Decision: Codable, Sendable, Equatable {
        public var login: String
        public var uid: Int64
        public var at: Date
        public var rejectionReason: String?
    }

    public var id: Int64
    public var preparedAt: Date
    public var state: DestructionList.State
    public var cutOffs: [CutOff]
    public var items: [Item]
    public var decision: Decision?
    public var executedAt: Date?

    /// The cases that lost their personal data when the list was carried out.
    public var erasedCount: Int { items.filter { $0.result == .erased }.count }

    public init(_ list: DestructionList) {
        id = list.id
        preparedAt = list.preparedAt
        state = list.state
        cutOffs = list.cutOffs.map { .init(category: $0.category, term: $0.term.description, closedOnOrBefore: $0.closedOnOrBefore.description) }
        items = list.items.map {
            .init(reference: $0.reference.text, category: $0.category, closedOn: $0.closedOn.description, erases: $0.erases, result: $0.result)
        }
        decision = list.decision.map {
            .init(login: $0.author.login, uid: Int64($0.author.uid), at: $0.at, rejectionReason: $0.rejectionReason)
        }
        executedAt = list.executedAt
    }
}

/// One line of `ListDestructionLists`.
public struct WireDestructionListLine: Codable, Sendable, Equatable {
    public var id: Int64
    public var preparedAt: Date
    public var state: DestructionList.State
    public var cases: Int
    public var decidedBy: String?
    public var decidedAt: Date?

    public init(_ summary: DestructionListSummary) {
        id = summary.id
        preparedAt = summary.preparedAt
        state = summary.state
        cases = summary.cases
        decidedBy = summary.decidedBy?.login
        decidedAt = summary.decidedAt
    }
}

public struct WireDestructionListReply: Codable, Sendable {
    public var list: WireDestructionList
}

public struct WirePreparedDestructionList: Codable, Sendable {
    /// Absent when no closed case is past its term.
    public var list: WireDestructionList?
}

public struct WireDestructionLists: Codable, Sendable {
    public var lists: [WireDestructionListLine]
}
