import Foundation
import Logging

/// A swift-log handler that writes structured entries to the journal: the message, its priority,
/// where in the code it was logged, and each metadata item as a field of its own, so operators can
/// filter with `journalctl FIELD=value`.
///
/// When journald refuses an entry the line goes to stderr instead of being lost.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let identifier: String
    private let journal: Journal

    public init(label: String, identifier: String, journal: Journal = Journal()) {
        self.label = label
        self.identifier = identifier
        self.journal = journal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [JournalField] = [
            .message(event.message.description),
            .priority(JournalPriority(event.level)),
            JournalField("SYSLOG_IDENTIFIER", identifier),
            JournalField("CODE_FILE", event.file),
            JournalField("CODE_LINE", String(event.line)),
            JournalField("CODE_FUNC", event.function),
            JournalField("LOGGER", label),
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            fields.append(JournalField(key, value.description))
        }
        do {
            try journal.send(fields)
        } catch {
            FileHandle.standardError.write(Data("\(identifier): \(event.level): \(event.message) (\(error))\n".utf8))
        }
    }
}

extension JournalPriority {
    public init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }
}
