import Foundation
import GRDB
import MediationCore
import Synchronization

/// Storage in one SQLite file in the state directory, through GRDB.
///
/// WAL lets status reads run beside writes; `synchronous=FULL` makes a committed write durable
/// before it is acknowledged, so an acknowledged booking survives a power cut.
public final class SQLiteStorage: Storage {
    public static let fileName = "mediationd.sqlite"

    let pool: DatabasePool
    public let path: String
    /// Mediators as last read, with their hours parsed: every slot search needs all of them,
    /// and they change only through this process.
    let mediatorCache = MediatorCache()

    private init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    /// Opens (creating if need be) and migrates the database in `directory`.
    public static func open(directory: String) throws(StorageOpenError) -> SQLiteStorage {
        let path = (directory as NSString).appendingPathComponent(fileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(directory)
        }
        try createPrivately(path)

        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Retention erases personal data: what a change frees is zeroed, not left in free
            // pages and free space for a copy of the file to read (SQLiteStorage+Retention).
            // Debian's SQLite is built with this on; others are not.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        configuration.busyMode = .timeout(5)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = SchemaMigrations.migrator
            try pool.read { db in
                if try migrator.hasBeenSuperseded(db) {
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                    throw StorageOpenError.newerSchema(path: path, version: unknown.sorted().joined(separator: ", "))
                }
            }
            try migrator.migrate(pool)
            // GRDB sets synchronous=NORMAL on the writing connection when it turns WAL on, after
            // prepareDatabase ran: a commit would then survive a crash of the daemon but not of
            // the machine. An acknowledged booking must survive both.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            return SQLiteStorage(pool: pool, path: path)
        } catch let error as StorageOpenError {
            throw error
        } catch let error as DatabaseError {
            throw classify(error, path: path)
        } catch {
            throw .failed(path: path, reason: "\(error)")
        }
    }

    /// The database holds personal data: create it 0600 before SQLite does, since SQLite gives
    /// its -wal and -shm files the main file's mode.
    private static func createPrivately(_ path: String) throws(StorageOpenError) {
        let fd = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM { throw .permissionDenied(path) }
            throw .failed(path: path, reason: String(cString: strerror(code)))
        }
        close(fd)
    }

    private static func classify(_ error: DatabaseError, path: String) -> StorageOpenError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADatabase(path)
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: .permissionDenied(path)
        case .SQLITE_CANTOPEN where access(path, R_OK | W_OK) != 0: .permissionDenied(path)
        default: .failed(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    public func information() async throws -> StorageInformation {
        try await pool.read { db in
            let createdAt = try Date.fetchOne(db, sql: "SELECT created_at FROM installation WHERE id = 1") ?? Date(timeIntervalSince1970: 0)
            let migrator = SchemaMigrations.migrator
            let applied = try migrator.appliedIdentifiers(db)
            let version = migrator.migrations.last(where: applied.contains) ?? "none"
            return StorageInformation(location: self.path, schemaVersion: version, createdAt: createdAt)
        }
    }

    /// Pragmas as SQLite reports them, so tests and `status` can show the durability settings
    /// actually in force rather than the ones asked for.
    /// Read on the connection that writes, which is where durability is decided.
    public func pragma(_ name: String) async throws -> String? {
        try await pool.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}
