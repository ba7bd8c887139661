import Foundation
import MediationCore
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2026-11-29", "2040-12-31", "2000-02-29"])
    func realDaysParse(text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2023-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "26-04-01", "2026-4-1", "2026/04/01", "", "yesterday", "2026-04-01T00:00"])
    func daysThatDoNotExistAreRefused(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func addingDaysCrossesMonthsYearsAndDaylightSavingChanges() throws {
        let beforeSummerTime = try #require(CalendarDate(iso: "2026-03-28"))
        #expect(beforeSummerTime.adding(days: 1).description == "2026-03-29")
        #expect(beforeSummerTime.adding(days: 2).description == "2026-03-30")
        let beforeWinterTime = try #require(CalendarDate(iso: "2026-10-24"))
        #expect(beforeWinterTime.adding(days: 2).description == "2026-10-26")
        #expect(try #require(CalendarDate(iso: "2026-12-31")).adding(days: 1).description == "2027-01-01")
        #expect(try #require(CalendarDate(iso: "2024-03-01")).adding(days: -1).description == "2024-02-29")
        #expect(beforeSummerTime.days(until: beforeSummerTime.adding(days: 21)) == 21)
    }

    @Test func theOfficeDateIsAmsterdamsNotUTCs() {
        // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
        let instant = Date(timeIntervalSince1970: 1_798_759_800)  // 2026-12-31T23:30:00Z
        #expect(CalendarDate(instant).description == "2027-01-01")
    }

    /// Found by Fuzz/fuzz-cli-time: Foundation's Gregorian calendar is Julian before 15 October
    /// 1582, and put the start of 1013-09-16 on the 22nd.
    @Test(arguments: ["1013-09-16", "0001-01-01", "1582-10-14", "1582-10-15", "1900-01-01"])
    func aDayStartsOnItselfBeforeTheGregorianReformToo(text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(CalendarDate(date.startOfDay) == date)
        #expect(CalendarDate(date.startOfDay.addingTimeInterval(-1)) == date.adding(days: -1))
    }

    @Test func weekdaysAreKnown() throws {
        #expect(try #require(CalendarDate(iso: "2026-11-29")).weekday == .sunday)
        #expect(try #require(CalendarDate(iso: "2026-11-30")).weekday == .monday)
        #expect(Weekday.saturday.isWeekend && !Weekday.friday.isWeekend)
    }
}

@Suite("Calendar dates against Foundation")
struct CalendarDateFoundationTests {
    @Test func dayArithmeticAndWeekdaysAgreeWithFoundationFrom2020To2040() {
        let calendar = CalendarDate.officeCalendar
        var date = CalendarDate(iso: "2020-01-01")!
        var instant = date.startOfDay
        while date.year <= 2040 {
            let components = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            #expect(components.year == date.year && components.month == date.month && components.day == date.day)
            #expect(components.weekday == date.weekday.rawValue)
            date = date.adding(days: 1)
            instant = calendar.date(byAdding: .day, value: 1, to: instant)!
        }
    }
}
