/// Why the database could not be opened, worded for the operator who has to fix it.
public enum StorageOpenError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingDirectory(String)
    case permissionDenied(String)
    case notADatabase(String)
    case newerSchema(path: String, version: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            "the state directory \(path) does not exist; create it (systemd does so through StateDirectory=) or set state_directory"
        case .permissionDenied(let path):
            "no permission to open \(path); it must be readable and writable by the daemon's user"
        case .notADatabase(let path):
            "\(path) is not a mediationd database or is corrupt; restore it from a backup, or move it aside to start empty"
        case .newerSchema(let path, let version):
            "\(path) was written by a newer mediationd (schema \(version)); run that version, or restore a backup made by this one"
        case .failed(let path, let reason):
            "cannot open \(path): \(reason)"
        }
    }
}
