import Foundation
import MediationCore
import TestSupport
import Testing

/// The writer's output is read back by an independent parser (PyPI `icalendar`, installed by
/// scripts/install-dependencies), so these tests check what a calendar client will see rather
/// than restating the writer's own idea of RFC 5545.
@Suite("iCalendar documents")
struct ICalendarTests {
    // MARK: - Calendar properties

    @Test func theParserReadsTheCalendarsPropertiesAndOneTimeZone() async throws {
        let document = ICalendarDocument(name: "Bemiddelingsgesprekken, Den Haag; team 2", events: [
            try session("mediation-2026-001", from: "2026-01-15T09:00:00Z", to: "2026-01-15T10:30:00Z"),
        ])
        let parsed = try await parse(document)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.version == "2.0")
        #expect(parsed.prodid == "-//mediationd//mediationd//EN")
        #expect(parsed.calscale == "GREGORIAN")
        #expect(parsed.method == "PUBLISH")
        #expect(parsed.name == "Bemiddelingsgesprekken, Den Haag; team 2")
        #expect(parsed.timeZones == ["Europe/Amsterdam"])
        #expect(parsed.missingTimeZones.isEmpty)
        #expect(parsed.events.map(\.uid) == ["mediation-2026-001"])
        #expect(document.text.components(separatedBy: "BEGIN:VTIMEZONE").count == 2)
    }

    @Test func aCalendarWithoutSessionsIsStillValid() async throws {
        let parsed = try await parse(ICalendarDocument(name: "Bemiddelingsgesprekken", events: []))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.events.isEmpty)
        #expect(parsed.timeZones == ["Europe/Amsterdam"])
    }

    // MARK: - Times

    @Test func winterAndSummerSessionsAreWrittenInAmsterdamTime() async throws {
        let winter = try session("winter", from: "2026-01-15T09:00:00Z", to: "2026-01-15T10:30:00Z")
        let summer = try session("summer", from: "2026-07-02T12:00:00Z", to: "2026-07-02T13:00:00Z")
        let document = ICalendarDocument(name: "Sessies", events: [winter, summer])
        let lines = physicalLines(document.text)
        #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:20260115T100000"))
        #expect(lines.contains("DTEND;TZID=Europe/Amsterdam:20260115T113000"))
        #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:20260702T140000"))
        #expect(lines.contains("DTEND;TZID=Europe/Amsterdam:20260702T150000"))

        let parsed = try await parse(document)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        try expectTimes(parsed, ["winter": ("2026-01-15T09:00:00Z", "2026-01-15T10:30:00Z"),
                                 "summer": ("2026-07-02T12:00:00Z", "2026-07-02T13:00:00Z")])
    }

    /// Around the changes the parser's own zone data and the VTIMEZONE the document carries
    /// must both put the session at the booked hour; a wrong rule shows up as an hour's shift.
    @Test func sessionsAroundTheDaylightSavingChangesKeepTheirLocalHour() async throws {
        let events = [
            // Friday before summer time starts (29 March 2026): still CET.
            try session("before-march", from: "2026-03-27T09:00:00Z", to: "2026-03-27T10:00:00Z"),
            // Monday after: CEST, 10:00 local is 08:00Z.
            try session("after-march", from: "2026-03-30T08:00:00Z", to: "2026-03-30T09:00:00Z"),
            // Friday before summer time ends (25 October 2026): still CEST.
            try session("before-october", from: "2026-10-23T08:00:00Z", to: "2026-10-23T09:00:00Z"),
            // Monday after: CET, 10:00 local is 09:00Z.
            try session("after-october", from: "2026-10-26T09:00:00Z", to: "2026-10-26T10:00:00Z"),
        ]
        let document = ICalendarDocument(name: "Sessies", events: events)
        let lines = physicalLines(document.text)
        for day in ["20260327", "20260330", "20261023", "20261026"] {
            #expect(lines.contains("DTSTART;TZID=Europe/Amsterdam:\(day)T100000"), "\(day)")
            #expect(lines.contains("DTEND;TZID=Europe/Amsterdam:\(day)T110000"), "\(day)")
        }

        let parsed = try await parse(document)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        try expectTimes(parsed, [
            "before-march": ("2026-03-27T09:00:00Z", "2026-03-27T10:00:00Z"),
            "after-march": ("2026-03-30T08:00:00Z", "2026-03-30T09:00:00Z"),
            "before-october": ("2026-10-23T08:00:00Z", "2026-10-23T09:00:00Z"),
            "after-october": ("2026-10-26T09:00:00Z", "2026-10-26T10:00:00Z"),
        ])
    }

    /// 02:30 happens twice on 25 October 2026; a local time names the first, so the second
    /// must still arrive at its own instant.
    @Test func bothPassesThroughTheRepeatedHourKeepTheirInstant() async throws {
        let first = try session("first-pass", from: "2026-10-25T00:30:00Z", to: "2026-10-25T00:45:00Z")
        let second = try session("second-pass", from: "2026-10-25T01:30:00Z", to: "2026-10-25T01:45:00Z")
        let parsed = try await parse(ICalendarDocument(name: "Nacht", events: [first, second]))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        try expectTimes(parsed, [
            "first-pass": ("2026-10-25T00:30:00Z", "2026-10-25T00:45:00Z"),
            "second-pass": ("2026-10-25T01:30:00Z", "2026-10-25T01:45:00Z"),
        ])
    }

    @Test func theStampIsWrittenInUTC() async throws {
        var event = try session("stamped", from: "2026-07-02T12:00:00Z", to: "2026-07-02T13:00:00Z")
        event.stamp = try instant("2026-06-30T22:15:07Z")
        let document = ICalendarDocument(name: "Sessies", events: [event])
        #expect(physicalLines(document.text).contains("DTSTAMP:20260630T221507Z"))
        #expect(try await parse(document).events.first?.stamp == "2026-06-30T22:15:07Z")
    }

    // MARK: - Status and sequence

    @Test func aCancelledSessionIsPublishedWithItsStatusAndRaisedSequence() async throws {
        var cancelled = try session("mediation-2026-017", from: "2026-02-10T13:00:00Z", to: "2026-02-10T14:00:00Z")
        cancelled.sequence = 3
        cancelled.status = .cancelled
        let confirmed = try session("mediation-2026-018", from: "2026-02-11T13:00:00Z", to: "2026-02-11T14:00:00Z")
        var tentative = try session("mediation-2026-019", from: "2026-02-12T13:00:00Z", to: "2026-02-12T14:00:00Z")
        tentative.status = .tentative
        let parsed = try await parse(ICalendarDocument(name: "Sessies", events: [cancelled, confirmed, tentative]))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.events.map(\.status) == ["CANCELLED", "CONFIRMED", "TENTATIVE"])
        #expect(parsed.events.map(\.sequence) == [3, 0, 0])
    }

    // MARK: - Text

    @Test func textNeedingEscapesRoundTripsExactly() async throws {
        var event = try session("mediation-2026-020", from: "2026-04-14T08:00:00Z", to: "2026-04-14T09:30:00Z")
        event.summary = #"Gesprek gemeente Utrecht, UWV; dossier C:\zaken\2026-020"#
        event.location = "Kamer 3.14; ingang B, 2e verdieping"
        event.description = "Afspraken:\n1. terugbetaling, binnen 6 weken;\n2. excuses\\brief\n\nEinde"
        let document = ICalendarDocument(name: "Sessies", events: [event])
        let lines = physicalLines(document.text)
        #expect(lines.contains(#"SUMMARY:Gesprek gemeente Utrecht\, UWV\; dossier C:\\zaken\\2026-020"#))
        #expect(lines.contains(#"LOCATION:Kamer 3.14\; ingang B\, 2e verdieping"#))

        let parsed = try await parse(document)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        let read = try #require(parsed.events.first)
        #expect(read.summary == event.summary)
        #expect(read.location == event.location)
        #expect(read.description == event.description)
    }

    @Test func anyLineBreakReadsBackAsOneNewlineAndControlCharactersAreDropped() async throws {
        var event = try session("breaks", from: "2026-04-14T08:00:00Z", to: "2026-04-14T09:30:00Z")
        event.description = "windows\r\nold mac\runix\ntab\there\u{07}bell\u{1B}escape"
        let parsed = try await parse(ICalendarDocument(name: "Sessies", events: [event]))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.events.first?.description == "windows\nold mac\nunix\ntab\therebellescape")
    }

    /// Each padding shifts where the 75-octet boundaries fall inside the two-, three- and
    /// four-byte characters, so a split inside one would show in at least one case.
    @Test(arguments: 0..<4)
    func aLongNonASCIISummaryIsFoldedBetweenCharacters(padding: Int) async throws {
        var event = try session("folded", from: "2026-05-19T07:00:00Z", to: "2026-05-19T08:00:00Z")
        event.summary = String(repeating: "x", count: padding) + "Bemiddelingsgesprek "
            + String(repeating: "é", count: 45) + " " + String(repeating: "ë", count: 45) + " "
            + String(repeating: "€", count: 30) + " " + String(repeating: "👩‍⚖️", count: 8) + " ïüö"
        event.location = "Zaal “Thorbecke”, " + String(repeating: "ø", count: 70)
        let document = ICalendarDocument(name: String(repeating: "Bemiddelingsgesprekken ", count: 6), events: [event])

        let bytes = Array(document.text.utf8)
        let physical = crlfLines(bytes)
        #expect(physical.count > 1)
        for line in physical {
            #expect(line.count <= 75, "\(line.count) octets: \(String(decoding: line, as: UTF8.self))")
            #expect(String(validating: line, as: UTF8.self) != nil, "a character was split: \(line)")
        }
        let continuations = physical.filter { $0.first == UInt8(ascii: " ") }
        #expect(continuations.count >= 4)

        let parsed = try await parse(document)
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.name == document.name)
        #expect(parsed.events.first?.summary == event.summary)
        #expect(parsed.events.first?.location == event.location)
    }

    // MARK: - Bytes

    @Test func everyLineEndsWithCRLF() throws {
        var event = try session("crlf", from: "2026-01-15T09:00:00Z", to: "2026-01-15T10:30:00Z")
        event.description = "regel één\nregel twee\r\nregel drie " + String(repeating: "ë", count: 80)
        let bytes = Array(ICalendarDocument(name: "Sessies", events: [event]).text.utf8)
        #expect(bytes.starts(with: Array("BEGIN:VCALENDAR\r\n".utf8)))
        #expect(Array(bytes.suffix(15)) == Array("END:VCALENDAR\r\n".utf8))
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"), "bare LF at \(index)")
            }
            if byte == UInt8(ascii: "\r") {
                #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"), "bare CR at \(index)")
            }
        }
    }

    @Test func theSameSessionsGiveByteIdenticalTextInTheGivenOrder() async throws {
        func events() throws -> [ICalendarEvent] {
            var cancelled = try session("c-2026-003", from: "2026-03-30T08:00:00Z", to: "2026-03-30T09:00:00Z")
            cancelled.status = .cancelled
            cancelled.sequence = 2
            cancelled.description = "Verzet, bezwaar; beroep\nen meer: " + String(repeating: "ë", count: 50)
            return [
                cancelled,
                try session("a-2026-001", from: "2026-10-26T09:00:00Z", to: "2026-10-26T10:00:00Z"),
                try session("b-2026-002", from: "2026-01-15T09:00:00Z", to: "2026-01-15T10:30:00Z"),
            ]
        }
        let first = ICalendarDocument(name: "Sessies", events: try events())
        let second = ICalendarDocument(name: "Sessies", events: try events())
        #expect(Array(first.text.utf8) == Array(second.text.utf8))
        #expect(Array(first.text.utf8) == Array(first.text.utf8))
        #expect(try await parse(first).events.map(\.uid) == ["c-2026-003", "a-2026-001", "b-2026-002"])
    }

    // MARK: - Helpers

    private func instant(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    private func session(_ uid: String, from start: String, to end: String) throws -> ICalendarEvent {
        ICalendarEvent(
            uid: uid,
            sequence: 0,
            stamp: try instant("2026-01-05T10:00:00Z"),
            start: try instant(start),
            end: try instant(end),
            summary: "Bemiddelingsgesprek",
            location: "Nationale ombudsman, Den Haag",
            description: nil,
            status: .confirmed
        )
    }

    private func physicalLines(_ text: String) -> [String] {
        text.components(separatedBy: "\r\n")
    }

    private func crlfLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") && bytes[index + 1] == UInt8(ascii: "\n") {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// Start and end of each event by uid, as the parser reads them with its own zone data
    /// and with the VTIMEZONE in the document.
    private func expectTimes(_ parsed: ParsedCalendar, _ expected: [String: (start: String, end: String)],
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Set(parsed.events.map(\.uid)) == Set(expected.keys), sourceLocation: sourceLocation)
        for event in parsed.events {
            let times = try #require(expected[event.uid], sourceLocation: sourceLocation)
            #expect(event.start == times.start, "\(event.uid)", sourceLocation: sourceLocation)
            #expect(event.end == times.end, "\(event.uid)", sourceLocation: sourceLocation)
            #expect(event.startByOwnZone == times.start, "\(event.uid) by the document's VTIMEZONE", sourceLocation: sourceLocation)
            #expect(event.endByOwnZone == times.end, "\(event.uid) by the document's VTIMEZONE", sourceLocation: sourceLocation)
        }
    }

    private func parse(_ document: ICalendarDocument) async throws -> ParsedCalendar {
        let directory = TemporaryDirectory()
        defer { withExtendedLifetime(directory) {} }
        let path = directory.write("sessions.ics", document.text)
        let result = try await runCommand("/usr/bin/env", ["python3", "-c", Self.parser, path])
        try #require(result.status == 0, "the icalendar parser failed (scripts/install-dependencies installs it): \(result.error)")
        return try JSONDecoder().decode(ParsedCalendar.self, from: Data(result.output.utf8))
    }

    private struct ParsedCalendar: Decodable {
        var version: String?
        var prodid: String?
        var calscale: String?
        var method: String?
        var name: String?
        var timeZones: [String]
        var missingTimeZones: [String]
        var errors: [String]
        var events: [ParsedEvent]
    }

    private struct ParsedEvent: Decodable {
        var uid: String
        var sequence: Int
        var stamp: String
        var start: String
        var end: String
        var startByOwnZone: String
        var endByOwnZone: String
        var summary: String?
        var location: String?
        var description: String?
        var status: String?
    }

    /// Reads the file named by argv[1] with icalendar and prints what a client would see as
    /// JSON. Times are given in UTC twice: once as the parser resolves the TZID from its own
    /// zone data, once through the document's own VTIMEZONE, so a wrong rule cannot hide.
    private static let parser = #"""
        import datetime, json, sys
        import icalendar

        utc = datetime.timezone.utc

        def z(value):
            return value.astimezone(utc).strftime("%Y-%m-%dT%H:%M:%SZ")

        with open(sys.argv[1], "rb") as source:
            calendar = icalendar.Calendar.from_ical(source.read())

        zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}

        def by_own_zone(prop):
            tzid = prop.params.get("TZID")
            if tzid is None:
                return z(prop.dt)
            try:
                zone = zones[tzid].to_tz(lookup_tzid=False)
            except TypeError:
                zone = zones[tzid].to_tz()
            naive = prop.dt.replace(tzinfo=None)
            local = zone.localize(naive) if hasattr(zone, "localize") else naive.replace(tzinfo=zone)
            return z(local)

        def text(component, name):
            return str(component[name]) if name in component else None

        # X- properties come back unparsed; have the parser read the name as the TEXT it is.
        name = calendar.get("X-WR-CALNAME")
        if name is not None:
            raw = name.to_ical().decode("utf-8")
            name = str(icalendar.Event.from_ical("BEGIN:VEVENT\r\nSUMMARY:" + raw + "\r\nEND:VEVENT\r\n")["SUMMARY"])

        print(json.dumps({
            "version": text(calendar, "VERSION"),
            "prodid": text(calendar, "PRODID"),
            "calscale": text(calendar, "CALSCALE"),
            "method": text(calendar, "METHOD"),
            "name": name,
            "timeZones": sorted(zones),
            "missingTimeZones": sorted(calendar.get_missing_tzids()) if hasattr(calendar, "get_missing_tzids") else [],
            "errors": [str(error) for component in calendar.walk() for error in getattr(component, "errors", [])],
            "events": [{
                "uid": str(event["UID"]),
                "sequence": int(event["SEQUENCE"]),
                "stamp": z(event["DTSTAMP"].dt),
                "start": z(event["DTSTART"].dt),
                "end": z(event["DTEND"].dt),
                "startByOwnZone": by_own_zone(event["DTSTART"]),
                "endByOwnZone": by_own_zone(event["DTEND"]),
                "summary": text(event, "SUMMARY"),
                "location": text(event, "LOCATION"),
                "description": text(event, "DESCRIPTION"),
                "status": text(event, "STATUS"),
            } for event in calendar.walk("VEVENT")],
        }))
        """#
}
