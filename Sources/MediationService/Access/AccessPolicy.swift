import Glibc
import Varlink

/// Who may call what: the caller's role, from the groups the kernel reported for its process,
/// against the role each method needs. root and the daemon's own user are admins, so a
/// developer running the daemon by hand can use it; everyone else needs one of the groups.
public struct AccessPolicy: Sendable, Equatable {
    /// The group id that gives each role; a group that does not exist gives nobody anything.
    public let groups: [AccessRole: gid_t]
    /// The user the daemon runs as.
    public let daemonUser: uid_t

    public init(groups: [AccessRole: gid_t], daemonUser: uid_t = getuid()) {
        // gid 0 is root's group: root is admin anyway, and giving a role through it would let
        // a short read of the peer's groups grant access.
        self.groups = groups.filter { $0.value != 0 }
        self.daemonUser = daemonUser
    }

    /// The groups by name, looked up in the system's group database; the names not found are
    /// returned so the daemon can say so.
    public static func resolve(_ names: AccessGroups, daemonUser: uid_t = getuid()) -> (AccessPolicy, missing: [String]) {
        var groups: [AccessRole: gid_t] = [:]
        var missing: [String] = []
        for role in AccessRole.allCases {
            let name = names.name(for: role)
            if let gid = Self.gid(of: name) {
                groups[role] = gid
            } else {
                missing.append(name)
            }
        }
        return (AccessPolicy(groups: groups, daemonUser: daemonUser), missing)
    }

    /// The caller's highest role, nil when it has none.
    public func role(of peer: PeerCredentials?) -> AccessRole? {
        guard let peer else { return nil }
        if peer.uid == 0 || peer.uid == daemonUser { return .admin }
        return AccessRole.allCases.reversed().first { role in groups[role].map(peer.groups.contains) ?? false }
    }

    public func permits(_ request: VarlinkRequest) -> Bool {
        let method = request.call.method
        // Introspection is open: any client may learn what the service offers.
        if method.hasPrefix("org.varlink.service.") { return true }
        guard let role = role(of: request.peer) else { return false }
        return role >= Self.required(for: method)
    }

    /// The role a method needs; one not listed needs admin, so a method added without a
    /// thought for access is closed rather than open.
    public static func required(for method: String) -> AccessRole {
        requirements[method] ?? .admin
    }

    /// Whether a method has its role set here, rather than falling to admin.
    static func isListed(_ method: String) -> Bool {
        requirements[method] != nil
    }

    private static let requirements: [String: AccessRole] = {
        var table: [String: AccessRole] = [:]
        func set(_ interface: String, _ role: AccessRole, _ methods: [String]) {
            for method in methods { table["\(interface).\(method)"] = role }
        }
        set(ServiceInterface.name, .staff, ["GetStatus"])
        // A destruction list names closed cases and what they hold: for the admins who decide it.
        set(ServiceInterface.name, .admin, ["Backup", "PrepareDestructionList", "ListDestructionLists", "ShowDestructionList",
                                            "ApproveDestructionList", "RejectDestructionList"])
        set(CasesInterface.name, .staff, ["Show", "List", "ListDeadlines", "Watch"])
        set(CasesInterface.name, .mediator, ["Register", "Decide", "Suspend", "Resume", "Extend", "Close", "ExportAnonymised"])
        set(SchedulingInterface.name, .staff, ["ListMediators", "GetMediator", "ListPlaces", "ListSessions", "GetSession", "Suggest",
                                               "SessionCalendar", "MediatorCalendar"])
        // Mediators change only the sessions they mediate, planners everyone's: the interface
        // holds them to that with the caller's role.
        set(SchedulingInterface.name, .mediator, ["Book", "Reschedule", "Cancel", "Complete"])
        set(SchedulingInterface.name, .admin, ["AddMediator", "SetHours", "AddLeave", "AddPlace"])
        set(AgreementsInterface.name, .staff, ["List", "Document"])
        set(AgreementsInterface.name, .mediator, ["Add", "Edit", "Fulfil", "Breach"])
        set(InvestigationInterface.name, .staff, ["Show", "Document"])
        set(InvestigationInterface.name, .mediator, ["Ask", "Answer", "React", "Extend", "Conclude"])
        return table
    }()

    private static func gid(of name: String) -> gid_t? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }
}
