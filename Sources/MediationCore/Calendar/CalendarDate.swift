import Foundation

/// A day in the office's calendar (Europe/Amsterdam), without a time: terms and due dates are
/// counted in whole days.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The calendar every date in the domain is reckoned in.
    public static let officeCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return calendar
    }()

    /// nil when the day does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(ofMonth: month, in: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The dates the office works with: a complaint received, a term's end, an agreement due.
    /// The floor is older than any complaint still in the office's care; the ceiling leaves two
    /// centuries for terms and extensions while keeping every date four digits long, so a row
    /// can always be read back and working-day counts stay short.
    public static let supportedRange = CalendarDate(unchecked: 1990, 1, 1)...CalendarDate(unchecked: 2199, 12, 31)

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The office's date at `instant`.
    public init(_ instant: Date) {
        self.init(dayNumber: Self.localSeconds(instant).day)
    }

    /// Days since 1970-01-01 and seconds into that day on the office's clock at `instant`.
    /// Plain arithmetic on the zone's offset: slot searches ask this thousands of times, and a
    /// Calendar's date components cost far more.
    static func localSeconds(_ instant: Date) -> (day: Int, second: Int) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + officeCalendar.timeZone.secondsFromGMT(for: instant)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (day, local - day * 86_400)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including days that do not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        // Written out by hand: String(format:) costs more than everything else a booking writes.
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Midnight at the start of this day in Amsterdam.
    public var startOfDay: Date {
        guard self < Self.gregorianReform else {
            return Self.officeCalendar.date(from: DateComponents(year: year, month: month, day: day))!
        }
        // Foundation's Gregorian calendar is Julian before the reform, so it would put an earlier
        // date on another day than every other function here does (a leave from 1013-09-16 began
        // on the 22nd; found by Fuzz/fuzz-cli-time). Amsterdam then kept local mean time, a
        // fixed offset, so midnight is plain arithmetic on the day number.
        let asIfUTC = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        return asIfUTC.addingTimeInterval(-Double(Self.officeCalendar.timeZone.secondsFromGMT(for: asIfUTC)))
    }

    /// The first day of the Gregorian calendar, 15 October 1582.
    private static let gregorianReform = CalendarDate(unchecked: 1582, 10, 15)

    // Day arithmetic is plain integer arithmetic on a day count (Hinnant's days-from-civil), so
    // daylight saving time cannot shift a date and term calculations stay cheap.

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 4) % 7
        return Weekday(rawValue: index + 1)!
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Days of the week, numbered as Foundation's Gregorian calendar numbers them.
public enum Weekday: Int, Sendable {
    case sunday = 1, monday, tuesday, wednesday, thursday, friday, saturday

    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
