import MediationCore
import Testing

@Suite("Public holidays and working days")
struct WorkingDayCalendarTests {
    /// Easter Sunday 2020–2040 from published tables, not from the algorithm under test.
    static let publishedEaster: [Int: String] = [
        2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09", 2024: "2024-03-31",
        2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01",
        2030: "2030-04-21", 2031: "2031-04-13", 2032: "2032-03-28", 2033: "2033-04-17", 2034: "2034-04-09",
        2035: "2035-03-25", 2036: "2036-04-13", 2037: "2037-04-05", 2038: "2038-04-25", 2039: "2039-04-10",
        2040: "2040-04-01",
    ]

    @Test func easterMatchesThePublishedDatesFor2020To2040() {
        for (year, date) in Self.publishedEaster {
            #expect(PublicHoliday.easterSunday(year).description == date, "Easter \(year)")
        }
    }

    @Test func theMovableHolidaysHangOnEaster() throws {
        for year in 2020...2040 {
            let easter = PublicHoliday.easterSunday(year)
            #expect(PublicHoliday.goodFriday.date(in: year) == easter.adding(days: -2))
            #expect(PublicHoliday.easterMonday.date(in: year).weekday == .monday)
            #expect(PublicHoliday.ascensionDay.date(in: year).weekday == .thursday)
            #expect(PublicHoliday.whitMonday.date(in: year).weekday == .monday)
            #expect(PublicHoliday.whitMonday.date(in: year) == easter.adding(days: 50))
        }
    }

    @Test(arguments: [(2025, "2025-04-26"), (2026, "2026-04-27"), (2031, "2031-04-26"), (2036, "2036-04-26"), (2020, "2020-04-27")])
    func kingsDayMovesToTheSaturdayWhenThe27thIsASunday(year: Int, date: String) {
        #expect(PublicHoliday.kingsDay.date(in: year).description == date)
    }

    @Test func the2026HolidaysAreTheOnesTheOfficeCloses() {
        let calendar = WorkingDayCalendar()
        let closed = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"]
        for date in closed {
            #expect(calendar.isHoliday(CalendarDate(iso: date)!), "\(date) is a holiday")
        }
        #expect(!calendar.isHoliday(CalendarDate(iso: "2026-04-05")!), "Easter Sunday is a Sunday, not a listed holiday")
        #expect(!calendar.isWorkingDay(CalendarDate(iso: "2026-04-05")!))
        #expect(calendar.isWorkingDay(CalendarDate(iso: "2026-04-07")!))
        #expect(!calendar.isWorkingDay(CalendarDate(iso: "2026-11-28")!), "a Saturday")
    }

    @Test func extraDaysFromTheConfigurationCountAsHolidays() {
        let bridgeDay = CalendarDate(iso: "2026-05-15")!
        #expect(WorkingDayCalendar().isWorkingDay(bridgeDay))
        #expect(!WorkingDayCalendar(extraHolidays: [bridgeDay]).isWorkingDay(bridgeDay))
    }

    @Test func workingDaysSkipWeekendsAndHolidays() {
        let calendar = WorkingDayCalendar()
        // Thursday before Easter 2026: Good Friday, the weekend and Easter Monday do not count.
        let maundyThursday = CalendarDate(iso: "2026-04-02")!
        #expect(calendar.adding(workingDays: 1, to: maundyThursday).description == "2026-04-07")
        #expect(calendar.adding(workingDays: 5, to: CalendarDate(iso: "2026-12-21")!).description == "2026-12-29")
        #expect(calendar.adding(workingDays: 0, to: maundyThursday) == maundyThursday)
    }

    /// Day by day, as the rule reads: the reference the week-wise walk must agree with.
    private static func referenceWalk(_ calendar: WorkingDayCalendar, _ count: Int, from date: CalendarDate, by step: Int) -> CalendarDate {
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: step)
            if calendar.isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    @Test func longWalksAcrossWeeksAgreeWithCountingDayByDay() {
        // Extra days off on a Friday, a Monday and a Saturday, and across a year's end.
        let calendar = WorkingDayCalendar(extraHolidays: Set(["2026-05-15", "2027-01-04", "2026-10-10", "2027-12-31"].map { CalendarDate(iso: $0)! }))
        var start = CalendarDate(iso: "2025-12-20")!
        while start < CalendarDate(iso: "2026-01-10")! {
            for count in [0, 1, 4, 5, 6, 7, 10, 11, 23, 64, 261, 400, 9999] {
                #expect(calendar.adding(workingDays: count, to: start) == Self.referenceWalk(calendar, count, from: start, by: 1), "\(count) after \(start)")
                #expect(calendar.subtracting(workingDays: count, from: start) == Self.referenceWalk(calendar, count, from: start, by: -1), "\(count) before \(start)")
            }
            for days in [0, 1, 6, 7, 8, 13, 14, 15, 100, 365, 800] {
                let end = start.adding(days: days)
                var expected = 0
                var day = start
                while day < end {
                    day = day.adding(days: 1)
                    if calendar.isWorkingDay(day) { expected += 1 }
                }
                #expect(calendar.workingDays(from: start, to: end) == expected, "from \(start) to \(end)")
            }
            start = start.adding(days: 1)
        }
    }
}
