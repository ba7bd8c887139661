import Foundation
import MediationCore

/// What a document says about a case, as text the templates place: built from the stored case,
/// its sessions and mediators, and turned anonymous for publication as a whole.
public struct CaseDocument: Sendable, Equatable {
    public struct SessionPart: Sendable, Equatable {
        public var date: String
        public var time: String
        public var mediator: String
        public var place: String
        public var outcome: String
    }

    public struct AgreementPart: Sendable, Equatable {
        public var number: Int64
        /// Who acts on it, by name (the complainant's, the agency's, the office's).
        public var party: String
        public var text: String
        public var due: String?
        public var state: String
        public var note: String?
    }

    public struct QuestionPart: Sendable, Equatable {
        public var number: Int64
        public var party: String
        public var text: String
        public var askedOn: String
        public var answer: String?
        public var answeredOn: String?
        /// Who reacts: the other side.
        public var reactingParty: String
        public var reaction: String?
        public var reactedOn: String?
    }

    public struct ConclusionPart: Sendable, Equatable {
        /// "Brief" or "Rapport".
        public var form: String
        public var judgement: String
        public var text: String
        public var date: String
    }

    public var reference: String
    public var agency: String
    public var subject: String
    public var complainant: String
    /// The day the document was drawn up.
    public var date: String
    public var sessions: [SessionPart]
    public var agreements: [AgreementPart]
    public var questions: [QuestionPart]
    public var conclusion: ConclusionPart?
    /// Set on the publishable version.
    public var anonymised = false

    /// The values as Mustache sees them; optional parts are absent rather than empty, so a
    /// template can test them with {{#due}} … {{/due}}.
    var context: [String: Any] {
        var context: [String: Any] = [
            "reference": reference, "agency": agency, "subject": subject, "complainant": complainant, "date": date,
            "anonymised": anonymised, "mediators": mediatorNames,
            "sessions": sessions.map { ["date": $0.date, "time": $0.time, "mediator": $0.mediator, "place": $0.place, "outcome": $0.outcome] },
            "hasAgreements": !agreements.isEmpty,
            "agreements": agreements.map { agreement -> [String: Any] in
                var part: [String: Any] = ["number": agreement.number, "party": agreement.party, "text": agreement.text, "state": agreement.state]
                if let due = agreement.due { part["due"] = due }
                if let note = agreement.note { part["note"] = note }
                return part
            },
            "hasQuestions": !questions.isEmpty,
            "questions": questions.map { question -> [String: Any] in
                var part: [String: Any] = ["number": question.number, "party": question.party, "text": question.text,
                                           "askedOn": question.askedOn, "reactingParty": question.reactingParty]
                if let answer = question.answer { part["answer"] = answer; part["answeredOn"] = question.answeredOn ?? "" }
                if let reaction = question.reaction { part["reaction"] = reaction; part["reactedOn"] = question.reactedOn ?? "" }
                return part
            },
        ]
        if let conclusion {
            context["conclusion"] = ["form": conclusion.form, "judgement": conclusion.judgement, "text": conclusion.text, "date": conclusion.date]
        }
        return context
    }

    /// Who mediated, each once, in order of first session.
    public var mediatorNames: String {
        var seen: [String] = []
        for session in sessions where !seen.contains(session.mediator) { seen.append(session.mediator) }
        return seen.joined(separator: ", ")
    }

    /// Every text a person wrote or a name stands in, for the anonymiser to go over.
    mutating func transformTexts(_ transform: (String) -> String) {
        // The agency (also as a party) and the place are typed in too, and may carry an official's
        // name or number.
        agency = transform(agency)
        subject = transform(subject)
        for index in sessions.indices { sessions[index].place = transform(sessions[index].place) }
        for index in agreements.indices {
            agreements[index].party = transform(agreements[index].party)
            agreements[index].text = transform(agreements[index].text)
            agreements[index].note = agreements[index].note.map(transform)
        }
        for index in questions.indices {
            questions[index].party = transform(questions[index].party)
            questions[index].reactingParty = transform(questions[index].reactingParty)
            questions[index].text = transform(questions[index].text)
            questions[index].answer = questions[index].answer.map(transform)
            questions[index].reaction = questions[index].reaction.map(transform)
        }
        if let text = conclusion?.text { conclusion?.text = transform(text) }
    }
}
