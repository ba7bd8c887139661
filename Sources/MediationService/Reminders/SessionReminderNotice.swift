import Foundation
import MediationCore

/// The reminder a mediator gets the working day before a session: when, where, for which case;
/// never the parties' names.
public struct SessionReminderNotice: Sendable, Equatable {
    public let session: Session
    public let sentAt: Date

    public var message: String {
        let start = LocalDateTime(session.start)
        return "Session \(session.id) for case \(session.caseReference): \(session.mediator) mediates on \(start.date) from \(start.time) "
            + "to \(LocalDateTime(session.end).time) in \(session.place). mediationctl session show \(session.id)"
    }
}
