/// A period the process allows for a step: the three-week intake, an agency's two weeks to
/// answer, an extension (verlenging). Written as staff write it: `3w`, `21d`, `10wd`.
public struct Term: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case days = "d"
        case weeks = "w"
        /// Working days: weekends and holidays are not counted at all.
        case workingDays = "wd"
    }

    public let count: Int
    public let unit: Unit

    /// Terms are at least one day long; nil otherwise.
    public init?(_ count: Int, _ unit: Unit) {
        guard count > 0 else { return nil }
        self.count = count
        self.unit = unit
    }

    /// Parses `3w`, `21d` or `10wd`; nil for anything else, including zero and negative terms.
    public init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let count = Int(digits),
              let unit = Unit(rawValue: String(text.dropFirst(digits.count)))
        else { return nil }
        self.init(count, unit)
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The day the term ends when it starts the day after `event`: a term of calendar days or
    /// weeks that would end on a weekend or holiday ends on the next working day instead; a term
    /// of working days ends on its last working day.
    public func end(after event: CalendarDate, in calendar: WorkingDayCalendar) -> CalendarDate {
        switch unit {
        case .days: calendar.firstWorkingDay(onOrAfter: event.adding(days: count))
        case .weeks: calendar.firstWorkingDay(onOrAfter: event.adding(days: 7 * count))
        case .workingDays: calendar.adding(workingDays: count, to: event)
        }
    }
}
