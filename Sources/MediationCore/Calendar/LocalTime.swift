import Foundation

/// A time of day on the office's clock (Europe/Amsterdam), such as 09:00 for reminders.
public struct LocalTime: Hashable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String { (hour < 10 ? "0" : "") + String(hour) + (minute < 10 ? ":0" : ":") + String(minute) }

    /// The instant this time is reached on `date` in Amsterdam, whatever the offset from UTC is
    /// that day. A time that does not exist (inside the spring-forward hour) is the first
    /// instant after the gap.
    public func instant(on date: CalendarDate) -> Date {
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)
        return CalendarDate.officeCalendar.date(from: components)!
    }
}
