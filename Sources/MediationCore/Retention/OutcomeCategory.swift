/// How a case ended, as the selection list (selectielijst) sorts closed cases for how long they
/// are kept. Derived from facts that survive the erasure of personal data (the track, whether
/// agreements were made, the form of a conclusion) and never from the closing text, which the
/// erasure removes: a purged case keeps its category, so statistics and later lists agree.
public enum OutcomeCategory: String, CaseIterable, Sendable, Codable, Comparable {
    /// Afgesloten bij intake: closed before a track was decided (withdrawn, inadmissible).
    case intake
    /// Doorverwijzing: referred to another body.
    case referral
    /// Niet bevoegd: not the office's to handle and no body to refer to.
    case notCompetent = "not_competent"
    /// Interventie: the office asked the agency to act on short notice.
    case intervention
    /// Bemiddeling met afspraken: a mediation in which the parties made agreements.
    case mediationWithAgreements = "mediation_agreements"
    /// Bemiddeling zonder afspraken: a mediation that ended without agreements.
    case mediationWithoutAgreements = "mediation_no_agreements"
    /// Onderzoek met rapport: an investigation concluded with a (published) report.
    case investigationReport = "investigation_report"
    /// Onderzoek met brief: an investigation concluded with a letter.
    case investigationLetter = "investigation_letter"
    /// Onderzoek niet afgerond: an investigation closed without a conclusion.
    case investigationUnconcluded = "investigation_unconcluded"

    /// The one rule that sorts a closed case.
    public init(track: Track?, agreements: Int, conclusion: InvestigationConclusion.Form?) {
        switch track {
        case nil: self = .intake
        case .referral?: self = .referral
        case .notCompetent?: self = .notCompetent
        case .intervention?: self = .intervention
        case .mediation?: self = agreements > 0 ? .mediationWithAgreements : .mediationWithoutAgreements
        case .investigation?:
            switch conclusion {
            case .report?: self = .investigationReport
            case .letter?: self = .investigationLetter
            case nil: self = .investigationUnconcluded
            }
        }
    }

    /// The order of `allCases`, so lists and settings print the same way each time.
    public static func < (lhs: OutcomeCategory, rhs: OutcomeCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
