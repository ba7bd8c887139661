import Logging
import Synchronization
import Varlink

/// The access policy in force, for the dispatcher to ask on every call; a reload replaces it.
public final class AccessControl: Sendable {
    private let policy: Mutex<AccessPolicy>

    public init(_ policy: AccessPolicy) {
        self.policy = Mutex(policy)
    }

    /// Looks the groups up and says which do not exist, since nobody gets that role then.
    public convenience init(groups: AccessGroups, logger: Logger) {
        self.init(Self.resolve(groups, logger: logger))
    }

    public func update(groups: AccessGroups, logger: Logger) {
        let resolved = Self.resolve(groups, logger: logger)
        policy.withLock { $0 = resolved }
    }

    /// The caller's highest role under the policy in force.
    public func role(of peer: PeerCredentials?) -> AccessRole? {
        policy.withLock { $0 }.role(of: peer)
    }

    public func permits(_ request: VarlinkRequest) -> Bool {
        policy.withLock { $0 }.permits(request)
    }

    private static func resolve(_ groups: AccessGroups, logger: Logger) -> AccessPolicy {
        let (policy, missing) = AccessPolicy.resolve(groups)
        for name in missing {
            logger.warning("The group \(name) does not exist, so no user has its role; create it (systemd-sysusers mediationd.conf) or set [access] in the configuration")
        }
        return policy
    }
}
