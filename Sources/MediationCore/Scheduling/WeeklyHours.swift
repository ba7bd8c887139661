/// When someone works, per day of the week: `mon-fri 09:00-17:00`, with several periods a day
/// where there is a lunch break.
public struct WeeklyHours: Hashable, Sendable, CustomStringConvertible {
    private var days: [Weekday: DailyHours]

    public init(_ days: [Weekday: DailyHours] = [:]) {
        self.days = days.filter { !$0.value.ranges.isEmpty }
    }

    /// No working hours on any day.
    public var isEmpty: Bool { days.isEmpty }

    public func hours(on weekday: Weekday) -> DailyHours {
        days[weekday] ?? .closed
    }

    public mutating func set(_ hours: DailyHours, on weekday: Weekday) {
        days[weekday] = hours.ranges.isEmpty ? nil : hours
    }

    /// Parses lines such as `mon-fri 09:00-12:30,13:30-17:00` or `wed -`; later lines override
    /// earlier ones for the days they name.
    public init?(lines: [String]) {
        self.init()
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let weekdays = Self.weekdays(parts[0]), let hours = DailyHours(parts[1]) else { return nil }
            for day in weekdays { set(hours, on: day) }
        }
    }

    public var description: String { lines.joined(separator: "; ") }

    /// One line per working day, in the form `init(lines:)` reads.
    public var lines: [String] {
        Self.order.compactMap { day in days[day].map { "\(Self.name(day)) \($0)" } }
    }

    static let order: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
    private static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func name(_ day: Weekday) -> String { names[order.firstIndex(of: day)!] }

    private static func weekdays(_ text: String) -> [Weekday]? {
        let ends = text.lowercased().split(separator: "-").map(String.init)
        guard let first = ends.first.flatMap({ names.firstIndex(of: $0) }) else { return nil }
        guard ends.count == 2 else { return ends.count == 1 ? [order[first]] : nil }
        guard let last = names.firstIndex(of: ends[1]), last >= first else { return nil }
        return Array(order[first...last])
    }
}
