import Foundation
import MediationService
import Testing
@testable import Varlink

@Suite("io.mediationd.Service")
struct ServiceInterfaceTests {
    @Test func theDescriptionParsesAndDeclaresGetStatus() throws {
        let definition = try VarlinkInterfaceParser.parse(ServiceInterface.description)
        #expect(definition.name == ServiceInterface.name)
        #expect(definition.methods["GetStatus"] != nil)
        #expect(definition.errors["InternalError"] != nil)
    }

    @Test func aStatusReplyMatchesWhatTheDescriptionPromises() throws {
        let definition = try VarlinkInterfaceParser.parse(ServiceInterface.description)
        let output = try #require(definition.methods["GetStatus"]?.output)
        let checker = VarlinkTypeChecker(definition: definition)
        let counts = CaseCounts(open: 3, overdue: 1, nextDeadline: .init(reference: "2026-0001", kind: "intake", due: "2026-01-26"))
        for (path, cases) in [(Optional("/run/mediationd/io.mediationd"), Optional(counts)), (nil, nil)] {
            let status = ServiceStatus(
                version: "1", startedAt: Date(timeIntervalSince1970: 1_800_000_000), uptimeSeconds: 12.5,
                database: DatabaseStatus(path: "/var/lib/mediationd/mediationd.sqlite", schemaVersion: "v1", createdAt: Date(timeIntervalSince1970: 1_700_000_000)),
                listener: ListenerStatus(activation: .socket, path: path, activeConnections: 1, maximumConnections: 512, callsServed: 9),
                cases: cases,
                retention: cases == nil ? nil : RetentionStatus(
                    pendingList: 3, pendingCases: 2,
                    clockBehind: .init(clock: Date(timeIntervalSince1970: 1_800_000_000), newestChange: Date(timeIntervalSince1970: 1_800_000_100))))
            let encoded = try #require(try JSONValue(encoding: status).objectValue)
            #expect(checker.firstMismatch(in: encoded, against: output) == nil)
            #expect(encoded["startedAt"] == .string("2027-01-15T08:00:00Z"))
            #expect(try JSONValue.object(encoded).decode(ServiceStatus.self) == status)
        }
    }
}
