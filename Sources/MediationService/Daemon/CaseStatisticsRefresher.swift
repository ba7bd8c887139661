import Foundation
import ServiceLifecycle
import Systemd

/// Keeps the case counts in the status line current without putting a count over every case
/// in the reminder timer's path: requests are coalesced, and counted at most once per
/// `interval`, beside the timer rather than in its way.
final class CaseStatisticsRefresher: Service, Sendable {
    private let cases: CaseService
    private let status: StatusReporter
    private let notifier: SystemdNotifier
    private let interval: Duration
    private let requests: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init(cases: CaseService, status: StatusReporter, notifier: SystemdNotifier, interval: Duration = .seconds(2)) {
        self.cases = cases
        self.status = status
        self.notifier = notifier
        self.interval = interval
        (requests, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a recount; several requests before it runs make one.
    func refresh() {
        continuation.yield()
    }

    func run() async throws {
        for await _ in requests.cancelOnGracefulShutdown() {
            if let statistics = try? await cases.statistics() {
                status.cases = statistics
                notifier.status(status.summary)
            }
            try? await Task.sleep(for: interval)
        }
    }
}
