import Foundation
import MediationCore
import Testing

@Suite("Investigation")
struct InvestigationWorkflowTests {
    let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())
    let reference = CaseReference("2026-0011")!

    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    private func noon(_ text: String) -> Date { LocalTime(hour: 12, minute: 0)!.instant(on: date(text)) }

    private func registered() throws -> CaseRecord {
        try workflow.register(
            reference: reference, received: date("2026-04-06"), agency: "Belastingdienst", subject: "Toeslag teruggevorderd",
            complainant: Complainant(name: "Kees Bakker", contact: "06-98765432"), now: noon("2026-04-07")).0
    }

    /// On the investigation track since Wednesday 8 April 2026.
    private func investigated() throws -> CaseRecord {
        var record = try registered()
        _ = try workflow.decide(&record, track: .investigation, reason: "hoor en wederhoor", referredTo: nil, now: noon("2026-04-08"))
        return record
    }

    private func open(_ kind: DeadlineKind, _ record: CaseRecord) -> [Deadline] {
        record.deadlines.filter { $0.kind == kind && $0.state == .open }
    }

    @Test func questionsBelongToTheInvestigationTrack() throws {
        var record = try registered()
        #expect(throws: CaseRuleViolation.notInvestigation(reference)) {
            try workflow.ask(&record, party: .agency, text: "Why?", term: nil, now: noon("2026-04-08"))
        }
    }

    @Test func anAnswerStartsTheOtherSidesReactionTerm() throws {
        var record = try investigated()
        let asked = try workflow.ask(&record, party: .agency, text: "Why was the allowance reclaimed?", term: Term("6w"), now: noon("2026-04-09"))
        #expect(asked.summary == "question 1 asked of the agency, answer due 2026-05-21")
        #expect(open(.answer, record).map(\.due) == [date("2026-05-21")])
        #expect(open(.answer, record).first?.nextReminder != nil)

        let answered = try workflow.answer(&record, question: 1, text: "Income was too high", reactionTerm: nil, now: noon("2026-04-20"))
        // Two weeks (the standard reaction term) from Monday 20 April: 4 May.
        #expect(answered.summary == "answer to question 1 registered; the complainant's reaction due 2026-05-04")
        #expect(open(.answer, record).isEmpty)
        #expect(record.deadlines.first { $0.kind == .answer }?.state == .met)
        #expect(open(.reaction, record).map(\.due) == [date("2026-05-04")])

        _ = try workflow.react(&record, question: 1, text: "My income was not too high", now: noon("2026-04-30"))
        #expect(open(.reaction, record).isEmpty)
        #expect(record.questions[0].answer?.text == "Income was too high" && record.questions[0].reaction?.on == date("2026-04-30"))
    }

    @Test func repliesOutOfOrderAreRefused() throws {
        var record = try investigated()
        #expect(throws: CaseRuleViolation.noSuchQuestion(3, reference)) {
            try workflow.answer(&record, question: 3, text: "a", reactionTerm: nil, now: noon("2026-04-20"))
        }
        _ = try workflow.ask(&record, party: .complainant, text: "q", term: nil, now: noon("2026-04-09"))
        #expect(throws: CaseRuleViolation.notAnswered(question: 1)) {
            try workflow.react(&record, question: 1, text: "r", now: noon("2026-04-20"))
        }
        _ = try workflow.answer(&record, question: 1, text: "a", reactionTerm: Term("1w"), now: noon("2026-04-20"))
        #expect(throws: CaseRuleViolation.alreadyAnswered(question: 1)) {
            try workflow.answer(&record, question: 1, text: "again", reactionTerm: nil, now: noon("2026-04-21"))
        }
        _ = try workflow.react(&record, question: 1, text: "r", now: noon("2026-04-22"))
        #expect(throws: CaseRuleViolation.alreadyReacted(question: 1)) {
            try workflow.react(&record, question: 1, text: "r", now: noon("2026-04-23"))
        }
        #expect(throws: CaseRuleViolation.noOpenTerm(question: 1)) {
            try workflow.extendTerm(&record, question: 1, by: Term("1w")!, reason: "r", now: noon("2026-04-23"))
        }
    }

    @Test func termsStandStillWhileSuspendedAndCanBeExtended() throws {
        var record = try investigated()
        _ = try workflow.ask(&record, party: .agency, text: "q", term: Term("6w"), now: noon("2026-04-09"))
        let extended = try workflow.extendTerm(&record, question: 1, by: Term("2w")!, reason: "the agency asked for time", now: noon("2026-05-01"))
        #expect(extended.summary.hasPrefix("the answer term of question 1 extended by 2w: due 2026-06-04 (was 2026-05-21)"))
        _ = try workflow.suspend(&record, reason: "waiting", now: noon("2026-05-04"))
        #expect(open(.answer, record).first?.nextReminder == nil)
        #expect(throws: CaseRuleViolation.suspended(reference)) {
            try workflow.answer(&record, question: 1, text: "a", reactionTerm: nil, now: noon("2026-05-05"))
        }
        _ = try workflow.resume(&record, now: noon("2026-05-11"))
        // Seven days suspended: 4 June becomes 11 June, with its reminders back.
        #expect(open(.answer, record).first?.due == date("2026-06-11"))
        #expect(open(.answer, record).first?.nextReminder != nil)
    }

    @Test func theConclusionMeetsTheDeadlineAndEndsTheQuestions() throws {
        var record = try investigated()
        _ = try workflow.ask(&record, party: .agency, text: "q", term: nil, now: noon("2026-04-09"))
        let change = try workflow.conclude(&record, form: .report, judgement: .improper, text: "Not proper.", now: noon("2026-06-01"))
        #expect(change.summary == "investigation concluded by report: niet behoorlijk")
        #expect(record.conclusion == InvestigationConclusion(form: .report, judgement: .improper, text: "Not proper.", on: date("2026-06-01")))
        #expect(record.openDeadline == nil, "the investigation's own deadline is met")
        #expect(record.deadlines.first { $0.kind == .answer }?.state == .cancelled, "the open answer term lapses")
        #expect(throws: CaseRuleViolation.concluded(reference)) {
            try workflow.ask(&record, party: .agency, text: "q2", term: nil, now: noon("2026-06-02"))
        }
    }
}
