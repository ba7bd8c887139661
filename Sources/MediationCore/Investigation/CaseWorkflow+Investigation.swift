import Foundation

/// The investigation's rules: questions to one side with a term to answer, the other side's
/// reaction to each answer (hoor en wederhoor), and the conclusion that ends it.
extension CaseWorkflow {
    public func ask(_ record: inout CaseRecord, party: InvestigationQuestion.Party, text: String, term: Term?,
                    now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireOpenInvestigation(record)
        try requireText(text, "the question")
        let today = CalendarDate(now)
        let id = record.numbering.nextQuestion
        record.numbering.nextQuestion += 1
        record.questions.append(InvestigationQuestion(id: id, party: party, text: text, askedOn: today))
        let due = try end(of: term ?? terms.answer, after: today, for: "the answer deadline")
        record.deadlines.append(scheduled(Deadline(kind: .answer, subject: id, due: due), now: now))
        return CaseChange(action: .questionAsked, summary: "question \(id) asked of the \(party.rawValue), answer due \(due)")
    }

    /// Registers a side's answer; the other side then has `reactionTerm` to react.
    public func answer(_ record: inout CaseRecord, question id: Int64, text: String, reactionTerm: Term?,
                       now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireOpenInvestigation(record)
        let index = try questionIndex(record, id)
        guard record.questions[index].answer == nil else { throw .alreadyAnswered(question: id) }
        try requireText(text, "the answer")
        let today = CalendarDate(now)
        record.questions[index].answer = .init(text: text, on: today)
        if let open = record.openDeadlineIndex(.answer, subject: id) { settle(&record, at: open, as: .met, on: today) }
        let due = try end(of: reactionTerm ?? terms.reaction, after: today, for: "the reaction deadline")
        record.deadlines.append(scheduled(Deadline(kind: .reaction, subject: id, due: due), now: now))
        let other = record.questions[index].party.otherSide
        return CaseChange(action: .answerRegistered, summary: "answer to question \(id) registered; the \(other.rawValue)'s reaction due \(due)")
    }

    public func react(_ record: inout CaseRecord, question id: Int64, text: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireOpenInvestigation(record)
        let index = try questionIndex(record, id)
        guard record.questions[index].answer != nil else { throw .notAnswered(question: id) }
        guard record.questions[index].reaction == nil else { throw .alreadyReacted(question: id) }
        try requireText(text, "the reaction")
        let today = CalendarDate(now)
        record.questions[index].reaction = .init(text: text, on: today)
        if let open = record.openDeadlineIndex(.reaction, subject: id) { settle(&record, at: open, as: .met, on: today) }
        return CaseChange(action: .reactionRegistered, summary: "reaction to the answer to question \(id) registered")
    }

    /// Verlenging of a question's open term: the answer's, or once answered, the reaction's.
    public func extendTerm(_ record: inout CaseRecord, question id: Int64, by term: Term, reason: String,
                           now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireOpenInvestigation(record)
        _ = try questionIndex(record, id)
        try requireText(reason, "the reason")
        guard let index = record.openDeadlineIndex(.answer, subject: id) ?? record.openDeadlineIndex(.reaction, subject: id) else {
            throw .noOpenTerm(question: id)
        }
        return try extend(&record, at: index, by: term, reason: reason, now: now)
    }

    /// The judgement meets the investigation's deadline; terms still open lapse.
    public func conclude(_ record: inout CaseRecord, form: InvestigationConclusion.Form, judgement: InvestigationConclusion.Judgement,
                         text: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireOpenInvestigation(record)
        try requireText(text, "the findings")
        let today = CalendarDate(now)
        record.conclusion = InvestigationConclusion(form: form, judgement: judgement, text: text, on: today)
        settleOpenDeadline(&record, as: .met, on: today)
        cancelOpenTerms(&record, on: today)
        return CaseChange(action: .concluded, summary: "investigation concluded by \(form.rawValue): \(judgement.dutch)")
    }

    private func requireOpenInvestigation(_ record: CaseRecord) throws(CaseRuleViolation) {
        try requireChangeable(record)
        guard record.file.decision?.track == .investigation else { throw .notInvestigation(record.file.reference) }
        guard record.conclusion == nil else { throw .concluded(record.file.reference) }
        // Its terms stand still meanwhile; one started now would be moved again on resuming.
        if record.file.suspension != nil { throw .suspended(record.file.reference) }
    }

    private func questionIndex(_ record: CaseRecord, _ id: Int64) throws(CaseRuleViolation) -> Int {
        guard let index = record.questions.firstIndex(where: { $0.id == id }) else { throw .noSuchQuestion(id, record.file.reference) }
        return index
    }
}
