import Logging

/// Where the daemon's own log lines go.
public enum LogTarget: String, Sendable, CaseIterable {
    /// The journal when stderr is connected to it (running under systemd), stderr otherwise.
    case auto
    case journal
    case stderr

    /// Resolves `auto` against the process's actual stderr.
    public var resolved: LogTarget {
        guard self == .auto else { return self }
        return JournalStream.isConnected() ? .journal : .stderr
    }

    public func makeHandler(label: String, identifier: String, level: Logger.Level) -> any LogHandler {
        var handler: any LogHandler
        switch resolved {
        case .journal:
            handler = JournalLogHandler(label: label, identifier: identifier)
        case .auto, .stderr:
            handler = StreamLogHandler.standardError(label: label)
        }
        handler.logLevel = level
        return handler
    }
}
