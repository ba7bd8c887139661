import Foundation
import MediationCore
import Testing

@Suite("Agreements")
struct AgreementWorkflowTests {
    let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())
    let reference = CaseReference("2026-0007")!

    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    private func noon(_ text: String) -> Date { LocalTime(hour: 12, minute: 0)!.instant(on: date(text)) }

    /// A mediation case whose session 4 took place on Tuesday 12 May 2026.
    private func mediated() throws -> CaseRecord {
        var record = try workflow.register(
            reference: reference, received: date("2026-04-06"), agency: "UWV", subject: "Uitkering te laat",
            complainant: Complainant(name: "Fatima el Amrani", contact: "fatima@example.nl"), now: noon("2026-04-07")).0
        _ = try workflow.decide(&record, track: .mediation, reason: "talk", referredTo: nil, now: noon("2026-04-08"))
        return record
    }

    private func session(_ state: Session.State = .held, id: Int64 = 4, of reference: CaseReference? = nil, on day: String = "2026-05-12") -> SessionOutcome {
        SessionOutcome(id: id, caseReference: reference ?? self.reference, state: state, day: date(day))
    }

    @Test func anAgreementWithADueDateIsADeadlineWithReminders() throws {
        var record = try mediated()
        let change = try workflow.addAgreement(&record, session: session(), party: .agency, text: "Pays the arrears", due: date("2026-05-29"), now: noon("2026-05-12"))
        #expect(change.action == .agreementAdded)
        #expect(change.summary == "agreement 1 made in session 4: agency, due 2026-05-29")
        #expect(!change.summary.contains("arrears"), "the parties' words stay out of the history, which watch streams")
        let agreement = try #require(record.agreements.first)
        #expect(agreement.id == 1 && agreement.state == .open && agreement.sessionID == 4)
        #expect(record.numbering.nextAgreement == 2)
        let deadline = try #require(record.deadlines.last)
        #expect(deadline.kind == .agreement && deadline.subject == 1 && deadline.due == date("2026-05-29"))
        // Reminded like every deadline: first five working days before the due date.
        #expect(deadline.nextReminder?.stage == .upcoming(workingDaysLeft: 5))
        #expect(deadline.nextReminder.map { $0.date < date("2026-05-29") } == true)
        #expect(record.openDeadline?.kind == .track(.mediation), "the process's own deadline is still the mediation's")
    }

    @Test func withoutADueDateThereIsNoDeadline() throws {
        var record = try mediated()
        _ = try workflow.addAgreement(&record, session: session(.settled), party: .office, text: "Calls back", due: nil, now: noon("2026-05-12"))
        #expect(record.deadlines.filter { $0.kind == .agreement }.isEmpty)
        #expect(record.agreements.count == 1)
    }

    @Test func onlyASessionThatTookPlaceOfTheSameCaseGivesAgreements() throws {
        var record = try mediated()
        for state in [Session.State.scheduled, .cancelled, .noShow] {
            #expect(throws: CaseRuleViolation.sessionNotHeld(session: 4, state)) {
                try workflow.addAgreement(&record, session: session(state), party: .agency, text: "t", due: nil, now: noon("2026-05-12"))
            }
        }
        let other = CaseReference("2026-0099")!
        #expect(throws: CaseRuleViolation.sessionOfAnotherCase(session: 5, other)) {
            try workflow.addAgreement(&record, session: session(id: 5, of: other), party: .agency, text: "t", due: nil, now: noon("2026-05-12"))
        }
        #expect(throws: CaseRuleViolation.dueBeforeSession(due: date("2026-05-11"), session: date("2026-05-12"))) {
            try workflow.addAgreement(&record, session: session(), party: .agency, text: "t", due: date("2026-05-11"), now: noon("2026-05-12"))
        }
        #expect(throws: CaseRuleViolation.emptyText(field: "the agreement's text")) {
            try workflow.addAgreement(&record, session: session(), party: .agency, text: " \n", due: nil, now: noon("2026-05-12"))
        }
        #expect(record.agreements.isEmpty && record.numbering.nextAgreement == 1, "a refusal changes nothing")
    }

    @Test func fulfillingMeetsTheDeadlineAndBreachingCancelsIt() throws {
        var record = try mediated()
        _ = try workflow.addAgreement(&record, session: session(), party: .agency, text: "a", due: date("2026-05-29"), now: noon("2026-05-12"))
        _ = try workflow.addAgreement(&record, session: session(), party: .complainant, text: "b", due: date("2026-06-05"), now: noon("2026-05-12"))
        _ = try workflow.fulfilAgreement(&record, id: 1, now: noon("2026-05-20"))
        let change = try workflow.breachAgreement(&record, id: 2, note: "did not send the papers", now: noon("2026-06-08"))
        #expect(change.summary == "agreement 2 breached")
        #expect(record.agreements.map(\.state) == [.fulfilled, .breached])
        #expect(record.agreements[1].note == "did not send the papers" && record.agreements[1].settledOn == date("2026-06-08"))
        let deadlines = record.deadlines.filter { $0.kind == .agreement }
        #expect(deadlines.map(\.state) == [.met, .cancelled])
        #expect(deadlines.allSatisfy { $0.nextReminder == nil }, "no reminders once settled")
        #expect(throws: CaseRuleViolation.agreementSettled(1, .fulfilled)) {
            try workflow.breachAgreement(&record, id: 1, note: "n", now: noon("2026-06-08"))
        }
        #expect(throws: CaseRuleViolation.emptyText(field: "the note")) {
            try workflow.addAgreement(&record, session: session(), party: .agency, text: "c", due: nil, now: noon("2026-05-12"))
            return try workflow.breachAgreement(&record, id: 3, note: "", now: noon("2026-06-08"))
        }
        #expect(throws: CaseRuleViolation.noSuchAgreement(9, reference)) {
            try workflow.fulfilAgreement(&record, id: 9, now: noon("2026-06-08"))
        }
    }

    @Test func editingTheDueDateReschedulesItsReminders() throws {
        var record = try mediated()
        _ = try workflow.addAgreement(&record, session: session(), party: .agency, text: "a", due: date("2026-05-29"), now: noon("2026-05-12"))
        let change = try workflow.editAgreement(&record, id: 1, .init(text: "pays in full", due: .some(date("2026-06-12"))), session: session(), now: noon("2026-05-13"))
        #expect(change.summary == "agreement 1 changed: text, due 2026-06-12")
        #expect(record.agreements[0].text == "pays in full" && record.agreements[0].due == date("2026-06-12"))
        let open = record.deadlines.filter { $0.kind == .agreement && $0.state == .open }
        #expect(open.count == 1 && open[0].due == date("2026-06-12"))
        _ = try workflow.editAgreement(&record, id: 1, .init(due: .some(nil)), session: session(), now: noon("2026-05-14"))
        #expect(record.deadlines.filter { $0.kind == .agreement && $0.state == .open }.isEmpty, "no due date, no deadline")
        #expect(throws: CaseRuleViolation.nothingToEdit) {
            try workflow.editAgreement(&record, id: 1, .init(), session: session(), now: noon("2026-05-14"))
        }
        #expect(throws: CaseRuleViolation.dueBeforeSession(due: date("2026-05-01"), session: date("2026-05-12"))) {
            try workflow.editAgreement(&record, id: 1, .init(due: .some(date("2026-05-01"))), session: session(), now: noon("2026-05-14"))
        }
    }

    @Test func agreementsAreFollowedUpAfterClosingAndThroughASuspension() throws {
        var record = try mediated()
        _ = try workflow.addAgreement(&record, session: session(), party: .agency, text: "a", due: date("2026-05-29"), now: noon("2026-05-12"))
        _ = try workflow.suspend(&record, reason: "waiting for the agency", now: noon("2026-05-13"))
        let agreementDeadline = { record.deadlines.first { $0.kind == .agreement }! }
        #expect(agreementDeadline().nextReminder != nil, "the parties' own date does not stand still")
        #expect(record.openDeadline?.nextReminder == nil, "the office's term does")
        _ = try workflow.resume(&record, now: noon("2026-05-20"))
        #expect(agreementDeadline().due == date("2026-05-29"), "and is not moved on resuming")
        _ = try workflow.close(&record, outcome: "agreements made", now: noon("2026-05-21"))
        #expect(agreementDeadline().state == .open)
        _ = try workflow.fulfilAgreement(&record, id: 1, now: noon("2026-05-28"))
        #expect(agreementDeadline().state == .met)
    }
}
