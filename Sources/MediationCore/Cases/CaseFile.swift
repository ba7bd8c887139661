/// A complaint as the office keeps it (dossier): who complains about which agency, and where it
/// stands in the process.
public struct CaseFile: Sendable, Equatable {
    public let reference: CaseReference
    /// The day the complaint came in; the intake term runs from it.
    public let received: CalendarDate
    /// The government body (bestuursorgaan) the complaint is about.
    public var agency: String
    public var subject: String
    /// Kept for letters; never written to the journal.
    public var complainant: Complainant
    public var decision: TrackDecision?
    public var suspension: Suspension?
    public var closure: Closure?

    public init(reference: CaseReference, received: CalendarDate, agency: String, subject: String, complainant: Complainant,
                decision: TrackDecision? = nil, suspension: Suspension? = nil, closure: Closure? = nil) {
        self.reference = reference
        self.received = received
        self.agency = agency
        self.subject = subject
        self.complainant = complainant
        self.decision = decision
        self.suspension = suspension
        self.closure = closure
    }

    public var status: CaseStatus {
        if closure != nil { return .closed }
        if suspension != nil { return .suspended }
        return decision == nil ? .intake : .inTrack
    }
}

public enum CaseStatus: String, Sendable, Codable {
    case intake
    case inTrack = "in-track"
    /// Opgeschort: the clock stands still.
    case suspended
    case closed
}

/// The person who complained. Personal data: stored for letters, shown to staff who ask for the
/// case, never logged.
public struct Complainant: Sendable, Equatable, Codable {
    public var name: String
    /// An address, phone number or e-mail address, as the complainant gave it.
    public var contact: String

    public init(name: String, contact: String) {
        self.name = name
        self.contact = contact
    }
}

public struct TrackDecision: Sendable, Equatable {
    public let track: Track
    public let reason: String
    /// For a referral: the body the complainant is referred to.
    public let referredTo: String?
    public let decidedOn: CalendarDate

    public init(track: Track, reason: String, referredTo: String?, decidedOn: CalendarDate) {
        self.track = track
        self.reason = reason
        self.referredTo = referredTo
        self.decidedOn = decidedOn
    }
}

/// Opschorting: while the office waits for something, the case's terms stand still.
public struct Suspension: Sendable, Equatable {
    public let since: CalendarDate
    public let reason: String

    public init(since: CalendarDate, reason: String) {
        self.since = since
        self.reason = reason
    }
}

public struct Closure: Sendable, Equatable {
    public let on: CalendarDate
    public let outcome: String

    public init(on: CalendarDate, outcome: String) {
        self.on = on
        self.outcome = outcome
    }
}
