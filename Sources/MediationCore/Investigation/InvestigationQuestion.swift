/// A question the office puts to one side in an investigation (onderzoek), its answer, and the
/// other side's reaction to that answer (hoor en wederhoor).
public struct InvestigationQuestion: Sendable, Equatable {
    /// The two sides that are heard.
    public enum Party: String, Sendable, Codable, CaseIterable {
        case complainant
        case agency

        /// Wederhoor: who reacts to what this side answered.
        public var otherSide: Party { self == .complainant ? .agency : .complainant }
    }

    /// A side's written contribution: the answer, or the reaction to it.
    public struct Reply: Sendable, Equatable {
        public let text: String
        public let on: CalendarDate

        public init(text: String, on: CalendarDate) {
            self.text = text
            self.on = on
        }
    }

    /// Unique across cases, like agreements.
    public let id: Int64
    public let party: Party
    public let text: String
    public let askedOn: CalendarDate
    public var answer: Reply?
    public var reaction: Reply?

    public init(id: Int64, party: Party, text: String, askedOn: CalendarDate, answer: Reply? = nil, reaction: Reply? = nil) {
        self.id = id
        self.party = party
        self.text = text
        self.askedOn = askedOn
        self.answer = answer
        self.reaction = reaction
    }
}
