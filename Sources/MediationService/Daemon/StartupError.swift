import MediationStore
import Systemd

/// Why the daemon could not start; each says what the operator should do.
public enum StartupError: Error, CustomStringConvertible, Sendable {
    case storage(StorageOpenError)
    case socket(ListeningSocketError)
    case timer(AlarmError)

    public var description: String {
        switch self {
        case .storage(let error): "\(error)"
        case .socket(let error): "\(error)"
        case .timer(let error): "\(error)"
        }
    }
}
