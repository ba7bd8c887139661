import Foundation
import MediationCore
import MediationStore
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

    init(
        clock: any ServiceClock,
        storage: StorageInformation,
        activation: ListenerStatus.Activation,
        socketPath: String?,
        server: VarlinkServerState
    ) {
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
            listener: listener
        )
    }

    /// The one line systemd shows as the unit's status.
    public var summary: String {
        let status = report()
        return "Serving on \(status.listener.path ?? "inherited socket"), \(status.listener.activeConnections) client(s); database schema \(status.database.schemaVersion)"
    }
}
