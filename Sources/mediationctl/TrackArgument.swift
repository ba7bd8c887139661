import ArgumentParser
import MediationService

/// A track as staff type it. The wire spells `not_competent` because Varlink enum values cannot
/// contain `-`; people, the deadline kinds and the design all say `not-competent`.
enum TrackArgument: String, CaseIterable, ExpressibleByArgument {
    case intervention, mediation, investigation, referral
    case notCompetent = "not-competent"

    init(_ wire: WireTrack) {
        self = switch wire {
        case .intervention: .intervention
        case .mediation: .mediation
        case .investigation: .investigation
        case .referral: .referral
        case .notCompetent: .notCompetent
        }
    }

    var wire: WireTrack {
        switch self {
        case .intervention: .intervention
        case .mediation: .mediation
        case .investigation: .investigation
        case .referral: .referral
        case .notCompetent: .notCompetent
        }
    }

    /// The name the office uses on its letters and in its leaflet.
    var dutch: String {
        switch self {
        case .intervention: "interventie"
        case .mediation: "bemiddelingsgesprek"
        case .investigation: "onderzoek"
        case .referral: "doorverwijzing"
        case .notCompetent: "niet bevoegd"
        }
    }

    /// For --help: each value with its Dutch name, one a line.
    static var valueList: String {
        allCases.map { "  \($0.rawValue.padded(toWidth: 14)) \($0.dutch)" }.joined(separator: "\n")
    }
}

extension WireTrack {
    /// How tables print a track: as it is typed on the command line.
    var label: String { TrackArgument(self).rawValue }
}

extension WireCaseStatus {
    var label: String {
        switch self {
        case .intake: "intake"
        case .inTrack: "in track"
        case .suspended: "suspended"
        case .closed: "closed"
        }
    }
}
