/// Which step a deadline belongs to: the process's own (the intake, then the track decided on),
/// or an obligation that arose in it (an agreement's due date, an investigation's answer and
/// reaction terms).
public enum DeadlineKind: Hashable, Sendable, CustomStringConvertible {
    /// Within three weeks the complainant hears how the complaint will be handled.
    case intake
    case track(Track)
    /// Afspraak: what a party agreed to do by a date, after a mediation session.
    case agreement
    /// The term a party has to answer the office's question in an investigation.
    case answer
    /// Wederhoor: the term the other side has to react to that answer.
    case reaction

    public static let allCases: [DeadlineKind] = [.intake] + Track.allCases.map { .track($0) } + [.agreement, .answer, .reaction]

    public init?(rawValue: String) {
        switch rawValue {
        case "intake": self = .intake
        case "agreement": self = .agreement
        case "answer": self = .answer
        case "reaction": self = .reaction
        default:
            guard let track = Track(rawValue: rawValue) else { return nil }
            self = .track(track)
        }
    }

    public var rawValue: String {
        switch self {
        case .intake: "intake"
        case .track(let track): track.rawValue
        case .agreement: "agreement"
        case .answer: "answer"
        case .reaction: "reaction"
        }
    }

    public var description: String { rawValue }

    /// The intake's and the track's deadlines are the process's: one open at a time, the one a
    /// case list filters on and `case extend` moves. Obligations come beside them, any number.
    public var isProcessStep: Bool {
        switch self {
        case .intake, .track: true
        case .agreement, .answer, .reaction: false
        }
    }

    /// The office's own terms stand still while a case is suspended; a date the parties agreed
    /// on is theirs and stays.
    public var standsStillWhileSuspended: Bool { self != .agreement }

    /// What meeting the deadline takes, in the words a reminder uses.
    public var duty: String {
        switch self {
        case .intake: "decide how the complaint is handled (intake)"
        case .track(.intervention): "have the agency's answer to the intervention"
        case .track(.mediation): "hold the mediation session"
        case .track(.investigation): "conclude the investigation"
        case .track(.referral): "complete the referral"
        case .track(.notCompetent): "inform the complainant that the office is not competent"
        case .agreement: "check with the parties that the agreement is kept, and record it"
        case .answer: "have the party's answer to the question"
        case .reaction: "have the other side's reaction to the answer"
        }
    }
}
