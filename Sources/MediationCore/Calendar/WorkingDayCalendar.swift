/// Which days count as working days for terms: not Saturday, not Sunday, not a recognised
/// public holiday, and not one of the extra days the government equates with them from time to
/// time (configured).
public struct WorkingDayCalendar: Sendable {
    private let extraHolidays: Set<CalendarDate>

    public init(extraHolidays: Set<CalendarDate> = []) {
        self.extraHolidays = extraHolidays
    }

    public func isHoliday(_ date: CalendarDate) -> Bool {
        extraHolidays.contains(date) || PublicHoliday.allCases.contains { $0.date(in: date.year) == date }
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.weekday.isWeekend && !isHoliday(date)
    }

    /// `date` itself when it is a working day, otherwise the first working day after it
    /// (Algemene termijnenwet, art. 1).
    public func firstWorkingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`th working day after `date`.
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        walk(workingDays: count, from: date, by: 1)
    }

    /// The working day `count` working days before `date`: the day from which `count` working
    /// days after it reach `date`.
    public func subtracting(workingDays count: Int, from date: CalendarDate) -> CalendarDate {
        walk(workingDays: count, from: date, by: -1)
    }

    // Both walks cross whole weeks in one step: seven days in a row always hold five weekdays,
    // less the holidays among them, so a long term costs a step per week, not per day.

    private func walk(workingDays count: Int, from date: CalendarDate, by step: Int) -> CalendarDate {
        precondition(count >= 0, "a term is never negative")
        var day = date
        var remaining = count
        while remaining > 5 {
            let next = day.adding(days: step), weekLater = day.adding(days: 7 * step)
            remaining -= 5 - weekdayHolidays(in: min(next, weekLater)...max(next, weekLater))
            day = weekLater
        }
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days after `start` up to and including `end`; 0 when `end` is not later.
    public func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start
        while day.days(until: end) >= 7 {
            count += 5 - weekdayHolidays(in: day.adding(days: 1)...day.adding(days: 7))
            day = day.adding(days: 7)
        }
        while day < end {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }

    /// Holidays that fall on a weekday in `days`, from each year's list rather than day by day.
    private func weekdayHolidays(in days: ClosedRange<CalendarDate>) -> Int {
        Set([days.lowerBound.year, days.upperBound.year])
            .flatMap { holidays(in: $0) }
            .count { days.contains($0) && !$0.weekday.isWeekend }
    }

    /// The public holidays and extra days off of `year`, each once.
    private func holidays(in year: Int) -> Set<CalendarDate> {
        var days = Set(PublicHoliday.allCases.map { $0.date(in: year) })
        for extra in extraHolidays where extra.year == year { days.insert(extra) }
        return days
    }
}
