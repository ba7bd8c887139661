/// How an investigation ends: the office's judgement on the agency's conduct, sent as a letter
/// or published as a report (rapport).
public struct InvestigationConclusion: Sendable, Equatable {
    public enum Form: String, Sendable, Codable, CaseIterable {
        /// A letter to both sides, for a simple case.
        case letter
        /// A full report with findings, usually published.
        case report
    }

    /// The ombudsman's verdict on whether the agency acted properly (behoorlijk).
    public enum Judgement: String, Sendable, Codable, CaseIterable {
        /// Behoorlijk.
        case proper
        /// Niet behoorlijk.
        case improper
        /// Deels niet behoorlijk.
        case partlyImproper = "partly-improper"

        /// The words the office writes.
        public var dutch: String {
            switch self {
            case .proper: "behoorlijk"
            case .improper: "niet behoorlijk"
            case .partlyImproper: "deels niet behoorlijk"
            }
        }
    }

    public let form: Form
    public let judgement: Judgement
    /// The findings and reasoning, in the office's words.
    public let text: String
    public let on: CalendarDate

    public init(form: Form, judgement: Judgement, text: String, on: CalendarDate) {
        self.form = form
        self.judgement = judgement
        self.text = text
        self.on = on
    }
}
