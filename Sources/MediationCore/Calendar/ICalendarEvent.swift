import Foundation

/// A mediation session (bemiddelingsgesprek) as a calendar client sees it: one VEVENT.
///
/// Clients match a published event to the copy they already hold by `uid`, and take the copy
/// with the higher `sequence` as the newer one, so `uid` must not change for the life of a
/// session and `sequence` must grow each time it is rescheduled or cancelled; otherwise a
/// client keeps showing the old time.
public struct ICalendarEvent: Sendable, Equatable {
    /// STATUS of the event; cancelled sessions are published rather than dropped, so that
    /// clients that already hold them take them off the agenda.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case tentative = "TENTATIVE"
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    public var uid: String
    public var sequence: Int
    /// When this version of the event was made (DTSTAMP); taken as input rather than read from
    /// a clock so the same session always gives the same bytes.
    public var stamp: Date
    public var start: Date
    /// RFC 5545 wants this after `start`; the writer passes it through as given.
    public var end: Date
    public var summary: String
    public var location: String?
    public var description: String?
    public var status: Status

    public init(
        uid: String,
        sequence: Int,
        stamp: Date,
        start: Date,
        end: Date,
        summary: String,
        location: String? = nil,
        description: String? = nil,
        status: Status = .confirmed
    ) {
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.status = status
    }
}
