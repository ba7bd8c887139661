/// A configuration file that cannot be used, with where and why, so the operator can fix it
/// from the journal line alone.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let key: String?
    public let reason: String

    public init(file: String, line: Int? = nil, key: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        if let key { return "\(place): \(key): \(reason)" }
        return "\(place): \(reason)"
    }
}
