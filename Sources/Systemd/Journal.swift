import CSystemd
import Glibc

/// Writes structured entries to the systemd journal (sd_journal_sendv(3)).
public struct Journal: Sendable {
    public init() {}

    /// Whether journald's socket exists; false in containers and on machines without journald.
    public var isAvailable: Bool {
        access("/run/systemd/journal/socket", F_OK) == 0
    }

    /// Sends one entry; throws when journald did not take it, so that callers who must not lose
    /// an entry (reminders) can keep it and retry.
    public func send(_ fields: [JournalField]) throws(JournalError) {
        let assignments = fields.map { "\($0.name)=\($0.value)" }
        let result = Journal.withIOVectors(assignments) { vectors in
            sd_journal_sendv(vectors.baseAddress, CInt(vectors.count))
        }
        if result < 0 {
            throw JournalError(code: -result)
        }
    }

    /// sd_journal_sendv takes `iovec`s pointing at each assignment; keep every buffer alive until
    /// the call returns.
    private static func withIOVectors<R>(_ strings: [String], _ body: (UnsafeBufferPointer<iovec>) -> R) -> R {
        var buffers = strings.map { Array($0.utf8) }
        func nest(_ index: Int, _ vectors: inout [iovec]) -> R {
            if index == buffers.count {
                return vectors.withUnsafeBufferPointer(body)
            }
            return buffers[index].withUnsafeMutableBytes { raw in
                vectors.append(iovec(iov_base: raw.baseAddress, iov_len: raw.count))
                return nest(index + 1, &vectors)
            }
        }
        var vectors: [iovec] = []
        vectors.reserveCapacity(buffers.count)
        return nest(0, &vectors)
    }
}

public struct JournalError: Error, CustomStringConvertible, Sendable {
    public let code: CInt
    public var description: String { "journald did not accept the entry: \(String(cString: strerror(code)))" }
}
