import MediationStore

/// The journal took a reminder, and the database refused to mark it sent. The engine keeps the
/// mark and retries it before it sends anything else, so the reminder is not journalled again.
public struct ReminderMarkFailed: Error, CustomStringConvertible {
    /// The reminder as the journal names it (MEDIATION_REMINDER), or the session's.
    public let reminder: String
    public let cause: any Error

    public var description: String {
        let why = StorageFull.isCause(of: cause) ? "the disk holding the database is full" : "\(cause)"
        return "reminder \(reminder) is in the journal but could not be marked sent in the database (\(why)); "
            + "the mark is retried and the reminder is not sent again"
    }
}
