/// The office's selection list (selectielijst) for closed cases: one term for every outcome,
/// and rules that override it for some. The default term is `[retention] keep_closed_days`, so
/// a configuration written before outcomes had rules keeps meaning what it meant.
public struct RetentionSchedule: Hashable, Sendable {
    /// The rule of every category without one of its own; `keep` when no term is set.
    public var standard: RetentionRule
    public var overrides: [OutcomeCategory: RetentionRule]

    public init(standard: RetentionRule, overrides: [OutcomeCategory: RetentionRule] = [:]) {
        self.standard = standard
        self.overrides = overrides
    }

    public func rule(for category: OutcomeCategory) -> RetentionRule {
        overrides[category] ?? standard
    }

    /// Per category to destroy, the last closing day that is due by `today`.
    public func cutOffs(dueBy today: CalendarDate) -> [OutcomeCategory: CalendarDate] {
        var cutOffs: [OutcomeCategory: CalendarDate] = [:]
        for category in OutcomeCategory.allCases {
            if let term = rule(for: category).term { cutOffs[category] = term.lastClosingDay(dueBy: today) }
        }
        return cutOffs
    }
}
