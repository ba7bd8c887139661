import Foundation
import GRDB

extension SQLiteStorage {
    /// A consistent copy of the database as it is now, made with SQLite's backup API from one
    /// read snapshot, so writes go on meanwhile and none is half in the copy. `path` must not
    /// exist. Runs off the caller's thread: a large database takes a while.
    public func backup(to path: String) async throws {
        let pool = self.pool
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                    }
                    let copy = try DatabaseQueue(path: path)
                    try pool.backup(to: copy)
                    // One self-contained file: a copy in WAL mode would need -wal and -shm files
                    // beside it to be read, even read-only. The daemon turns WAL on again when
                    // it opens a restored copy.
                    try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
                    try copy.close()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

/// A backup file as `mediationctl backup` checks it before calling it done.
public enum BackupCheck {
    /// SQLite's own check of every page and index, and the schema this daemon wrote; throws
    /// with the reason when the file is not a sound mediationd database.
    public static func verify(_ path: String) throws -> (schemaVersion: String, cases: Int) {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let verdict = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard verdict == ["ok"] else { throw BackupCheckError(reason: verdict.prefix(3).joined(separator: "; ")) }
            let migrator = SchemaMigrations.migrator
            let applied = try migrator.appliedIdentifiers(db)
            guard let version = migrator.migrations.last(where: applied.contains) else {
                throw BackupCheckError(reason: "it holds no mediationd schema")
            }
            return (version, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_file") ?? 0)
        }
    }
}

public struct BackupCheckError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "the copy is not sound: \(reason)" }
}
