/// The Unix groups that give each role, by name, as `[access]` in the configuration names them.
public struct AccessGroups: Sendable, Equatable {
    public var staff: String
    public var mediators: String
    public var planners: String
    public var admins: String

    public init(staff: String = "mediation-staff", mediators: String = "mediation-mediators", planners: String = "mediation-planners",
                admins: String = "mediation-admins") {
        self.staff = staff
        self.mediators = mediators
        self.planners = planners
        self.admins = admins
    }

    func name(for role: AccessRole) -> String {
        switch role {
        case .staff: staff
        case .mediator: mediators
        case .planner: planners
        case .admin: admins
        }
    }
}
