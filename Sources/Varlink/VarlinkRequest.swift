import Glibc

/// Who is on the other end of a connection, as the kernel reports it (SO_PEERCRED and
/// SO_PEERGROUPS, taken when the client connected); the access policy and the audit trail rely
/// on it, never on anything the client says about itself.
public struct PeerCredentials: Sendable, Equatable {
    public let pid: pid_t
    public let uid: uid_t
    public let gid: gid_t
    /// The primary group and the supplementary groups the client process had.
    public let groups: Set<gid_t>

    public init(pid: pid_t, uid: uid_t, gid: gid_t, supplementaryGroups: [gid_t] = []) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.groups = Set(supplementaryGroups).union([gid])
    }
}

/// A call as a method handler sees it: already checked against the interface description.
public struct VarlinkRequest: Sendable {
    public let call: VarlinkCall
    public let peer: PeerCredentials?

    public init(call: VarlinkCall, peer: PeerCredentials?) {
        self.call = call
        self.peer = peer
    }

    /// The parameters as a typed value. The type checker has already run, so a failure here means
    /// the Swift type is stricter than the description (a date format, say); the client still
    /// learns which parameter it was.
    public func decodeParameters<Input: Decodable>(_ type: Input.Type) throws(VarlinkError) -> Input {
        do {
            return try JSONValue.object(call.parameters).decode(type)
        } catch let error as DecodingError {
            throw .invalidParameter(error.firstKey ?? "parameters")
        } catch {
            throw .invalidParameter("parameters")
        }
    }
}

extension DecodingError {
    var firstKey: String? {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        return path.first?.stringValue
    }
}

/// Parameters for methods that take none.
public struct VarlinkEmpty: Codable, Sendable, Equatable {
    public init() {}
}
