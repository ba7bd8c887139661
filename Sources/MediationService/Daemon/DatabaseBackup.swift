import Foundation
import MediationStore

/// `mediationctl backup`: a consistent copy made beside the database, then handed to the client
/// in pieces, so that the client writes it with its own permissions wherever it likes (the
/// hardened unit lets the daemon write nowhere but its state directory). The copy in the state
/// directory is removed once sent, or when sending fails.
public struct DatabaseBackup: Sendable {
    /// Raw bytes per reply; as base64 well under the client's message limit.
    public static let pieceSize = 384 * 1024

    let storage: SQLiteStorage
    let stateDirectory: String

    public init(storage: SQLiteStorage, stateDirectory: String) {
        self.storage = storage
        self.stateDirectory = stateDirectory
    }

    /// Where copies are staged while they are sent.
    var stagingDirectory: String { stateDirectory + "/backups" }

    /// Removes copies a backup interrupted by a crash or a kill left in the staging directory:
    /// they hold personal data that retention may since have erased. Only this daemon stages
    /// there, and it is not serving yet. Returns how many went.
    @discardableResult
    public func removeStagedCopies() -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: stagingDirectory)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(Self.stagedPrefix) {
            if (try? FileManager.default.removeItem(atPath: "\(stagingDirectory)/\(name)")) != nil { removed += 1 }
        }
        return removed
    }

    private static let stagedPrefix = "backup-"

    /// Makes the copy and gives it piece by piece to `send`, with the whole size and whether
    /// the piece is the last.
    public func stream(_ send: (_ piece: Data, _ offset: Int, _ size: Int, _ last: Bool) async throws -> Void) async throws {
        let directory = stagingDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = "\(directory)/\(Self.stagedPrefix)\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await storage.backup(to: path)
        guard let file = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { try? file.close() }
        let size = Int((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
        var offset = 0
        repeat {
            let piece = try file.read(upToCount: Self.pieceSize) ?? Data()
            let last = offset + piece.count >= size
            try await send(piece, offset, size, last)
            offset += piece.count
            if piece.isEmpty { break }
        } while offset < size
    }
}
