import Foundation
import Logging
import MediationCore
import MediationStore

/// Rewrites the mediators' published calendar files after their sessions change, beside the
/// bookings rather than in their way: it waits a moment after the first change, so that a busy
/// morning of bookings makes one write per mediator rather than one per booking. Calendar
/// clients poll such files every few minutes at most.
actor CalendarPublisher {
    private let store: any ScheduleStore
    private let calendars: MediatorCalendars
    private let logger: Logger
    private var dirty: Set<String> = []
    private var writing = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let delay: Duration

    init(store: any ScheduleStore, calendars: MediatorCalendars, logger: Logger, delay: Duration) {
        self.store = store
        self.calendars = calendars
        self.logger = logger
        self.delay = delay
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
        while !dirty.isEmpty {
            try? await Task.sleep(for: delay)
            // What changes while these are written waits for the next round, after the delay.
            let round = dirty
            dirty = []
            for login in round.sorted() {
                do {
                    try calendars.publish(login, sessions: try await store.sessions(SessionQuery(mediator: login, includeAll: true)))
                } catch {
                    // The sessions are safe in the database; the file catches up with the next change.
                    logger.error("The calendar file of \(login) could not be written: \(error)")
                }
            }
        }
        writing = false
        for waiter in waiting { waiter.resume() }
        waiting = []
    }
}
