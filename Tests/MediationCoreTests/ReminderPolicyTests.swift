import Foundation
import MediationCore
import Testing

@Suite("Reminder policy")
struct ReminderPolicyTests {
    let calendar = WorkingDayCalendar()
    let policy = ReminderPolicy.standard

    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Every reminder for a deadline from `start` on, in order, up to `count` of them.
    private func reminders(due: String, from start: Date, count: Int) -> [ScheduledReminder] {
        var result: [ScheduledReminder] = []
        var after = start
        while result.count < count, let next = policy.nextReminder(due: date(due), after: after, calendar: calendar) {
            result.append(next)
            after = next.instant
        }
        return result
    }

    @Test func aDeadlineIsRemindedBeforeOnTheDayAndWhileOverdue() {
        // Due Monday 23 November 2026.
        let all = reminders(due: "2026-11-23", from: date("2026-11-01").startOfDay, count: 6)
        #expect(all.map(\.date.description) == ["2026-11-16", "2026-11-20", "2026-11-23", "2026-11-24", "2026-12-01", "2026-12-08"])
        #expect(all.map(\.stage) == [.upcoming(workingDaysLeft: 5), .upcoming(workingDaysLeft: 1), .dueToday, .overdue, .overdue, .overdue])
        #expect(all.map(\.sequence) == [0, 0, 0, 1, 2, 3])
    }

    @Test func remindersAreAtNineOClockAmsterdamTimeAcrossDaylightSavingChanges() {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        // Due Monday 30 March 2026, the day after clocks go forward: 09:00 is 07:00 UTC.
        let spring = reminders(due: "2026-03-30", from: date("2026-03-20").startOfDay, count: 3)
        #expect(spring.map { utc.component(.hour, from: $0.instant) } == [8, 8, 7])
        // Due Monday 26 October 2026, the day after clocks go back: 09:00 is 08:00 UTC.
        let autumn = reminders(due: "2026-10-26", from: date("2026-10-16").startOfDay, count: 3)
        #expect(autumn.map { utc.component(.hour, from: $0.instant) } == [7, 7, 8])
    }

    @Test func remindersSkipHolidays() {
        // Due Tuesday 7 April 2026, after Easter: one working day before is Thursday 2 April.
        let all = reminders(due: "2026-04-07", from: date("2026-03-20").startOfDay, count: 4)
        #expect(all.map(\.date.description) == ["2026-03-27", "2026-04-02", "2026-04-07", "2026-04-08"])
    }

    @Test func afterALongOutageTheNextOverdueReminderIsFoundWithoutReplayingTheRest() {
        // Due 2 January 2026, daemon back on 10 June 2026 at 10:00: the next overdue reminder is
        // the first in the regular rhythm after that moment, with its place in the sequence.
        let back = LocalTime(hour: 10, minute: 0)!.instant(on: date("2026-06-10"))
        let next = policy.nextReminder(due: date("2026-01-02"), after: back, calendar: calendar)!
        #expect(next.stage == .overdue)
        #expect(next.instant > back)
        let first = calendar.adding(workingDays: 1, to: date("2026-01-02"))
        #expect(calendar.workingDays(from: first, to: next.date) == 5 * (next.sequence - 1))
        #expect(calendar.workingDays(from: date("2026-06-10"), to: next.date) <= 5)
    }

    @Test func withoutRepeatsOnlyOneOverdueReminderIsSent() {
        let once = ReminderPolicy(workingDaysBefore: [], onDueDate: false, overdueEvery: nil, time: LocalTime("09:00")!)
        let first = once.nextReminder(due: date("2026-11-23"), after: date("2026-11-01").startOfDay, calendar: calendar)
        #expect(first?.date.description == "2026-11-24")
        #expect(once.nextReminder(due: date("2026-11-23"), after: first!.instant, calendar: calendar) == nil)
    }

    @Test(arguments: ["09:00", "00:00", "23:59"])
    func timesOfDayParse(text: String) {
        #expect(LocalTime(text)?.description == text)
    }

    @Test(arguments: ["9:00", "24:00", "12:60", "noon", "12:00:00", ""])
    func badTimesOfDayAreRefused(text: String) {
        #expect(LocalTime(text) == nil)
    }
}
