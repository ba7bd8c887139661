import MediationCore
import Testing

@Suite("Terms")
struct TermTests {
    let calendar = WorkingDayCalendar()

    private func end(_ term: String, after event: String, calendar: WorkingDayCalendar? = nil) -> String {
        Term(term)!.end(after: CalendarDate(iso: event)!, in: calendar ?? self.calendar).description
    }

    @Test(arguments: [("3w", 3, Term.Unit.weeks), ("21d", 21, .days), ("10wd", 10, .workingDays), ("1d", 1, .days)])
    func termsAreWrittenAsStaffWriteThem(text: String, count: Int, unit: Term.Unit) throws {
        let term = try #require(Term(text))
        #expect(term.count == count && term.unit == unit)
        #expect(term.description == text)
    }

    @Test(arguments: ["0w", "-2w", "2", "w", "2 w", "2W", "2y", "99999d", "", "2wd2"])
    func anythingElseIsRefused(text: String) {
        #expect(Term(text) == nil)
    }

    @Test func theThreeWeekIntakeStartsTheDayAfterTheComplaintArrives() {
        // Received Monday 2 November 2026: three weeks later is Monday 23 November.
        #expect(end("3w", after: "2026-11-02") == "2026-11-23")
        #expect(end("21d", after: "2026-11-02") == "2026-11-23")
    }

    @Test func aTermEndingOnAWeekendMovesToMonday() {
        // Received Saturday 7 November 2026: three weeks end on a Saturday, so on Monday.
        #expect(end("3w", after: "2026-11-07") == "2026-11-30")
        #expect(end("1d", after: "2026-11-06") == "2026-11-09")
    }

    @Test func aTermEndingOnTheSaturdayBeforeEasterMondayMovesToTuesday() {
        // Holy Saturday 2026 is 4 April; Sunday and Easter Monday follow.
        #expect(end("3w", after: "2026-03-14") == "2026-04-07")
    }

    @Test func aTermEndingOnGoodFridayMovesPastTheWholeEasterWeekend() {
        #expect(end("2w", after: "2026-03-20") == "2026-04-07")
    }

    @Test func aTermEndingOnKingsDayOnASaturdayStillMovesOnlyPastTheWeekend() {
        // 27 April 2025 is a Sunday, so King's Day is Saturday 26 April; Monday 28 April works.
        #expect(end("1w", after: "2025-04-19") == "2025-04-28")
    }

    @Test func ascensionDayOn5MayIsOneHolidayNotTwo() {
        // In 2016 Ascension Day fell on Liberation Day, Thursday 5 May; Friday 6 May worked.
        #expect(PublicHoliday.ascensionDay.date(in: 2016) == PublicHoliday.liberationDay.date(in: 2016))
        #expect(end("1w", after: "2016-04-28") == "2016-05-06")
    }

    @Test func christmasAndBoxingDayOnWeekdaysBothCount() {
        // 25 and 26 December 2025 are Thursday and Friday: the term moves to Monday the 29th.
        #expect(end("2w", after: "2025-12-11") == "2025-12-29")
    }

    @Test func aTermOverNewYearMovesPastNewYearsDay() {
        #expect(end("1w", after: "2026-12-25") == "2027-01-04")
    }

    @Test func aWorkingDayTermCountsOnlyWorkingDays() {
        #expect(end("5wd", after: "2026-11-27") == "2026-12-04")
        // King's Day (Monday 27 April) and Liberation Day (Tuesday 5 May) are skipped.
        #expect(end("10wd", after: "2026-04-24") == "2026-05-12")
    }

    @Test func configuredExtraDaysMoveTermsToo() {
        let withBridgeDay = WorkingDayCalendar(extraHolidays: [CalendarDate(iso: "2026-11-23")!])
        #expect(end("3w", after: "2026-11-02", calendar: withBridgeDay) == "2026-11-24")
    }
}

@Suite("Terms over 2020–2040")
struct TermRangeTests {
    @Test(arguments: [Term("3w")!, Term("2w")!, Term("5d")!, Term("10wd")!])
    func everyTermEndsOnTheFirstWorkingDayItMay(term: Term) {
        let calendar = WorkingDayCalendar()
        var event = CalendarDate(iso: "2020-01-01")!
        let last = CalendarDate(iso: "2040-12-31")!
        while event <= last {
            let end = term.end(after: event, in: calendar)
            #expect(calendar.isWorkingDay(end), "\(term) after \(event) ends on a working day")
            switch term.unit {
            case .days, .weeks:
                let nominal = event.adding(days: term.unit == .weeks ? 7 * term.count : term.count)
                #expect(end >= nominal)
                var day = nominal
                while day < end {
                    #expect(!calendar.isWorkingDay(day), "\(term) after \(event) is not moved past working day \(day)")
                    day = day.adding(days: 1)
                }
            case .workingDays:
                var counted = 0
                var day = event.adding(days: 1)
                while day <= end {
                    if calendar.isWorkingDay(day) { counted += 1 }
                    day = day.adding(days: 1)
                }
                #expect(counted == term.count)
            }
            event = event.adding(days: 1)
        }
    }
}
