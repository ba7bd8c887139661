import Foundation
import MediationCore
import Testing

@Suite("Case workflow")
struct CaseWorkflowTests {
    let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())

    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    /// Noon in Amsterdam on `text`.
    private func noon(_ text: String) -> Date { LocalTime(hour: 12, minute: 0)!.instant(on: date(text)) }

    private func registered(received: String = "2026-04-06", at now: String = "2026-04-07") throws -> CaseRecord {
        try workflow.register(
            reference: CaseReference("2026-0001")!, received: date(received), agency: "Gemeente Utrecht", subject: "No answer to a letter",
            complainant: Complainant(name: "J. Jansen", contact: "j@example.nl"), now: noon(now)).0
    }

    @Test func theIntakeTermIsThreeWeeksMovedOffHolidays() throws {
        // 6 April 2026 + 3 weeks is Monday 27 April, King's Day: the term ends on the 28th.
        let record = try registered()
        #expect(record.deadlines.map(\.kind) == [.intake])
        #expect(record.openDeadline?.due == date("2026-04-28"))
        #expect(record.file.status == .intake)
    }

    @Test func aComplaintCannotBeReceivedInTheFuture() {
        #expect(throws: CaseRuleViolation.receivedInFuture(received: date("2026-04-08"), today: date("2026-04-07"))) {
            try registered(received: "2026-04-08", at: "2026-04-07")
        }
    }

    @Test func aComplaintReceivedBeforeTheSupportedDatesIsRefused() {
        let range = CalendarDate.supportedRange
        #expect(throws: CaseRuleViolation.dateOutOfRange(what: "the received date", date: date("1989-12-31"), range: range)) {
            try registered(received: "1989-12-31")
        }
        #expect(throws: CaseRuleViolation.dateOutOfRange(what: "the received date", date: date("0001-01-01"), range: range)) {
            try registered(received: "0001-01-01")
        }
        #expect((try? registered(received: "1990-01-01")) != nil, "the first supported day is accepted")
    }

    @Test func anExtensionPastTheLastSupportedDateIsRefusedAndChangesNothing() throws {
        var record = try registered()
        // 9999 weeks from the intake's 2026-04-28 is in December 2217.
        let before = record
        #expect {
            try workflow.extend(&record, by: Term(9999, .weeks)!, reason: "r", now: noon("2026-04-08"))
        } throws: { error in
            guard case .dateOutOfRange(let what, let due, let range)? = error as? CaseRuleViolation else { return false }
            return what == "the intake deadline extended by 9999w" && due.year == 2217 && range == CalendarDate.supportedRange
        }
        #expect(record == before)
        // Within the range an extension still works, and the next one past it is refused.
        _ = try workflow.extend(&record, by: Term(8000, .weeks)!, reason: "r", now: noon("2026-04-08"))
        #expect(record.openDeadline!.due <= CalendarDate.supportedRange.upperBound)
        #expect(throws: CaseRuleViolation.self) {
            try workflow.extend(&record, by: Term(3000, .weeks)!, reason: "r", now: noon("2026-04-08"))
        }
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: CaseRuleViolation.emptyText(field: "the agency")) {
            try workflow.register(reference: CaseReference("X1")!, received: date("2026-04-06"), agency: "  ", subject: "s",
                                  complainant: Complainant(name: "n", contact: "c"), now: noon("2026-04-07"))
        }
    }

    @Test func decidingMeetsTheIntakeAndStartsTheTracksTerm() throws {
        var record = try registered()
        let change = try workflow.decide(&record, track: .mediation, reason: "both sides willing", referredTo: nil, now: noon("2026-04-14"))
        #expect(change.action == .decided)
        #expect(record.deadlines[0].state == .met)
        #expect(record.deadlines[0].settledOn == date("2026-04-14"))
        #expect(record.deadlines[0].nextReminder == nil)
        // 14 April + 4 weeks = 12 May, a Tuesday.
        #expect(record.openDeadline?.kind == .track(.mediation))
        #expect(record.openDeadline?.due == date("2026-05-12"))
        #expect(record.file.status == .inTrack)
    }

    @Test func aDecisionIsFinalAndAReferralNamesItsBody() throws {
        var record = try registered()
        #expect(throws: CaseRuleViolation.referralWithoutBody) {
            try workflow.decide(&record, track: .referral, reason: "not ours", referredTo: nil, now: noon("2026-04-14"))
        }
        #expect(throws: CaseRuleViolation.bodyWithoutReferral(.mediation)) {
            try workflow.decide(&record, track: .mediation, reason: "r", referredTo: "Kinderombudsman", now: noon("2026-04-14"))
        }
        _ = try workflow.decide(&record, track: .referral, reason: "not ours", referredTo: "Kinderombudsman", now: noon("2026-04-14"))
        #expect(record.file.decision?.referredTo == "Kinderombudsman")
        let before = record
        #expect(throws: CaseRuleViolation.alreadyDecided(record.file.reference, .referral)) {
            try workflow.decide(&record, track: .mediation, reason: "again", referredTo: nil, now: noon("2026-04-15"))
        }
        #expect(record == before)
    }

    @Test func suspensionStopsRemindersAndResumingMovesTheDueDateByTheDaysSuspended() throws {
        var record = try registered()
        _ = try workflow.suspend(&record, reason: "waiting for documents", now: noon("2026-04-08"))
        #expect(record.file.status == .suspended)
        #expect(record.openDeadline?.nextReminder == nil)
        #expect(throws: CaseRuleViolation.alreadySuspended(record.file.reference, since: date("2026-04-08"))) {
            try workflow.suspend(&record, reason: "again", now: noon("2026-04-09"))
        }
        #expect(throws: CaseRuleViolation.suspended(record.file.reference)) {
            try workflow.decide(&record, track: .mediation, reason: "r", referredTo: nil, now: noon("2026-04-09"))
        }
        // Suspended 8 to 18 April: 10 days. 28 April + 10 = Friday 8 May.
        _ = try workflow.resume(&record, now: noon("2026-04-18"))
        #expect(record.file.suspension == nil)
        #expect(record.openDeadline?.due == date("2026-05-08"))
        #expect(record.openDeadline?.nextReminder != nil)
        #expect(throws: CaseRuleViolation.notSuspended(record.file.reference)) {
            try workflow.resume(&record, now: noon("2026-04-19"))
        }
    }

    @Test func resumingOntoAWeekendMovesToTheNextWorkingDay() throws {
        var record = try registered()
        // Suspended 8 to 19 April: 11 days. 28 April + 11 = Saturday 9 May, so Monday 11 May.
        _ = try workflow.suspend(&record, reason: "r", now: noon("2026-04-08"))
        _ = try workflow.resume(&record, now: noon("2026-04-19"))
        #expect(record.openDeadline?.due == date("2026-05-11"))
    }

    @Test func anExtensionRunsFromTheCurrentDueDate() throws {
        var record = try registered()
        let change = try workflow.extend(&record, by: Term("2w")!, reason: "complex case", now: noon("2026-04-20"))
        // 28 April + 2 weeks = Tuesday 12 May.
        #expect(record.openDeadline?.due == date("2026-05-12"))
        #expect(change.summary.contains("was 2026-04-28"))
        _ = try workflow.extend(&record, by: Term("3wd")!, reason: "more", now: noon("2026-04-20"))
        // Three working days after 12 May: 13, 14 (Ascension Day 2026 is 14 May, skipped), 15, 18.
        #expect(record.openDeadline?.due == date("2026-05-18"))
    }

    @Test func closingMeetsTheOpenDeadlineAndEndsChanges() throws {
        var record = try registered()
        _ = try workflow.suspend(&record, reason: "r", now: noon("2026-04-08"))
        _ = try workflow.close(&record, outcome: "withdrawn by the complainant", now: noon("2026-04-09"))
        #expect(record.file.status == .closed)
        #expect(record.openDeadline == nil)
        #expect(record.deadlines.allSatisfy { $0.nextReminder == nil })
        #expect(throws: CaseRuleViolation.closed(record.file.reference)) {
            try workflow.extend(&record, by: Term("1w")!, reason: "r", now: noon("2026-04-10"))
        }
        #expect(throws: CaseRuleViolation.nothingToExtend(record.file.reference)) {
            var open = try registered()
            _ = try workflow.decide(&open, track: .referral, reason: "r", referredTo: "elsewhere", now: noon("2026-04-08"))
            open.deadlines.removeLast()
            _ = try workflow.extend(&open, by: Term("1w")!, reason: "r", now: noon("2026-04-10"))
        }
    }

    @Test func aDeadlineAlreadyPastIsRemindedAtOnce() throws {
        // Received 2 March, intake due 23 March; registered late, on 1 April.
        let record = try registered(received: "2026-03-02", at: "2026-04-01")
        let reminder = try #require(record.openDeadline?.nextReminder)
        #expect(reminder.stage == .overdue)
        #expect(reminder.instant == noon("2026-04-01"))
        // The second overdue period (24 and 31 March) is the one it falls in.
        #expect(reminder.identifier(case: record.file.reference, deadline: try #require(record.openDeadline)) == "2026-0001/intake/overdue-2/2026-04-01")
    }
}
