import Foundation
import MediationService
import Testing

@Suite("Reminder pacing")
struct ReminderPacerTests {
    @Test func overTheLimitAReminderWaitsForTheNextWindowInsteadOfBeingDropped() async throws {
        let pacer = ReminderPacer(limit: 3, per: .milliseconds(400))
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<3 { try await pacer.admit() }
        let withinLimit = clock.now - start
        try await pacer.admit()
        let fourth = clock.now - start
        // Only lower bounds: a loaded machine makes everything slower, never faster.
        #expect(fourth >= .milliseconds(400), "the fourth waited for the window (took \(fourth))")
        #expect(withinLimit < fourth)
    }
}
