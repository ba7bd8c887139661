/// The recognised public holidays (algemeen erkende feestdagen) that the Algemene termijnenwet
/// moves a term's end past, and the Easter date they hang on.
public enum PublicHoliday: String, CaseIterable, Sendable {
    /// Nieuwjaarsdag
    case newYearsDay
    /// Goede Vrijdag
    case goodFriday
    /// Tweede Paasdag
    case easterMonday
    /// Koningsdag: 27 April, or 26 April when the 27th is a Sunday.
    case kingsDay
    /// Bevrijdingsdag
    case liberationDay
    /// Hemelvaartsdag
    case ascensionDay
    /// Tweede Pinksterdag
    case whitMonday
    /// Eerste Kerstdag
    case christmasDay
    /// Tweede Kerstdag
    case boxingDay

    /// The date of this holiday in `year`.
    public func date(in year: Int) -> CalendarDate {
        let easter = Self.easterSunday(year)
        switch self {
        case .newYearsDay: return CalendarDate(year: year, month: 1, day: 1)!
        case .goodFriday: return easter.adding(days: -2)
        case .easterMonday: return easter.adding(days: 1)
        case .kingsDay:
            let twentySeventh = CalendarDate(year: year, month: 4, day: 27)!
            return twentySeventh.weekday == .sunday ? twentySeventh.adding(days: -1) : twentySeventh
        case .liberationDay: return CalendarDate(year: year, month: 5, day: 5)!
        case .ascensionDay: return easter.adding(days: 39)
        case .whitMonday: return easter.adding(days: 50)
        case .christmasDay: return CalendarDate(year: year, month: 12, day: 25)!
        case .boxingDay: return CalendarDate(year: year, month: 12, day: 26)!
        }
    }

    /// Easter Sunday by the Gregorian computus (the anonymous Gregorian algorithm, as in
    /// Meeus, Astronomical Algorithms).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }
}
