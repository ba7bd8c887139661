import Foundation
import MediationCore

/// Sessions as calendar clients see them. The summary and description carry the case reference
/// and the mediator's login, never the parties' names.
enum SessionCalendar {
    static func event(_ session: Session) -> ICalendarEvent {
        ICalendarEvent(
            uid: session.uid, sequence: session.sequence, stamp: session.changedAt, start: session.start, end: session.end,
            summary: "Bemiddelingsgesprek \(session.caseReference)", location: session.place,
            description: "Case \(session.caseReference), session \(session.id), mediator \(session.mediator)"
                + (session.state == .scheduled || session.state == .cancelled ? "" : "; \(session.state.rawValue)"),
            status: session.state == .cancelled ? .cancelled : .confirmed)
    }

    static func document(_ name: String, _ sessions: [Session]) -> String {
        ICalendarDocument(name: name, events: sessions.map(event)).text
    }
}

/// Keeps `calendars/LOGIN.ics` in the state directory current for every mediator, so a web
/// server or a calendar client can subscribe to it.
struct MediatorCalendars: Sendable {
    let directory: String

    func publish(_ login: String, sessions: [Session]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try AtomicFile.write(Data(SessionCalendar.document("Bemiddelingsgesprekken \(login)", sessions).utf8), to: "\(directory)/\(login).ics", durable: false)
    }
}
