import Logging
import Systemd

/// The daemon's own life in the journal: one entry when it starts serving, one when it stops,
/// one per reload, each with a MESSAGE_ID documented in `systemd/mediationd.catalog`.
public struct LifecycleJournal: Sendable {
    public static let started = JournalMessageID(rawValue: "8bf409691b7d4f0b8ae014ba5532231c")!
    public static let stopped = JournalMessageID(rawValue: "f433ec43a3bb4cdab7197910cf0df722")!
    public static let reloaded = JournalMessageID(rawValue: "20213a0074ef4648b29eec213f117ff8")!
    public static let reloadRefused = JournalMessageID(rawValue: "07fd45626d01412d91015c321931459c")!
    public static let purged = JournalMessageID(rawValue: "9c112d329d044108923f0effd212433b")!
    /// A destruction list waits for an admin's approval: when prepared, and once a day after.
    public static let destructionListPending = JournalMessageID(rawValue: "563cb8214d994b6eb34538d907d23e35")!
    /// No destruction list was prepared because the wall clock reads earlier than the newest
    /// stored change.
    public static let destructionListHeld = JournalMessageID(rawValue: "5ae425be4faf43dea1292c3e4d37169b")!

    private let journal = Journal()
    private let logger: Logger
    /// When the daemon's log already goes to the journal, the structured entry is the log line;
    /// otherwise the line is logged as well, so a developer sees it on the terminal.
    private let logsToJournal: Bool

    public init(logger: Logger, logTarget: LogTarget) {
        self.logger = logger
        self.logsToJournal = logTarget.resolved == .journal
    }

    public func record(_ id: JournalMessageID, priority: JournalPriority, _ message: String, fields: [String: String] = [:]) {
        var entry: [JournalField] = [
            .message(message),
            .messageID(id),
            .priority(priority),
            JournalField("SYSLOG_IDENTIFIER", "mediationd"),
        ]
        entry += fields.sorted { $0.key < $1.key }.map { JournalField($0.key, $0.value) }
        let written = journal.isAvailable && (try? journal.send(entry)) != nil
        if !written || !logsToJournal {
            logger.log(level: Logger.Level(priority), "\(message)")
        }
    }
}

extension Logger.Level {
    init(_ priority: JournalPriority) {
        switch priority {
        case .emergency, .alert, .critical: self = .critical
        case .error: self = .error
        case .warning: self = .warning
        case .notice: self = .notice
        case .info: self = .info
        case .debug: self = .debug
        }
    }
}
