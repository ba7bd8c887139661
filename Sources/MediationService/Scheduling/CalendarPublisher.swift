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
    private var pause: (id: Int, resume: CheckedContinuation<Void, Never>)?
    private var pauses = 0
    private var flushing = false
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

    /// Writes what is pending now rather than after the delay, and returns when it is written:
    /// at shutdown, so that a change made just before the stop is in the file.
    func flush() async {
        flushing = true
        defer { flushing = false }
        endPause(pause?.id)
        await settled()
    }

    /// Waits out the delay, unless a flush ends the wait early. Not a cancelled task: the
    /// database refuses to read for one of those.
    private func waitDelay() async {
        guard !flushing else { return }
        pauses += 1
        let id = pauses
        await withCheckedContinuation { continuation in
            pause = (id, continuation)
            Task { [delay] in
                try? await Task.sleep(for: delay)
                await self.endPause(id)
            }
        }
    }

    private func endPause(_ id: Int?) {
        guard let current = pause, current.id == id else { return }
        pause = nil
        current.resume.resume()
    }

    private func writeDirty() async {
        while !dirty.isEmpty {
            await waitDelay()
            // What changes while these are written waits for the next round, after the delay.
            let round = dirty
            dirty = []
            for login in round.sorted() {
                do {
                    let sessions = try await store.sessions(SessionQuery(mediator: login, includeAll: true))
                    try await BlockingWork.run { [calendars] in try calendars.publish(login, sessions: sessions) }
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
