import Foundation
import Logging
import MediationCore
import MediationStore
import ServiceLifecycle
import Synchronization

/// Retention (AVG/GDPR): once a day, and when an admin asks, closed cases older than the
/// period lose their personal data in the database and their documents on disk.
public final class RetentionService: Service, Sendable {
    private let storage: SQLiteStorage
    private let clock: any ServiceClock
    private let archive: DocumentArchive
    private let journal: LifecycleJournal
    private let logger: Logger
    /// Days a closed case keeps its personal data; nil keeps it for ever.
    private let period: Mutex<Int?>
    /// When the daily run starts, in the office's time zone.
    static let runTime = LocalTime(hour: 2, minute: 30)!

    init(storage: SQLiteStorage, clock: any ServiceClock, stateDirectory: String, keepClosedDays: Int?, journal: LifecycleJournal, logger: Logger) {
        self.storage = storage
        self.clock = clock
        self.archive = DocumentArchive(directory: stateDirectory)
        self.journal = journal
        self.logger = logger
        self.period = Mutex(keepClosedDays)
    }

    public func update(keepClosedDays: Int?) {
        period.withLock { $0 = keepClosedDays }
    }

    /// What is past the period: the cases closed on or before the returned day. Nothing when no
    /// period is set.
    public func expired() async throws -> (closedOnOrBefore: CalendarDate?, cases: [ExpiredCase]) {
        guard let days = period.withLock({ $0 }) else { return (nil, []) }
        let last = CalendarDate(clock.now).adding(days: -days)
        return (last, try await storage.expiredCases(closedOnOrBefore: last))
    }

    /// Erases what `expired` lists, writes one journal entry, and returns the cases purged.
    @discardableResult
    public func purge() async throws -> (closedOnOrBefore: CalendarDate?, cases: [ExpiredCase]) {
        let (last, expired) = try await expired()
        guard let last, !expired.isEmpty else { return (last, []) }
        let purged = try await storage.purge(expired, today: CalendarDate(clock.now))
        let folders = purged.flatMap { case_ in DocumentKind.allCases.map { archive.folder($0, reference: case_.reference.text) } }
        try await BlockingWork.run {
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        }
        journal.record(LifecycleJournal.purged, priority: .notice,
                       "Removed the personal data of \(purged.count) case(s) closed on or before \(last), past the retention period",
                       fields: ["MEDIATION_PURGED": String(purged.count), "MEDIATION_CLOSED_BEFORE": last.description])
        return (last, purged)
    }

    /// Once at start, for a run missed while the daemon was down, then every day at `runTime`.
    public func run() async throws {
        while !Task.isCancelled {
            do {
                try await purge()
            } catch {
                logger.error("The retention run failed; it is tried again at the next run: \(error)")
            }
            let now = clock.now
            let tomorrow = CalendarDate(now).adding(days: 1)
            let next = Self.runTime.instant(on: Self.runTime.instant(on: CalendarDate(now)) > now ? CalendarDate(now) : tomorrow)
            let wait = max(1, next.timeIntervalSince(now))
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
        }
    }
}
