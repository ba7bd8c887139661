import Foundation

/// The rules for agreements: made in a session that took place, due no earlier than that
/// session, followed up until kept or broken. They may be recorded and followed up after the
/// case is closed, since the follow-up (nazorg) outlasts the mediation.
extension CaseWorkflow {
    /// A change to an agreement still open.
    public struct AgreementEdit: Sendable, Equatable {
        public var party: Agreement.Party?
        public var text: String?
        /// `.some(nil)` removes the due date.
        public var due: CalendarDate??

        public init(party: Agreement.Party? = nil, text: String? = nil, due: CalendarDate?? = nil) {
            self.party = party
            self.text = text
            self.due = due
        }

        var isEmpty: Bool { party == nil && text == nil && due == nil }
    }

    public func addAgreement(_ record: inout CaseRecord, session: SessionOutcome, party: Agreement.Party, text: String,
                             due: CalendarDate?, now: Date) throws(CaseRuleViolation) -> CaseChange {
        let reference = record.file.reference
        guard session.caseReference == reference else { throw .sessionOfAnotherCase(session: session.id, session.caseReference) }
        guard session.state == .held || session.state == .settled else { throw .sessionNotHeld(session: session.id, session.state) }
        try requireText(text, "the agreement's text")
        if let due, due < session.day { throw .dueBeforeSession(due: due, session: session.day) }
        let id = record.numbering.nextAgreement
        record.numbering.nextAgreement += 1
        record.agreements.append(Agreement(id: id, sessionID: session.id, party: party, text: text, due: due))
        var summary = "agreement \(id) made in session \(session.id): \(party.rawValue)"
        if let due {
            record.deadlines.append(scheduled(Deadline(kind: .agreement, subject: id, due: due), now: now))
            summary += ", due \(due)"
        }
        return CaseChange(action: .agreementAdded, summary: summary)
    }

    public func editAgreement(_ record: inout CaseRecord, id: Int64, _ edit: AgreementEdit, session: SessionOutcome,
                              now: Date) throws(CaseRuleViolation) -> CaseChange {
        let index = try openAgreementIndex(record, id)
        guard !edit.isEmpty else { throw .nothingToEdit }
        var agreement = record.agreements[index]
        var changed: [String] = []
        if let party = edit.party, party != agreement.party {
            agreement.party = party
            changed.append("party \(party.rawValue)")
        }
        if let text = edit.text {
            try requireText(text, "the agreement's text")
            agreement.text = text
            changed.append("text")
        }
        if let due = edit.due, due != agreement.due {
            if let due, due < session.day { throw .dueBeforeSession(due: due, session: session.day) }
            agreement.due = due
            if let deadline = record.openDeadlineIndex(.agreement, subject: id) {
                settle(&record, at: deadline, as: .cancelled, on: CalendarDate(now))
            }
            if let due { record.deadlines.append(scheduled(Deadline(kind: .agreement, subject: id, due: due), now: now)) }
            changed.append(due.map { "due \($0)" } ?? "no due date")
        }
        record.agreements[index] = agreement
        return CaseChange(action: .agreementEdited, summary: "agreement \(id) changed: " + (changed.isEmpty ? "nothing" : changed.joined(separator: ", ")))
    }

    /// Nagekomen: the party did what it agreed.
    public func fulfilAgreement(_ record: inout CaseRecord, id: Int64, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try settleAgreement(&record, id: id, as: .fulfilled, note: nil, deadline: .met, now: now)
        return CaseChange(action: .agreementFulfilled, summary: "agreement \(id) fulfilled")
    }

    /// Niet nagekomen: recorded with the mediator's note; no further reminders.
    public func breachAgreement(_ record: inout CaseRecord, id: Int64, note: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireText(note, "the note")
        try settleAgreement(&record, id: id, as: .breached, note: note, deadline: .cancelled, now: now)
        return CaseChange(action: .agreementBreached, summary: "agreement \(id) breached")
    }

    private func settleAgreement(_ record: inout CaseRecord, id: Int64, as state: Agreement.State, note: String?,
                                 deadline: Deadline.State, now: Date) throws(CaseRuleViolation) {
        let index = try openAgreementIndex(record, id)
        let today = CalendarDate(now)
        record.agreements[index].state = state
        record.agreements[index].note = note
        record.agreements[index].settledOn = today
        if let open = record.openDeadlineIndex(.agreement, subject: id) {
            settle(&record, at: open, as: deadline, on: today)
        }
    }

    private func openAgreementIndex(_ record: CaseRecord, _ id: Int64) throws(CaseRuleViolation) -> Int {
        guard let index = record.agreements.firstIndex(where: { $0.id == id }) else { throw .noSuchAgreement(id, record.file.reference) }
        let state = record.agreements[index].state
        guard state == .open else { throw .agreementSettled(id, state) }
        return index
    }
}
