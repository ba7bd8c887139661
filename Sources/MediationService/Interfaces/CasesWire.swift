import Foundation
import MediationCore
import MediationStore

// The values of io.mediationd.Cases on the wire, shared by the daemon and mediationctl. Dates
// of the office calendar travel as "YYYY-MM-DD", instants as RFC 3339.

/// A track as the interface spells it: Varlink enum values cannot contain `-`.
public enum WireTrack: String, Codable, Sendable, CaseIterable {
    case intervention, mediation, investigation, referral
    case notCompetent = "not_competent"

    public init(_ track: Track) {
        self = WireTrack(rawValue: track.rawValue.replacingOccurrences(of: "-", with: "_"))!
    }

    public var track: Track { Track(rawValue: rawValue.replacingOccurrences(of: "_", with: "-"))! }
}

public enum WireCaseStatus: String, Codable, Sendable {
    case intake, suspended, closed
    case inTrack = "in_track"

    init(_ status: CaseStatus) {
        self = switch status {
        case .intake: .intake
        case .inTrack: .inTrack
        case .suspended: .suspended
        case .closed: .closed
        }
    }
}

public struct WireDeadline: Codable, Sendable, Equatable {
    public var kind: String
    /// The agreement or question an obligation's deadline is for.
    public var subject: Int64?
    public var due: String
    public var state: String
    public var settledOn: String?
    public var nextReminder: Date?
    public var overdue: Bool
}

public struct WireDecision: Codable, Sendable, Equatable {
    public var track: WireTrack
    public var reason: String
    public var referredTo: String?
    public var decidedOn: String
}

public struct WireSuspension: Codable, Sendable, Equatable {
    public var since: String
    public var reason: String
}

public struct WireClosure: Codable, Sendable, Equatable {
    public var on: String
    public var outcome: String
}

public struct WireComplainant: Codable, Sendable, Equatable {
    public var name: String
    public var contact: String

    public init(name: String, contact: String) {
        self.name = name
        self.contact = contact
    }
}

public struct WireCase: Codable, Sendable, Equatable {
    public var reference: String
    public var received: String
    public var agency: String
    public var subject: String
    public var complainant: WireComplainant
    public var status: WireCaseStatus
    public var decision: WireDecision?
    public var suspension: WireSuspension?
    public var closure: WireClosure?
    public var deadlines: [WireDeadline]

    init(_ record: CaseRecord, today: CalendarDate) {
        let file = record.file
        reference = file.reference.text
        received = file.received.description
        agency = file.agency
        subject = file.subject
        complainant = WireComplainant(name: file.complainant.name, contact: file.complainant.contact)
        status = WireCaseStatus(file.status)
        decision = file.decision.map { WireDecision(track: WireTrack($0.track), reason: $0.reason, referredTo: $0.referredTo, decidedOn: $0.decidedOn.description) }
        suspension = file.suspension.map { WireSuspension(since: $0.since.description, reason: $0.reason) }
        closure = file.closure.map { WireClosure(on: $0.on.description, outcome: $0.outcome) }
        deadlines = record.deadlines.map {
            WireDeadline(kind: $0.kind.rawValue, subject: $0.subject, due: $0.due.description, state: $0.state.rawValue, settledOn: $0.settledOn?.description,
                         nextReminder: $0.nextReminder?.instant, overdue: $0.isOverdue(on: today))
        }
    }
}

public struct WireCaseReply: Codable, Sendable {
    public var `case`: WireCase
}

public struct WireHistoryEntry: Codable, Sendable, Equatable {
    public var at: Date
    public var uid: Int
    public var login: String
    public var action: String
    public var summary: String

    init(_ entry: CaseHistoryEntry) {
        at = entry.at
        uid = Int(entry.author.uid)
        login = entry.author.login
        action = entry.change.action.rawValue
        summary = entry.change.summary
    }
}

public struct WireShowReply: Codable, Sendable {
    public var `case`: WireCase
    public var history: [WireHistoryEntry]
}

public struct WireCaseLine: Codable, Sendable, Equatable {
    public var reference: String
    public var received: String
    public var agency: String
    public var subject: String
    public var status: WireCaseStatus
    public var track: WireTrack?
    public var deadline: String?
    public var due: String?
    public var overdue: Bool

    init(_ summary: CaseSummary, today: CalendarDate) {
        reference = summary.reference.text
        received = summary.received.description
        agency = summary.agency
        subject = summary.subject
        status = WireCaseStatus(summary.status)
        track = summary.track.map(WireTrack.init)
        deadline = summary.deadline?.rawValue
        due = summary.due?.description
        overdue = summary.due.map { $0 < today } ?? false
    }
}

public struct WireCaseList: Codable, Sendable {
    public var cases: [WireCaseLine]
    public var total: Int
    public var unreadable: Int
}

public struct WireDeadlineLine: Codable, Sendable, Equatable {
    public var reference: String
    public var deadline: String
    public var subject: Int64?
    public var due: String
    public var overdue: Bool
    public var suspended: Bool
    public var nextReminder: Date?

    init(_ summary: DeadlineSummary, today: CalendarDate) {
        reference = summary.reference.text
        deadline = summary.kind.rawValue
        subject = summary.subject
        due = summary.due.description
        overdue = summary.due < today
        suspended = summary.suspended
        nextReminder = summary.nextReminder
    }
}

public struct WireDeadlineList: Codable, Sendable {
    public var deadlines: [WireDeadlineLine]
    public var total: Int
    public var unreadable: Int
}

public enum WireEventKind: String, Codable, Sendable {
    case change, reminder, session
}

public struct WireEvent: Codable, Sendable, Equatable {
    public var kind: WireEventKind
    public var at: Date
    public var reference: String
    public var summary: String
    public var action: String?
    public var login: String?
    public var deadline: String?
    public var due: String?
    public var stage: String?
    public var reminder: String?
    public var session: Int64?

    init(_ event: CaseEvent) {
        switch event {
        case .changed(let reference, let entry):
            kind = .change
            at = entry.at
            self.reference = reference.text
            summary = entry.change.summary
            action = entry.change.action.rawValue
            login = entry.author.login
        case .reminder(let notice):
            kind = .reminder
            at = notice.sentAt
            reference = notice.reference.text
            summary = notice.message
            deadline = notice.kind.rawValue
            due = notice.due.description
            stage = notice.reminder.stage.name
            reminder = notice.identifier
        case .session(let session, let action, let author):
            kind = .session
            at = session.changedAt
            reference = session.caseReference.text
            let start = LocalDateTime(session.start)
            summary = "session \(session.id) \(action): \(start) in \(session.place) with \(session.mediator)"
            self.action = action
            login = author.login
            self.session = session.id
        case .sessionReminder(let notice):
            kind = .reminder
            at = notice.sentAt
            reference = notice.session.caseReference.text
            summary = notice.message
            stage = "session"
            session = notice.session.id
        }
    }
}

public struct WireEventReply: Codable, Sendable {
    public var event: WireEvent
}
