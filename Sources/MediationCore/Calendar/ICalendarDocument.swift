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
    private static let zone = TimeZone(identifier: timeZoneIdentifier)!

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
    ///
    /// By arithmetic on the zone's offsets, not a Calendar's date components: a mediator's
    /// calendar of hundreds of sessions is rewritten after every change to it.
    private static func dateTimeProperty(_ name: String, _ instant: Date) -> String {
        let offset = zone.secondsFromGMT(for: instant)
        // The local time also occurred earlier if the clocks were further ahead an hour ago and
        // the instant that far back showed the same time.
        let earlier = zone.secondsFromGMT(for: instant.addingTimeInterval(-3600))
        let repeated = earlier > offset && zone.secondsFromGMT(for: instant.addingTimeInterval(-Double(earlier - offset))) == earlier
        if repeated { return "\(name):" + utcDateTime(instant) }
        return "\(name);TZID=\(timeZoneIdentifier):" + basicFormat(instant, offset: offset)
    }

    private static func utcDateTime(_ instant: Date) -> String {
        basicFormat(instant, offset: 0) + "Z"
    }

    /// YYYYMMDDTHHMMSS at `offset` seconds from UTC; fractions of a second are dropped, as the
    /// format has no place for them.
    private static func basicFormat(_ instant: Date, offset: Int) -> String {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - dayNumber * 86_400
        let date = CalendarDate(dayNumber: dayNumber)
        return padded(date.year, 4) + padded(date.month, 2) + padded(date.day, 2) + "T"
            + padded(second / 3600, 2) + padded(second / 60 % 60, 2) + padded(second % 60, 2)
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
        // Most texts (names, rooms, references) need nothing: a calendar of hundreds of
        // sessions is rewritten after every booking, so they are passed through as they are.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            return text
        }
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
        if line.utf8.count <= maximumLineOctets { return line + "\r\n" }
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
