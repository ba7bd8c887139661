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
        guard !fields.isEmpty else { throw JournalError(code: EINVAL) }
        let assignments = fields.map { "\($0.name)=\($0.value)" }
        let result = Journal.withIOVectors(assignments) { vectors in
            sd_journal_sendv(vectors.baseAddress, CInt(vectors.count))
        }
        if result < 0 {
            throw JournalError(code: -result)
        }
    }

    /// sd_journal_sendv takes one `iovec` per assignment; they all point into one buffer that
    /// lives until the call returns.
    private static func withIOVectors<R>(_ strings: [String], _ body: (UnsafeBufferPointer<iovec>) -> R) -> R {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for string in strings {
            let start = bytes.count
            bytes.append(contentsOf: string.utf8)
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeMutableBytes { raw in
            let vectors = ranges.map { iovec(iov_base: raw.baseAddress! + $0.lowerBound, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer(body)
        }
    }
}

public struct JournalError: Error, CustomStringConvertible, Sendable {
    public let code: CInt
    public var description: String { "journald did not accept the entry: \(String(cString: strerror(code)))" }
}
