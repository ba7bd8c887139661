import Foundation
import Glibc

/// A file the user named for output: refused before anything is written when it exists or its
/// directory is not writable; written beside it under a temporary name and linked into place
/// only when complete, so the path holds the whole file or nothing, and an existing file that
/// appeared meanwhile is never overwritten.
final class ExclusiveOutputFile {
    let path: String
    private let temporary: String
    private var descriptor: Int32 = -1

    /// Checks the path; the same checks run again, atomically, when the file is linked.
    static func check(_ path: String) throws(CLIFailure) {
        if FileManager.default.fileExists(atPath: path) {
            throw CLIFailure(message: "\(path) already exists; give a new path, or remove the file first", exitCode: CLIFailure.cannotCreate)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if access(directory.isEmpty ? "." : directory, W_OK | X_OK) != 0 {
            throw CLIFailure(message: "cannot write in \(directory.isEmpty ? "." : directory): \(String(cString: strerror(errno))); give a path in a directory you may write to",
                             exitCode: CLIFailure.cannotCreate)
        }
    }

    init(_ path: String, mode: mode_t) throws(CLIFailure) {
        try Self.check(path)
        self.path = path
        temporary = "\(path).partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 { throw failure("cannot create \(temporary)") }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    func write(_ data: Data) throws(CLIFailure) {
        let ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        if !ok { throw failure("cannot write \(temporary)") }
    }

    /// The written file, for a check before it is put in place.
    var writtenPath: String { temporary }

    /// Flushes to disk and puts the file at its path.
    func commit() throws(CLIFailure) {
        guard fsync(descriptor) == 0 else { throw failure("cannot flush \(temporary)") }
        close(descriptor)
        descriptor = -1
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            let reason = errno == EEXIST ? "it appeared while the file was being written" : String(cString: strerror(errno))
            throw CLIFailure(message: "could not write \(path): \(reason); nothing was written", exitCode: CLIFailure.cannotCreate)
        }
    }

    private func failure(_ what: String) -> CLIFailure {
        CLIFailure(message: "\(what): \(String(cString: strerror(errno))); nothing was written to \(path)", exitCode: CLIFailure.cannotCreate)
    }
}
