import Foundation

/// A bemiddelingsgesprek: a mediator, a place and a time for a case on the mediation track.
public struct Session: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case scheduled
        case cancelled
        /// Held as planned.
        case held
        /// A party did not come.
        case noShow = "no-show"
        /// The parties settled before the session.
        case settled
    }

    public let id: Int64
    /// Stable across reschedules, for calendar clients (iCalendar UID).
    public let uid: String
    public let caseReference: CaseReference
    public var mediator: String
    public var place: String
    public var start: Date
    public var end: Date
    public var state: State
    /// Raised on every change a calendar client must see (iCalendar SEQUENCE).
    public var sequence: Int
    /// Why it was booked after the case's session deadline, when it was.
    public var afterDeadlineReason: String?
    /// When it was last booked, moved or settled (iCalendar DTSTAMP).
    public var changedAt: Date

    public init(id: Int64, uid: String, caseReference: CaseReference, mediator: String, place: String, start: Date, end: Date,
                state: State = .scheduled, sequence: Int = 0, afterDeadlineReason: String? = nil, changedAt: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id
        self.uid = uid
        self.caseReference = caseReference
        self.mediator = mediator
        self.place = place
        self.start = start
        self.end = end
        self.state = state
        self.sequence = sequence
        self.afterDeadlineReason = afterDeadlineReason
        self.changedAt = changedAt
    }

    /// Still to take place, so it holds its mediator, room and case.
    public var isLive: Bool { state == .scheduled }
    public var span: Range<Date> { start..<end }
}
