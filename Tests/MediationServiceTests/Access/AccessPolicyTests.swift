import Glibc
@testable import MediationService
import Testing
@testable import Varlink

@Suite("Access policy")
struct AccessPolicyTests {
    let policy = AccessPolicy(groups: [.staff: 5001, .mediator: 5002, .admin: 5003], daemonUser: 990)

    private func request(_ method: String, uid: uid_t = 1000, gid: gid_t = 1000, groups: [gid_t] = []) -> VarlinkRequest {
        let call = try! VarlinkWireFormat.decodeCall(.init(string: #"{"method":"\#(method)"}"#))
        return VarlinkRequest(call: call, peer: PeerCredentials(pid: 42, uid: uid, gid: gid, supplementaryGroups: groups))
    }

    @Test func eachGroupGivesItsRoleAndTheRolesBelowIt() {
        #expect(policy.role(of: PeerCredentials(pid: 1, uid: 1000, gid: 1000)) == nil)
        #expect(policy.role(of: PeerCredentials(pid: 1, uid: 1000, gid: 1000, supplementaryGroups: [5001])) == .staff)
        #expect(policy.role(of: PeerCredentials(pid: 1, uid: 1000, gid: 5002)) == .mediator, "the primary group counts too")
        #expect(policy.role(of: PeerCredentials(pid: 1, uid: 1000, gid: 1000, supplementaryGroups: [5001, 5003])) == .admin, "the highest wins")
        #expect(policy.role(of: PeerCredentials(pid: 1, uid: 0, gid: 0)) == .admin, "root is admin")
        #expect(policy.role(of: PeerCredentials(pid: 1, uid: 990, gid: 990)) == .admin, "so is the daemon's own user")
        #expect(policy.role(of: nil) == nil, "no credentials, no role")

        let staff = [gid_t(5001)], mediator = [gid_t(5002)], admin = [gid_t(5003)]
        #expect(policy.permits(request("io.mediationd.Cases.Show", groups: staff)))
        #expect(!policy.permits(request("io.mediationd.Cases.Decide", groups: staff)), "staff only read")
        #expect(policy.permits(request("io.mediationd.Cases.Decide", groups: mediator)))
        #expect(policy.permits(request("io.mediationd.Scheduling.Book", groups: mediator)))
        #expect(policy.permits(request("io.mediationd.Agreements.Add", groups: mediator)))
        #expect(!policy.permits(request("io.mediationd.Scheduling.AddMediator", groups: mediator)), "a mediator does not manage mediators")
        #expect(policy.permits(request("io.mediationd.Scheduling.AddMediator", groups: admin)))
        #expect(!policy.permits(request("io.mediationd.Service.GetStatus")), "anyone else gets nothing")
        #expect(policy.permits(request("org.varlink.service.GetInfo")), "but may introspect")
        #expect(!policy.permits(request("io.mediationd.Cases.SomethingNew", groups: mediator)), "an unlisted method needs admin")
    }

    @Test func rootsGroupNeverGivesARole() {
        let careless = AccessPolicy(groups: [.staff: 0], daemonUser: 990)
        #expect(careless.role(of: PeerCredentials(pid: 1, uid: 1000, gid: 1000, supplementaryGroups: [0])) == nil)
    }

    @Test func everyMethodOfEveryInterfaceHasItsRoleSet() throws {
        for description in [ServiceInterface.description, CasesInterface.description, SchedulingInterface.description,
                            AgreementsInterface.description, InvestigationInterface.description] {
            let definition = try VarlinkInterfaceParser.parse(description)
            for method in definition.methods.keys {
                #expect(AccessPolicy.isListed("\(definition.name).\(method)"), "\(definition.name).\(method) has no role")
            }
        }
    }
}
