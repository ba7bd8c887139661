import Logging
import Synchronization
import Systemd

/// The daemon's log setup: one target chosen at start, one level that a reload can change.
public enum DaemonLogging {
    private static let level = Mutex<Logger.Level>(.info)

    /// Installs the log handler for the whole process; call once, before anything logs.
    public static func bootstrap(target: LogTarget, level initial: Logger.Level) {
        level.withLock { $0 = initial }
        LoggingSystem.bootstrap { label in
            LevelFollowingHandler(inner: target.makeHandler(label: label, identifier: "mediationd", level: .trace))
        }
    }

    public static func setLevel(_ newLevel: Logger.Level) {
        level.withLock { $0 = newLevel }
    }

    static var currentLevel: Logger.Level { level.withLock { $0 } }

    /// Reads the process-wide level on every log call, so a reload reaches loggers created before it.
    struct LevelFollowingHandler: LogHandler {
        var inner: any LogHandler

        var logLevel: Logger.Level {
            get { DaemonLogging.currentLevel }
            set { DaemonLogging.setLevel(newValue) }
        }

        var metadata: Logger.Metadata {
            get { inner.metadata }
            set { inner.metadata = newValue }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { inner[metadataKey: key] }
            set { inner[metadataKey: key] = newValue }
        }

        func log(event: LogEvent) {
            inner.log(event: event)
        }
    }
}
