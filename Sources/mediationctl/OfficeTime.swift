import Foundation
import MediationCore

/// Instants as staff read them: the office works in Dutch time, whatever the server's zone.
///
/// Written out by arithmetic on the zone's offset rather than by a DateFormatter, whose first
/// use loads ICU: a tenth of the run time of a command like `mediationctl status`.
struct OfficeTime {
    private enum Precision {
        case seconds, minutes, days
    }

    private let precision: Precision

    init(seconds: Bool = true) {
        precision = seconds ? .seconds : .minutes
    }

    /// Dates without a time, for what is counted in whole days, such as leave.
    static func days() -> OfficeTime {
        OfficeTime(precision: .days)
    }

    private init(precision: Precision) {
        self.precision = precision
    }

    /// `2026-12-03 10:00:00 CET`, `2026-12-03 10:00 CEST` or `2026-12-03`.
    func format(_ date: Date) -> String {
        let offset = CalendarDate.officeCalendar.timeZone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let second = ((local % 86_400) + 86_400) % 86_400
        let day = CalendarDate(date).description
        if precision == .days { return day }
        var text = "\(day) \(Self.twoDigits(second / 3600)):\(Self.twoDigits(second / 60 % 60))"
        if precision == .seconds { text += ":" + Self.twoDigits(second % 60) }
        return text + " " + Self.zoneName(offset: offset)
    }

    /// What Dutch clocks are on: winter time (CET) or summer time (CEST).
    private static func zoneName(offset: Int) -> String {
        switch offset {
        case 3600: "CET"
        case 7200: "CEST"
        default: "GMT" + (offset < 0 ? "-" : "+") + String(abs(offset) / 3600)
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
