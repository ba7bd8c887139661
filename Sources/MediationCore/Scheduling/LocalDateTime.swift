import Foundation

/// A wall-clock time in Amsterdam as people write it, `2026-12-03 10:00`, and the one instant it
/// means. Around the daylight-saving changes a written time may mean no instant (02:30 on the
/// last Sunday of March) or two (02:30 on the last Sunday of October); both are refused rather
/// than guessed, so a session is never booked an hour off.
public struct LocalDateTime: Hashable, Sendable, CustomStringConvertible {
    public let date: CalendarDate
    public let time: LocalTime

    public init(date: CalendarDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DD HH:MM` (a `T` instead of the space is accepted too).
    public init?(_ text: String) {
        let parts = text.split(omittingEmptySubsequences: true) { $0 == " " || $0 == "T" }
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])), let time = LocalTime(String(parts[1])) else { return nil }
        self.init(date: date, time: time)
    }

    public var description: String { "\(date) \(time)" }

    public enum Resolution: Equatable, Sendable {
        case instant(Date)
        /// Skipped when the clocks go forward.
        case nonexistent
        /// Happens twice when the clocks go back.
        case ambiguous(Date, Date)
    }

    /// The instants at which Amsterdam's clocks show this time.
    public var resolution: Resolution {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let asIfUTC = utc.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute))!
        let zone = CalendarDate.officeCalendar.timeZone
        // Amsterdam is one or two hours ahead of UTC; an offset fits when the zone agrees that
        // it is in force at the instant it gives.
        let matches = [3600, 7200].map { asIfUTC.addingTimeInterval(-Double($0)) }.filter { instant in
            Double(zone.secondsFromGMT(for: instant)) == asIfUTC.timeIntervalSince(instant)
        }.sorted()
        switch matches.count {
        case 0: return .nonexistent
        case 1: return .instant(matches[0])
        default: return .ambiguous(matches[0], matches[1])
        }
    }

    /// The local time at `instant`.
    public init(_ instant: Date) {
        let (day, second) = CalendarDate.localSeconds(instant)
        self.init(date: CalendarDate(dayNumber: day), time: LocalTime(hour: second / 3600, minute: second % 3600 / 60)!)
    }
}
