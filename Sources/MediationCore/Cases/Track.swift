/// How a complaint is handled once intake has decided.
public enum Track: String, CaseIterable, Sendable, Codable {
    /// Interventie: the office asks the agency to act on short notice.
    case intervention
    /// Bemiddelingsgesprek: a mediator leads a conversation between complainant and agency.
    case mediation
    /// Onderzoek: hoor en wederhoor, ending in a letter or a published report.
    case investigation
    /// Doorverwijzing: the office is not competent and refers the complainant elsewhere.
    case referral
    /// Niet bevoegd: not ours and no referral possible.
    case notCompetent = "not-competent"
}
