import Logging
import Synchronization

/// The cases whose stored rows a listing had to leave out because they cannot be read (a row
/// written by an older release, or damaged on disk). Each is named in the journal once, so an
/// operator can restore it, and counted for `mediationctl status`; the listing goes on without it.
public final class UnreadableRecords: Sendable {
    private let references = Mutex<Set<String>>([])
    private let logger: Logger?

    public init(logger: Logger?) {
        self.logger = logger
    }

    public var count: Int { references.withLock { $0.count } }

    /// Notes the references a listing skipped; journals those not seen before.
    func report(_ skipped: [String]) {
        guard !skipped.isEmpty else { return }
        let new = references.withLock { known in skipped.filter { known.insert($0).inserted } }
        for reference in new {
            logger?.error("A stored record of case \(reference) cannot be read; listings leave it out. Restore the case from a backup.",
                          metadata: ["MEDIATION_CASE": "\(reference)"])
        }
    }
}
