import Foundation
import MediationCore
import MediationStore

// The values of io.mediationd.Scheduling on the wire, shared by the daemon and mediationctl.
// Instants travel as RFC 3339 and, for people, as Amsterdam local time "YYYY-MM-DD HH:MM".

public struct WireLeave: Codable, Sendable, Equatable {
    public var from: Date
    public var to: Date
    public var reason: String
}

public struct WireMediator: Codable, Sendable, Equatable {
    public var login: String
    public var displayName: String
    /// One line per working day: `mon 09:00-12:30,13:30-17:00`.
    public var hours: [String]
    public var maximumSessionsPerDay: Int
    public var leave: [WireLeave]

    init(_ mediator: Mediator) {
        login = mediator.login
        displayName = mediator.displayName
        hours = mediator.hours.lines
        maximumSessionsPerDay = mediator.maximumSessionsPerDay
        leave = mediator.unavailable.map { WireLeave(from: $0.from, to: $0.to, reason: $0.reason) }
    }
}

public struct WirePlace: Codable, Sendable, Equatable {
    public var name: String
    public var kind: Place.Kind
    public var capacity: Int

    init(_ place: Place) {
        name = place.name
        kind = place.kind
        capacity = place.capacity
    }
}

public struct WireSession: Codable, Sendable, Equatable {
    public var id: Int64
    public var uid: String
    public var `case`: String
    public var mediator: String
    public var place: String
    public var start: Date
    public var end: Date
    public var startLocal: String
    public var endLocal: String
    public var state: String
    public var sequence: Int
    public var afterDeadlineReason: String?

    init(_ session: Session) {
        id = session.id
        uid = session.uid
        `case` = session.caseReference.text
        mediator = session.mediator
        place = session.place
        start = session.start
        end = session.end
        startLocal = LocalDateTime(session.start).description
        endLocal = LocalDateTime(session.end).description
        state = session.state.rawValue
        sequence = session.sequence
        afterDeadlineReason = session.afterDeadlineReason
    }
}

public struct WireSessionHistoryEntry: Codable, Sendable, Equatable {
    public var at: Date
    public var uid: Int
    public var login: String
    public var action: String
    public var summary: String

    init(_ entry: SessionHistoryEntry) {
        at = entry.at
        uid = Int(entry.author.uid)
        login = entry.author.login
        action = entry.action
        summary = entry.summary
    }
}

public struct WireSlot: Codable, Sendable, Equatable {
    public var mediator: String
    public var place: String
    public var start: Date
    public var end: Date
    public var startLocal: String
    public var afterDeadline: Bool

    init(_ slot: SlotFinder.Slot) {
        mediator = slot.mediator
        place = slot.place
        start = slot.start
        end = slot.end
        startLocal = LocalDateTime(slot.start).description
        afterDeadline = slot.afterDeadline
    }
}

public struct WireMediatorReply: Codable, Sendable { public var mediator: WireMediator }
public struct WireMediatorList: Codable, Sendable { public var mediators: [WireMediator] }
public struct WireMediatorDetail: Codable, Sendable { public var mediator: WireMediator; public var sessions: [WireSession] }
public struct WirePlaceReply: Codable, Sendable { public var place: WirePlace }
public struct WirePlaceList: Codable, Sendable { public var places: [WirePlace] }
public struct WireSessionReply: Codable, Sendable { public var session: WireSession }
public struct WireSessionList: Codable, Sendable { public var sessions: [WireSession] }
public struct WireSessionDetail: Codable, Sendable { public var session: WireSession; public var history: [WireSessionHistoryEntry] }
public struct WireSlotList: Codable, Sendable { public var slots: [WireSlot] }
public struct WireCalendar: Codable, Sendable { public var ics: String }
