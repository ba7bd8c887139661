import Foundation
import Glibc
import MediationStore

/// Writes a file so that a reader sees the old contents or the new, never half: a temporary file
/// beside it, rename over the old one. A durable write also fsyncs the file and the directory,
/// so it survives a power cut; files derived from the database, which the next change rewrites
/// anyway, skip that and keep bookings as fast as the database's own commit.
enum AtomicFile {
    struct WriteError: FileWriteFailure, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    static func write(_ data: Data, to path: String, mode: mode_t = 0o644, durable: Bool) throws(WriteError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: temporary, code: errno) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        let code = errno
        guard written, !durable || fsync(fd) == 0 else {
            close(fd)
            unlink(temporary)
            throw WriteError(path: temporary, code: written ? errno : code)
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, code: code)
        }
        guard durable else { return }
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
