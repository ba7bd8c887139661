import GRDB
import Glibc

/// The disk holding the state directory has no room left. SQLite rolls back the transaction
/// that ran out of space and keeps serving reads, so a write refused this way leaves nothing
/// half-written and succeeds again once space is freed: a condition to report, not a failure.
public enum StorageFull {
    /// Whether `error` means the write found no room: SQLite's SQLITE_FULL, or a file write
    /// that failed with ENOSPC or EDQUOT (a quota is as full as a disk to the daemon).
    public static func isCause(of error: any Error) -> Bool {
        switch error {
        case let error as DatabaseError: error.resultCode == .SQLITE_FULL
        case let error as any FileWriteFailure: error.code == ENOSPC || error.code == EDQUOT
        default: false
        }
    }
}

/// A file write that failed with an errno, so `StorageFull` can recognise a full disk in any
/// writer's error, not only the database's.
public protocol FileWriteFailure: Error {
    var code: Int32 { get }
}
