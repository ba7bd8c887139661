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
        precondition(count >= 0, "a term is never negative")
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }
}
