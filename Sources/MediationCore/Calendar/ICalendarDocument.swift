import Foundation

/// A calendar of mediation sessions as RFC 5545 iCalendar text, for calendar clients that
/// subscribe to it.
///
/// Times are written in the office's zone (Europe/Amsterdam) with the zone's definition
/// included, so a session booked for 10:00 shows at 10:00 in every client, also in clients
/// that carry no time-zone database of their own, and stays at 10:00 across the
/// daylight-saving changes.
public struct ICalendarDocument: Sendable, Equatable {
    /// Shown by clients as the calendar's title (X-WR-CALNAME).
    public var name: String
    /// Written in this order; clients do not sort, and a stable order keeps the text stable.
    public var events: [ICalendarEvent]

    public init(name: String, events: [ICalendarEvent]) {
        self.name = name
        self.events = events
    }

    /// The whole document. Equal documents give byte-identical text, so clients and caches
    /// that compare feeds see a change only when a session changed.
    public var text: String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            // No release number: it lives outside this module, and RFC 5545 asks only that
            // the product be named uniquely.
            "PRODID:-//mediationd//mediationd//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escaped(name),
        ]
        // Written even when there are no events: a calendar needs at least one component,
        // and an office with no sessions booked must still publish a valid (empty) agenda.
        lines += Self.timeZoneDefinition
        for event in events {
            lines += Self.lines(for: event)
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined()
    }

    // MARK: - The office's time zone

    private static let timeZoneIdentifier = "Europe/Amsterdam"

    /// Converts instants to the wall-clock times written under TZID; kept beside the
    /// VTIMEZONE below because the two must describe the same zone.
    private static let localCalendar = gregorianCalendar(in: TimeZone(identifier: timeZoneIdentifier)!)
    private static let utcCalendar = gregorianCalendar(in: TimeZone(identifier: "UTC")!)

    private static func gregorianCalendar(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// The EU rules in force since 1996. Clients that know the TZID use their own data; the
    /// rest (and RFC 5545 requires it for every TZID used) rely on this definition. The
    /// DTSTARTs are the first onsets under the rules from 1970, as other producers write them,
    /// which every session lies after.
    private static let timeZoneDefinition = [
        "BEGIN:VTIMEZONE",
        "TZID:" + timeZoneIdentifier,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    // MARK: - Events

    private static func lines(for event: ICalendarEvent) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escaped(event.uid),
            "SEQUENCE:\(event.sequence)",
            "DTSTAMP:" + utcDateTime(event.stamp),
            dateTimeProperty("DTSTART", event.start),
            dateTimeProperty("DTEND", event.end),
            "SUMMARY:" + escaped(event.summary),
        ]
        if let location = event.location {
            lines.append("LOCATION:" + escaped(location))
        }
        if let description = event.description {
            lines.append("DESCRIPTION:" + escaped(description))
        }
        lines.append("STATUS:" + event.status.rawValue)
        lines.append("END:VEVENT")
        return lines
    }

    /// Local time under TZID, except for the second pass through the hour that repeats when
    /// summer time ends: RFC 5545 reads such a local time as its first occurrence, which would
    /// put the session an hour early, so that one instant is written in UTC instead.
    private static func dateTimeProperty(_ name: String, _ instant: Date) -> String {
        let components = localCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        if let readBack = localCalendar.date(from: components), abs(readBack.timeIntervalSince(instant)) < 1 {
            return "\(name);TZID=\(timeZoneIdentifier):" + basicFormat(components)
        }
        return "\(name):" + utcDateTime(instant)
    }

    private static func utcDateTime(_ instant: Date) -> String {
        basicFormat(utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)) + "Z"
    }

    /// YYYYMMDDTHHMMSS; fractions of a second are dropped, as the format has no place for them.
    private static func basicFormat(_ components: DateComponents) -> String {
        padded(components.year!, 4) + padded(components.month!, 2) + padded(components.day!, 2) + "T"
            + padded(components.hour!, 2) + padded(components.minute!, 2) + padded(components.second!, 2)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: - Content lines

    /// RFC 5545 TEXT escaping. Control characters other than tab are not allowed in TEXT and
    /// make strict parsers reject the whole feed, so they are dropped; any line break
    /// (CRLF, CR or LF) becomes one `\n`.
    private static func escaped(_ text: String) -> String {
        var result = ""
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !afterCarriageReturn { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{7F}": break
            default: result.unicodeScalars.append(scalar)
            }
            afterCarriageReturn = scalar == "\r"
        }
        return result
    }

    private static let maximumLineOctets = 75

    /// Folds a content line into physical lines of at most 75 octets, each ended by CRLF.
    /// Breaks fall only between Unicode scalars: a client that decodes each physical line as
    /// UTF-8 before unfolding would otherwise see broken characters.
    private static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > maximumLineOctets {
                result += "\r\n "
                octets = 1
            }
            result.unicodeScalars.append(scalar)
            octets += width
        }
        return result + "\r\n"
    }
}
