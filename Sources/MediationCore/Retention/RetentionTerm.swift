/// How long a closed case keeps its personal data: days, or calendar years as selection lists
/// state them ("5y": five years after the closing day, whatever the leap days).
public struct RetentionTerm: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable {
        case days = "d"
        case years = "y"
    }

    public let count: Int
    public let unit: Unit

    /// Up to a century, in either unit; a longer term is a decision to keep (bewaren).
    public static let longest = 36_500

    public init?(count: Int, unit: Unit) {
        guard count >= 1, count <= (unit == .days ? Self.longest : Self.longest / 365) else { return nil }
        self.count = count
        self.unit = unit
    }

    /// Parses "730d", "2w" (as 14d) or "5y"; nil for anything else.
    public init?(_ text: String) {
        guard let last = text.last, let number = Int(text.dropLast()), !text.dropLast().contains("+") else { return nil }
        switch last {
        case "d": self.init(count: number, unit: .days)
        case "w":
            guard number <= Self.longest / 7 else { return nil }
            self.init(count: number * 7, unit: .days)
        case "y": self.init(count: number, unit: .years)
        default: return nil
        }
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The last closing day whose term has passed by `today`: a case closed on that day or
    /// before is due. A term in years from 29 February ends on 28 February.
    public func lastClosingDay(dueBy today: CalendarDate) -> CalendarDate {
        switch unit {
        case .days:
            return today.adding(days: -count)
        case .years:
            let year = today.year - count
            return CalendarDate(year: year, month: today.month, day: min(today.day, CalendarDate.length(ofMonth: today.month, in: year)))!
        }
    }
}
