import Foundation

/// A mediator (bemiddelaar): who they are on this machine, when they work, and how many
/// sessions a day they take on.
public struct Mediator: Sendable, Equatable {
    /// Their Unix login, so the daemon knows them when they call.
    public let login: String
    public var displayName: String
    public var hours: WeeklyHours
    public var maximumSessionsPerDay: Int
    /// Leave and other periods they cannot be booked, sorted.
    public var unavailable: [Unavailability]

    public init(login: String, displayName: String, hours: WeeklyHours, maximumSessionsPerDay: Int, unavailable: [Unavailability] = []) {
        self.login = login
        self.displayName = displayName
        self.hours = hours
        self.maximumSessionsPerDay = maximumSessionsPerDay
        self.unavailable = unavailable.sorted { $0.from < $1.from }
    }

    /// A login as Unix allows it: starts with a letter or `_`, then letters, digits, `_`, `-`, `.`.
    public static func isValidLogin(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 32,
              first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
    }

    /// The period of leave that overlaps `span`, if any.
    public func unavailability(overlapping span: Range<Date>) -> Unavailability? {
        unavailable.first { $0.from < span.upperBound && span.lowerBound < $0.to }
    }
}

/// Leave (verlof) or another period a mediator cannot be booked.
public struct Unavailability: Sendable, Equatable {
    public let from: Date
    public let to: Date
    public let reason: String

    public init(from: Date, to: Date, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Whole days: from the start of `first` to the end of `last`.
    public init(days first: CalendarDate, through last: CalendarDate, reason: String) {
        self.init(from: first.startOfDay, to: last.adding(days: 1).startOfDay, reason: reason)
    }
}
