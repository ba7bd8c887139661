import MediationCore
import Testing

@Suite("Retention schedule")
struct RetentionScheduleTests {
    private func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func theCategoryComesFromTheTrackAgreementsAndConclusionOnly() {
        #expect(OutcomeCategory(track: nil, agreements: 0, conclusion: nil) == .intake)
        #expect(OutcomeCategory(track: .referral, agreements: 0, conclusion: nil) == .referral)
        #expect(OutcomeCategory(track: .notCompetent, agreements: 0, conclusion: nil) == .notCompetent)
        #expect(OutcomeCategory(track: .intervention, agreements: 0, conclusion: nil) == .intervention)
        #expect(OutcomeCategory(track: .mediation, agreements: 2, conclusion: nil) == .mediationWithAgreements)
        #expect(OutcomeCategory(track: .mediation, agreements: 0, conclusion: nil) == .mediationWithoutAgreements)
        #expect(OutcomeCategory(track: .investigation, agreements: 0, conclusion: .report) == .investigationReport)
        #expect(OutcomeCategory(track: .investigation, agreements: 0, conclusion: .letter) == .investigationLetter)
        #expect(OutcomeCategory(track: .investigation, agreements: 0, conclusion: nil) == .investigationUnconcluded)
    }

    @Test func termsReadAsDaysWeeksOrYears() {
        #expect(RetentionTerm("730d") == RetentionTerm(count: 730, unit: .days))
        #expect(RetentionTerm("2w")?.description == "14d")
        #expect(RetentionTerm("5y")?.description == "5y")
        for wrong in ["", "d", "0d", "-5d", "+5d", "5", "5m", " 5d", "101y", "36501d", "9999999999999999w"] {
            #expect(RetentionTerm(wrong) == nil, "\(wrong)")
        }
        #expect(RetentionRule("keep") == .keep)
        #expect(RetentionRule("2y") == .destroy(after: RetentionTerm(count: 2, unit: .years)!))
        #expect(RetentionRule("bewaren") == nil)
    }

    @Test func theCutOffIsTheLastClosingDayWhoseTermHasPassed() {
        #expect(RetentionTerm("730d")!.lastClosingDay(dueBy: day("2026-03-01")) == day("2024-03-01"))
        #expect(RetentionTerm("5y")!.lastClosingDay(dueBy: day("2026-03-01")) == day("2021-03-01"))
        #expect(RetentionTerm("1y")!.lastClosingDay(dueBy: day("2025-02-28")) == day("2024-02-28"), "a case closed on 29 Feb 2024 is due a day later")
        #expect(RetentionTerm("1y")!.lastClosingDay(dueBy: day("2024-02-29")) == day("2023-02-28"))
    }

    @Test func overridesReplaceTheStandardRuleForTheirCategoryOnly() {
        let schedule = RetentionSchedule(standard: .destroy(after: RetentionTerm("730d")!),
                                         overrides: [.investigationReport: .keep, .referral: .destroy(after: RetentionTerm("1y")!)])
        let cutOffs = schedule.cutOffs(dueBy: day("2026-06-15"))
        #expect(cutOffs[.investigationReport] == nil, "kept for good: never listed")
        #expect(cutOffs[.referral] == day("2025-06-15"))
        #expect(cutOffs[.intake] == day("2024-06-15"))
        #expect(RetentionSchedule(standard: .keep).cutOffs(dueBy: day("2026-06-15")).isEmpty)
    }
}
