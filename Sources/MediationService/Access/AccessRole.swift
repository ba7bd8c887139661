/// What a caller may do, each role including the one before it.
public enum AccessRole: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Medewerkers: read everything a case holds.
    case staff
    /// Bemiddelaars: also register and decide cases, record agreements and the investigation,
    /// and book, move, cancel and complete the sessions they mediate.
    case mediator
    /// Planners: also book, move, cancel and complete every mediator's sessions.
    case planner
    /// Beheerders: also manage mediators and rooms, back up and purge.
    case admin

    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .staff: "staff"
        case .mediator: "mediators"
        case .planner: "planners"
        case .admin: "admins"
        }
    }
}
