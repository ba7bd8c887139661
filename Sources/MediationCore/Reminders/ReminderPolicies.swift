/// The reminder policy for each kind of deadline: one for all, with the kinds the office wants
/// reminded differently overridden.
public struct ReminderPolicies: Sendable, Equatable {
    public var standard: ReminderPolicy
    public var overrides: [DeadlineKind: ReminderPolicy]

    public init(standard: ReminderPolicy = .standard, overrides: [DeadlineKind: ReminderPolicy] = [:]) {
        self.standard = standard
        self.overrides = overrides
    }

    public func policy(for kind: DeadlineKind) -> ReminderPolicy {
        overrides[kind] ?? standard
    }
}
