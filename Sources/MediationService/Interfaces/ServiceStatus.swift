import Foundation

/// The reply of `io.mediationd.Service.GetStatus`, shared by the daemon and `mediationctl`.
public struct ServiceStatus: Codable, Sendable, Equatable {
    public var version: String
    public var startedAt: Date
    public var uptimeSeconds: Double
    public var database: DatabaseStatus
    public var listener: ListenerStatus

    public init(version: String, startedAt: Date, uptimeSeconds: Double, database: DatabaseStatus, listener: ListenerStatus) {
        self.version = version
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.database = database
        self.listener = listener
    }
}

public struct DatabaseStatus: Codable, Sendable, Equatable {
    public var path: String
    public var schemaVersion: String
    public var createdAt: Date

    public init(path: String, schemaVersion: String, createdAt: Date) {
        self.path = path
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
    }
}

public struct ListenerStatus: Codable, Sendable, Equatable {
    /// How the socket came to be: `socket` when systemd passed it, `direct` when bound here.
    public enum Activation: String, Codable, Sendable {
        case socket
        case direct
    }

    public var activation: Activation
    public var path: String?
    public var activeConnections: Int
    public var maximumConnections: Int
    public var callsServed: Int

    public init(activation: Activation, path: String?, activeConnections: Int, maximumConnections: Int, callsServed: Int) {
        self.activation = activation
        self.path = path
        self.activeConnections = activeConnections
        self.maximumConnections = maximumConnections
        self.callsServed = callsServed
    }
}
