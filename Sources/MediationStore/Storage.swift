import Foundation

/// The daemon's persistent storage, as the service sees it. SQLite is the embedded
/// implementation; SQL and its library stay behind this protocol.
public protocol Storage: Sendable {
    /// Facts about the database itself, for status reports.
    func information() async throws -> StorageInformation
}

public struct StorageInformation: Sendable, Equatable {
    /// Where the data lives (a file path for SQLite).
    public let location: String
    /// The last migration applied.
    public let schemaVersion: String
    /// When this database was first created; it identifies the installation across restarts.
    public let createdAt: Date
}
