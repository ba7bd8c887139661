import Foundation
import Glibc

/// Whether a file descriptor is systemd's journal stream, as `JOURNAL_STREAM=device:inode` says
/// (systemd.exec(5)): then the daemon should log natively instead of writing plain lines.
public enum JournalStream {
    public static func isConnected(_ fd: CInt = STDERR_FILENO) -> Bool {
        guard let value = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}
