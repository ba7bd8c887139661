import Foundation
import MediationCore
import MediationStore
import Synchronization
import Varlink

/// Assembles the daemon's status from the parts that own each fact.
///
/// Everything it reads is in memory, so a status call never waits for the database.
public final class StatusReporter: Sendable {
    private let clock: any ServiceClock
    private let startedAt: Date
    private let database: DatabaseStatus
    private let activation: ListenerStatus.Activation
    private let socketPath: String?
    private let server: VarlinkServerState
    private let unreadable: UnreadableRecords
    /// The latest counts, and their form in a reply, made once per count rather than per call.
    private let caseStatistics = Mutex<(statistics: CaseStatistics, counts: CaseCounts)?>(nil)
    private let retentionStatus = Mutex<RetentionStatus?>(nil)

    init(
        clock: any ServiceClock,
        storage: StorageInformation,
        activation: ListenerStatus.Activation,
        socketPath: String?,
        server: VarlinkServerState,
        unreadable: UnreadableRecords
    ) {
        self.unreadable = unreadable
        self.clock = clock
        self.startedAt = clock.now
        self.database = DatabaseStatus(path: storage.location, schemaVersion: storage.schemaVersion, createdAt: storage.createdAt)
        self.activation = activation
        self.socketPath = socketPath
        self.server = server
    }

    public func report() -> ServiceStatus {
        let listener = ListenerStatus(
            activation: activation,
            path: socketPath,
            activeConnections: server.activeConnections,
            maximumConnections: server.limits.maximumConnections,
            callsServed: server.callsServed
        )
        return ServiceStatus(
            version: MediationVersion.string,
            startedAt: startedAt,
            uptimeSeconds: clock.now.timeIntervalSince(startedAt),
            database: database,
            listener: listener,
            cases: caseStatistics.withLock { $0?.counts },
            unreadableCases: unreadable.count,
            retention: retention
        )
    }

    /// Where retention stands, set by the retention service after each run and decision.
    public var retention: RetentionStatus? {
        get { retentionStatus.withLock { $0 } }
        set { retentionStatus.withLock { $0 = newValue } }
    }

    private static func counts(_ statistics: CaseStatistics) -> CaseCounts {
        CaseCounts(
            open: statistics.openCases,
            overdue: statistics.overdueDeadlines,
            nextDeadline: statistics.nextDue.map { .init(reference: $0.reference.description, kind: $0.kind.rawValue, due: $0.due.description) }
        )
    }

    /// The counts of cases, refreshed by the reminder timer after each pass, so that neither a
    /// status call nor READY=1 waits for a count over every case.
    public var cases: CaseStatistics? {
        get { caseStatistics.withLock { $0?.statistics } }
        set {
            let latest = newValue.map { (statistics: $0, counts: Self.counts($0)) }
            caseStatistics.withLock { $0 = latest }
        }
    }

    /// The one line systemd shows as the unit's status.
    public var summary: String {
        let status = report()
        var line = "Serving on \(status.listener.path ?? "inherited socket"), \(status.listener.activeConnections) client(s)"
        if let cases = status.cases { line += "; " + cases.summary }
        if status.unreadableCases > 0 { line += "; \(status.unreadableCases) case(s) cannot be read" }
        return line
    }
}
