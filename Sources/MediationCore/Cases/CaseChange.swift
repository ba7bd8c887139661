/// One entry of a case's history: what was done, in words without personal data, since it is
/// also streamed to `mediationctl watch`.
public struct CaseChange: Sendable, Equatable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case registered, decided, suspended, resumed, extended, closed
        case agreementAdded = "agreement-added", agreementEdited = "agreement-edited"
        case agreementFulfilled = "agreement-fulfilled", agreementBreached = "agreement-breached"
        case questionAsked = "question-asked", answerRegistered = "answer-registered", reactionRegistered = "reaction-registered"
        case concluded
    }

    public let action: Action
    public let summary: String

    public init(action: Action, summary: String) {
        self.action = action
        self.summary = summary
    }
}
