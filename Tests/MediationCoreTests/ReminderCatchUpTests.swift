import Foundation
import MediationCore
import Testing

@Suite("Reminders after an outage")
struct ReminderCatchUpTests {
    let calendar = WorkingDayCalendar()
    let policy = ReminderPolicy.standard

    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    private func at(_ text: String, _ hour: Int, _ minute: Int = 0) -> Date { LocalTime(hour: hour, minute: minute)!.instant(on: date(text)) }

    @Test func theLatestReminderIsTheStageTheDeadlineIsInNow() {
        // Due Monday 23 November 2026: reminders 16 Nov, 20 Nov, 23 Nov, then overdue 24 Nov, 1 Dec, 8 Dec.
        #expect(policy.latestReminder(due: date("2026-11-23"), notAfter: at("2026-11-16", 8), calendar: calendar) == nil)
        #expect(policy.latestReminder(due: date("2026-11-23"), notAfter: at("2026-11-18", 12), calendar: calendar)?.stage == .upcoming(workingDaysLeft: 5))
        #expect(policy.latestReminder(due: date("2026-11-23"), notAfter: at("2026-11-23", 9), calendar: calendar)?.stage == .dueToday)
        let overdue = policy.latestReminder(due: date("2026-11-23"), notAfter: at("2026-12-07", 12), calendar: calendar)
        #expect(overdue?.stage == .overdue)
        #expect(overdue?.date == date("2026-12-01"))
        #expect(overdue?.sequence == 2)
        #expect(policy.latestReminder(due: date("2026-11-23"), notAfter: at("2026-12-08", 9), calendar: calendar)?.sequence == 3)
    }

    @Test func afterAReminderTheNextIsNeverOnTheSameDay() throws {
        // Sent at once at 08:00 on 1 December, the day of the regular second overdue reminder.
        let early = ScheduledReminder(stage: .overdue, date: date("2026-12-01"), instant: at("2026-12-01", 8), sequence: 2)
        let next = try #require(policy.reminder(after: early, due: date("2026-11-23"), calendar: calendar))
        #expect(next.date == date("2026-12-08"))
        #expect(next.sequence == 3)
    }

    @Test func withoutRepeatsOnlyTheFirstOverdueReminderIsSent() {
        let once = ReminderPolicy(workingDaysBefore: [], onDueDate: false, overdueEvery: nil, time: LocalTime(hour: 9, minute: 0)!)
        let first = once.nextReminder(due: date("2026-11-23"), after: at("2026-11-01", 0), calendar: calendar)
        #expect(first?.date == date("2026-11-24"))
        #expect(once.nextReminder(due: date("2026-11-23"), after: first!.instant, calendar: calendar) == nil)
        #expect(once.latestReminder(due: date("2026-11-23"), notAfter: at("2027-01-01", 0), calendar: calendar)?.date == date("2026-11-24"))
    }

    @Test(arguments: ["upcoming-5", "upcoming-1", "due-today", "overdue"])
    func stagesReadBackFromTheirTokens(token: String) throws {
        #expect(try #require(ScheduledReminder.Stage(token: token)).token == token)
    }

    @Test(arguments: ["upcoming-0", "upcoming-", "due", "", "upcoming--1"])
    func unknownTokensAreRefused(token: String) {
        #expect(ScheduledReminder.Stage(token: token) == nil)
    }

    @Test func referencesAreCheckedAndGeneratedInOrder() {
        #expect(CaseReference(year: 2026, number: 42).text == "2026-0042")
        #expect(CaseReference(year: 2026, number: 12345).text == "2026-12345")
        #expect(CaseReference("2026-0042")?.generatedNumber(in: 2026) == 42)
        #expect(CaseReference("NO/2026/17") != nil)
        for bad in ["", "-1", "a b", "ü1", String(repeating: "x", count: 33), "a;rm"] {
            #expect(CaseReference(bad) == nil, "\(bad)")
        }
    }
}
