/// Which step of the process a deadline belongs to: the intake, or the track decided on.
public enum DeadlineKind: Hashable, Sendable, CustomStringConvertible {
    /// Within three weeks the complainant hears how the complaint will be handled.
    case intake
    case track(Track)

    public static let allCases: [DeadlineKind] = [.intake] + Track.allCases.map { .track($0) }

    public init?(rawValue: String) {
        if rawValue == "intake" { self = .intake; return }
        guard let track = Track(rawValue: rawValue) else { return nil }
        self = .track(track)
    }

    public var rawValue: String {
        switch self {
        case .intake: "intake"
        case .track(let track): track.rawValue
        }
    }

    public var description: String { rawValue }

    /// What meeting the deadline takes, in the words a reminder uses.
    public var duty: String {
        switch self {
        case .intake: "decide how the complaint is handled (intake)"
        case .track(.intervention): "have the agency's answer to the intervention"
        case .track(.mediation): "hold the mediation session"
        case .track(.investigation): "conclude the investigation"
        case .track(.referral): "complete the referral"
        case .track(.notCompetent): "inform the complainant that the office is not competent"
        }
    }
}
