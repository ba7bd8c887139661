import MediationCore
import MediationService
import Testing

@Suite("Retention settings")
struct RetentionConfigurationTests {
    let defaults = DaemonConfiguration.defaults(environment: [:])

    private func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration {
        try ConfigurationLoader.parse(text, file: "test.toml", defaults: defaults)
    }

    @Test func anExistingKeepClosedDaysStaysTheTermOfEveryOutcome() throws {
        let days = try parse("[retention]\nkeep_closed_days = 365\n").retention
        for category in OutcomeCategory.allCases {
            #expect(days.rule(for: category) == .destroy(after: RetentionTerm(count: 365, unit: .days)!))
        }
        let never = try parse("[retention]\nkeep_closed_days = 0\n").retention
        #expect(OutcomeCategory.allCases.allSatisfy { never.rule(for: $0) == .keep }, "0 kept everything before, and still does")
        #expect(defaults.retention.rule(for: .investigationReport) == .destroy(after: RetentionTerm(count: 730, unit: .days)!))
    }

    @Test func aRulePerOutcomeOverridesTheTermWhicheverComesFirst() throws {
        let retention = try parse("""
        [retention]
        investigation_report = "keep"
        referral = "1y"
        keep_closed_days = 90
        """).retention
        #expect(retention.rule(for: .investigationReport) == .keep)
        #expect(retention.rule(for: .referral) == .destroy(after: RetentionTerm(count: 1, unit: .years)!))
        #expect(retention.rule(for: .intake) == .destroy(after: RetentionTerm(count: 90, unit: .days)!))
    }

    @Test func aWrongRuleNamesItsKeyAndWhatToWrite() {
        #expect {
            try parse("[retention]\nmediation_agreements = \"bewaren\"\n")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.key == "retention.mediation_agreements" && error?.line == 2 && "\(error!)".contains("\"keep\"")
        }
        #expect(throws: ConfigurationError.self) { try parse("[retention]\nmediation = \"1y\"\n") }
    }

    @Test func rulesReadBackTheSame() throws {
        let configuration = try parse("[retention]\nkeep_closed_days = 0\ninvestigation_letter = \"5y\"\nintake = \"keep\"\n")
        #expect(try parse(configuration.rendered) == configuration)
    }
}
