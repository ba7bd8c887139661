import Foundation
import Logging
import MediationCore
import MediationStore

/// Rewrites the mediators' published calendar files after their sessions change, beside the
/// bookings rather than in their way: requests for one mediator that arrive while a file is
/// being written make one more write, with the sessions as they are then.
actor CalendarPublisher {
    private let store: any ScheduleStore
    private let calendars: MediatorCalendars
    private let logger: Logger
    private var dirty: Set<String> = []
    private var writing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(store: any ScheduleStore, calendars: MediatorCalendars, logger: Logger) {
        self.store = store
        self.calendars = calendars
        self.logger = logger
    }

    func republish(_ login: String) {
        dirty.insert(login)
        guard !writing else { return }
        writing = true
        Task { await self.writeDirty() }
    }

    /// Returns once every requested file is written (for tests and shutdown).
    func settled() async {
        guard writing else { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func writeDirty() async {
        while let login = dirty.popFirst() {
            do {
                try calendars.publish(login, sessions: try await store.sessions(SessionQuery(mediator: login, includeAll: true)))
            } catch {
                // The sessions are safe in the database; the file catches up with the next change.
                logger.error("The calendar file of \(login) could not be written: \(error)")
            }
        }
        writing = false
        for waiter in waiting { waiter.resume() }
        waiting = []
    }
}
