/// Afspraak: what one party agreed to do, made in a mediation session and followed up after it.
public struct Agreement: Sendable, Equatable {
    /// Who is to act on the agreement.
    public enum Party: String, Sendable, Codable, CaseIterable {
        /// De verzoeker: the person who complained.
        case complainant
        /// Het bestuursorgaan: the government body complained about.
        case agency
        /// The ombudsman's office itself (to check, to call back).
        case office
    }

    public enum State: String, Sendable, Codable, CaseIterable {
        case open
        /// Nagekomen.
        case fulfilled
        /// Niet nagekomen: the party did not do what it agreed.
        case breached
    }

    /// Unique across cases, so that `agreement fulfil 12` needs no case reference.
    public let id: Int64
    /// The session in which it was made.
    public let sessionID: Int64
    public var party: Party
    /// The parties' own words. May hold personal data: never logged, anonymised for publication.
    public var text: String
    public var due: CalendarDate?
    public var state: State
    /// Why it was breached, in the mediator's words.
    public var note: String?
    public var settledOn: CalendarDate?

    public init(id: Int64, sessionID: Int64, party: Party, text: String, due: CalendarDate?, state: State = .open,
                note: String? = nil, settledOn: CalendarDate? = nil) {
        self.id = id
        self.sessionID = sessionID
        self.party = party
        self.text = text
        self.due = due
        self.state = state
        self.note = note
        self.settledOn = settledOn
    }
}

/// What the agreement rules need to know of the session an agreement comes from.
public struct SessionOutcome: Sendable, Equatable {
    public let id: Int64
    public let caseReference: CaseReference
    public let state: Session.State
    /// The day it took place, in the office's time zone.
    public let day: CalendarDate

    public init(id: Int64, caseReference: CaseReference, state: Session.State, day: CalendarDate) {
        self.id = id
        self.caseReference = caseReference
        self.state = state
        self.day = day
    }

    public init(_ session: Session) {
        self.init(id: session.id, caseReference: session.caseReference, state: session.state, day: CalendarDate(session.start))
    }
}
