import Foundation
import MediationCore

/// Puts a stored case into a document's words: Dutch, as the letters go to the parties.
struct CaseDocumentBuilder {
    /// The office's own name, for the agreements it takes on itself.
    static let office = "de Nationale ombudsman"

    let record: CaseRecord
    /// The case's sessions, any state; only those that took place are shown.
    let sessions: [Session]
    /// Display names by login.
    let mediators: [String: String]
    let today: CalendarDate

    var document: CaseDocument {
        let file = record.file
        let held = sessions.filter { $0.state == .held || $0.state == .settled }.sorted { $0.start < $1.start }
        return CaseDocument(
            reference: file.reference.text, agency: file.agency, subject: file.subject, complainant: file.complainant.name,
            date: today.description,
            sessions: held.map(sessionPart),
            agreements: record.agreements.map(agreementPart),
            questions: record.questions.map(questionPart),
            conclusion: record.conclusion.map(conclusionPart))
    }

    private func sessionPart(_ session: Session) -> CaseDocument.SessionPart {
        let start = LocalDateTime(session.start)
        let end = LocalDateTime(session.end)
        return CaseDocument.SessionPart(
            date: start.date.description, time: "\(start.time)–\(end.time)",
            mediator: mediators[session.mediator] ?? session.mediator, place: session.place,
            outcome: session.state == .settled ? "geschikt vóór het gesprek" : "gehouden")
    }

    private func agreementPart(_ agreement: Agreement) -> CaseDocument.AgreementPart {
        let state = switch agreement.state {
        case .open: "open"
        case .fulfilled: "nagekomen op \(agreement.settledOn?.description ?? "")"
        case .breached: "niet nagekomen (vastgesteld op \(agreement.settledOn?.description ?? ""))"
        }
        return CaseDocument.AgreementPart(
            number: agreement.id, party: name(of: agreement.party), text: agreement.text, due: agreement.due?.description,
            state: state, note: agreement.note)
    }

    private func questionPart(_ question: InvestigationQuestion) -> CaseDocument.QuestionPart {
        CaseDocument.QuestionPart(
            number: question.id, party: name(of: question.party), text: question.text, askedOn: question.askedOn.description,
            answer: question.answer?.text, answeredOn: question.answer?.on.description,
            reactingParty: name(of: question.party.otherSide),
            reaction: question.reaction?.text, reactedOn: question.reaction?.on.description)
    }

    private func conclusionPart(_ conclusion: InvestigationConclusion) -> CaseDocument.ConclusionPart {
        CaseDocument.ConclusionPart(
            form: conclusion.form == .letter ? "Brief" : "Rapport", judgement: conclusion.judgement.dutch, text: conclusion.text,
            date: conclusion.on.description)
    }

    private func name(of party: Agreement.Party) -> String {
        switch party {
        case .complainant: record.file.complainant.name
        case .agency: record.file.agency
        case .office: Self.office
        }
    }

    private func name(of party: InvestigationQuestion.Party) -> String {
        party == .complainant ? record.file.complainant.name : record.file.agency
    }
}
