import Foundation
import MediationCore
import MediationStore

/// Group commit for bookings: the bookings that arrive while one transaction commits go
/// together into the next, so sixteen clients booking at once share a durable commit instead of
/// queueing for one each. Every booking is still checked, in arrival order, against all before
/// it in the same transaction.
actor BookingBatcher {
    private struct Pending {
        let booking: Booking
        let author: ChangeAuthor
        let reply: CheckedContinuation<Result<Session, any Error>, Never>
    }

    private let store: any ScheduleStore
    private let clock: any ServiceClock
    private var pending: [Pending] = []
    private var committing = false

    init(store: any ScheduleStore, clock: any ServiceClock) {
        self.store = store
        self.clock = clock
    }

    func book(_ booking: Booking, author: ChangeAuthor) async throws -> Session {
        let result = await withCheckedContinuation { reply in
            pending.append(Pending(booking: booking, author: author, reply: reply))
            if !committing {
                committing = true
                Task { await self.commitPending() }
            }
        }
        return try result.get()
    }

    private func commitPending() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let results: [Result<Session, any Error>]
            do {
                results = try await store.book(batch.map(\.booking), author: batch.map(\.author), at: clock.now)
            } catch {
                results = batch.map { _ in .failure(error) }
            }
            for (entry, result) in zip(batch, results) { entry.reply.resume(returning: result) }
        }
        committing = false
    }
}
