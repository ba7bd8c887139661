/// Periods of one day, such as a mediator's working hours: `09:00-12:30,13:30-17:00`.
public struct DailyHours: Hashable, Sendable, CustomStringConvertible {
    /// Sorted, not overlapping, each at least a minute long.
    public let ranges: [Range<Int>]

    /// `ranges` in minutes since midnight; nil when they overlap or are empty.
    public init?(minutes ranges: [Range<Int>]) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        guard sorted.allSatisfy({ !$0.isEmpty && $0.lowerBound >= 0 && $0.upperBound <= 24 * 60 }),
              zip(sorted, sorted.dropFirst()).allSatisfy({ $0.upperBound <= $1.lowerBound })
        else { return nil }
        self.ranges = sorted
    }

    public static let closed = DailyHours(minutes: [])!

    /// Parses `HH:MM-HH:MM[,HH:MM-HH:MM…]`; `-` alone or an empty text is a day off.
    public init?(_ text: String) {
        let trimmed = text.trimmedOfSpaces
        if trimmed.isEmpty || trimmed == "-" {
            self = .closed
            return
        }
        var ranges: [Range<Int>] = []
        for part in trimmed.split(separator: ",") {
            let ends = part.trimmedOfSpaces.split(separator: "-")
            guard ends.count == 2, let from = LocalTime(ends[0]), let to = LocalTime(ends[1]),
                  from.minutes < to.minutes
            else { return nil }
            ranges.append(from.minutes..<to.minutes)
        }
        self.init(minutes: ranges)
    }

    public var description: String {
        ranges.isEmpty ? "-" : ranges.map { "\(LocalTime(minutes: $0.lowerBound))-\(LocalTime(minutes: $0.upperBound))" }.joined(separator: ",")
    }

    /// Whether the minutes `span` lie inside one of the ranges.
    public func contains(_ span: Range<Int>) -> Bool {
        ranges.contains { $0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces; hours are parsed for every mediator on every slot
    /// search, and Foundation's trimming costs more than the rest of the parse.
    var trimmedOfSpaces: Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { $0 != " " }), let last = text.lastIndex(where: { $0 != " " }) else { return "" }
        return text[first...last]
    }
}

extension LocalTime {
    /// Minutes since midnight.
    public var minutes: Int { hour * 60 + minute }

    /// The time `minutes` after midnight; 24:00 is written as such for the end of a day.
    init(minutes: Int) {
        self = LocalTime(hour: min(minutes / 60, 23), minute: minutes >= 24 * 60 ? 59 : minutes % 60)!
    }
}
