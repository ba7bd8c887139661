import Foundation
import MediationCore
import MediationService
import Testing

@Suite("Watchers' backlogs")
struct CaseEventHubTests {
    private func change(_ number: Int, summaryBytes: Int) -> CaseEvent {
        .changed(CaseReference("W-\(number)")!, CaseHistoryEntry(
            at: Date(timeIntervalSince1970: 1_800_000_000), author: ChangeAuthor(uid: 1000, login: "anna"),
            change: CaseChange(action: .suspended, summary: "suspended: " + String(repeating: "x", count: summaryBytes))))
    }

    @Test func aWatcherThatNeverReadsHoldsAtMostItsBytesAndKeepsTheNewest() async throws {
        let hub = CaseEventHub(backlogBytes: 64 << 10, backlogEvents: 1_000)
        let subscription = hub.subscribe()
        // 2,000 events of some 2 KiB each: 4 MiB if nothing were dropped, and under the count.
        for number in 1...2_000 { hub.publish(change(number, summaryBytes: 2_000)) }
        let held = hub.backlogBytesHeld
        #expect(held > 0 && held <= 64 << 10, "\(held) bytes held")

        var received: [String] = []
        for await event in subscription {
            guard case .changed(let reference, _) = event else { continue }
            received.append(reference.text)
            if reference.text == "W-2000" { break }
        }
        #expect(received.count < 40, "only what fits in 64 KiB: \(received.count)")
        #expect(received.last == "W-2000", "the newest are kept")
        #expect(received == received.sorted { Int($0.dropFirst(2))! < Int($1.dropFirst(2))! }, "in order")
    }

    @Test func smallEventsAreBoundedByTheirNumber() {
        let hub = CaseEventHub(backlogBytes: 64 << 20, backlogEvents: 100)
        let subscription = hub.subscribe()
        for number in 1...1_000 { hub.publish(change(number, summaryBytes: 10)) }
        #expect(hub.backlogBytesHeld < 100 * 1_000)
        _ = subscription
    }

    @Test func aSubscriptionEndsWhenItsReaderGoesAway() async throws {
        let hub = CaseEventHub()
        let reader = Task {
            for await _ in hub.subscribe() {}
        }
        while hub.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        reader.cancel()
        await reader.value
        #expect(hub.subscriberCount == 0)
        hub.publish(change(1, summaryBytes: 10))
        #expect(hub.backlogBytesHeld == 0)
    }
}
