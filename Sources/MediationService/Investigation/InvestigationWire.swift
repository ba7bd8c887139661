import Foundation
import MediationCore

/// `io.mediationd.Investigation` on the wire, shared by the daemon and mediationctl.
public struct WireReply: Codable, Sendable, Equatable {
    public var text: String
    public var on: String

    init(_ reply: InvestigationQuestion.Reply) {
        text = reply.text
        on = reply.on.description
    }
}

/// The term a question waits on: the answer's, then the reaction's.
public struct WireTerm: Codable, Sendable, Equatable {
    /// "answer" or "reaction".
    public var kind: String
    public var due: String
    public var overdue: Bool
}

public struct WireQuestion: Codable, Sendable, Equatable {
    public var id: Int64
    public var party: InvestigationQuestion.Party
    public var text: String
    public var askedOn: String
    public var answer: WireReply?
    public var reaction: WireReply?
    public var openTerm: WireTerm?

    init(_ question: InvestigationQuestion, record: CaseRecord, today: CalendarDate) {
        id = question.id
        party = question.party
        text = question.text
        askedOn = question.askedOn.description
        answer = question.answer.map(WireReply.init)
        reaction = question.reaction.map(WireReply.init)
        let open = record.deadlines.last { $0.state == .open && $0.subject == question.id && ($0.kind == .answer || $0.kind == .reaction) }
        openTerm = open.map { WireTerm(kind: $0.kind.rawValue, due: $0.due.description, overdue: $0.isOverdue(on: today)) }
    }
}

public enum WireJudgement: String, Codable, Sendable, CaseIterable {
    case proper, improper
    case partlyImproper = "partly_improper"

    public init(_ judgement: InvestigationConclusion.Judgement) {
        self = switch judgement {
        case .proper: .proper
        case .improper: .improper
        case .partlyImproper: .partlyImproper
        }
    }

    public var judgement: InvestigationConclusion.Judgement {
        switch self {
        case .proper: .proper
        case .improper: .improper
        case .partlyImproper: .partlyImproper
        }
    }
}

public struct WireConclusion: Codable, Sendable, Equatable {
    public var form: InvestigationConclusion.Form
    public var judgement: WireJudgement
    public var text: String
    public var on: String

    init(_ conclusion: InvestigationConclusion) {
        form = conclusion.form
        judgement = WireJudgement(conclusion.judgement)
        text = conclusion.text
        on = conclusion.on.description
    }
}

public struct WireQuestionReply: Codable, Sendable {
    public var question: WireQuestion
}

public struct WireConclusionReply: Codable, Sendable {
    public var conclusion: WireConclusion
}

public struct WireInvestigation: Codable, Sendable {
    public var reference: String
    public var questions: [WireQuestion]
    public var conclusion: WireConclusion?

    init(_ record: CaseRecord, today: CalendarDate) {
        reference = record.file.reference.text
        questions = record.questions.map { WireQuestion($0, record: record, today: today) }
        conclusion = record.conclusion.map(WireConclusion.init)
    }
}
