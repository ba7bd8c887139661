import Foundation

/// How the office schedules sessions, from the configuration's `[scheduling]`.
public struct OfficeRules: Sendable, Equatable {
    public var defaultDuration: TimeInterval
    /// Free time a mediator keeps between two sessions.
    public var buffer: TimeInterval
    /// Working days between booking and the session: 1 means the next working day at the earliest.
    public var minimumNoticeWorkingDays: Int
    /// When the building is open; sessions fall inside it on working days.
    public var officeHours: DailyHours
    /// Candidate start times for slot search are multiples of this from midnight.
    public var slotStep: TimeInterval

    public init(defaultDuration: TimeInterval, buffer: TimeInterval, minimumNoticeWorkingDays: Int, officeHours: DailyHours, slotStep: TimeInterval = 15 * 60) {
        self.defaultDuration = defaultDuration
        self.buffer = buffer
        self.minimumNoticeWorkingDays = minimumNoticeWorkingDays
        self.officeHours = officeHours
        self.slotStep = slotStep
    }

    /// 90-minute sessions, 15 minutes between them, one working day's notice, open 08:30–17:30.
    public static let standard = OfficeRules(
        defaultDuration: 90 * 60, buffer: 15 * 60, minimumNoticeWorkingDays: 1, officeHours: DailyHours("08:30-17:30")!)

    /// The longest a session may last.
    public static let maximumDuration: TimeInterval = 24 * 3600
}
