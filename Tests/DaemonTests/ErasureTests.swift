import Foundation
import MediationCore
import TestSupport
import Testing
import Varlink

/// After a purge, nothing anyone typed for the case is left in any file of the state directory
/// or in a backup. The texts are planted by `MarkingClient`, which fills every free-text field
/// the daemon's own interface descriptions declare: a field added later gets a marker without
/// editing this test, and a method added later that takes a case's text fails it until the
/// scenario calls it.
@Suite("A purge leaves nothing", .serialized, .timeLimit(.minutes(3)))
struct ErasureTests {
    /// Methods whose texts are about the office (mediators, their leave, rooms), not a case:
    /// retention does not erase them.
    static let officeMethods: Set<String> = [
        "io.mediationd.Scheduling.AddMediator", "io.mediationd.Scheduling.SetHours",
        "io.mediationd.Scheduling.AddLeave", "io.mediationd.Scheduling.AddPlace",
        // An admin's reason for rejecting a destruction list is about the list, not a case's
        // personal data, and is kept as the record of that decision.
        "io.mediationd.Service.RejectDestructionList",
    ]

    @Test func everyTextAnyMethodTookForAPurgedCaseIsGoneFromEveryFileAndABackup() async throws {
        let daemon = DaemonHarness()
        daemon.writeConfiguration(extra: "[retention]\nkeep_closed_days = 30")
        try await daemon.startDirectAndWait()
        let client = try await MarkingClient.connect(daemon.socketPath)

        try await client.call("io.mediationd.Scheduling.AddMediator", ["login": .string("anna"), "displayName": .string("Anna"),
                                                                        "hours": .array([.string("mon-fri 08:30-17:30")]), "maximumSessionsPerDay": .int(8)])
        try await client.call("io.mediationd.Scheduling.AddPlace", ["name": .string("Kamer 1"), "kind": .string("room"), "capacity": .int(6)])
        let mediation = try await mediationCase(client)
        let openQuestion = try await investigationCase(client)
        for reference in ["ERASE-R"] {
            try await client.call("io.mediationd.Cases.Register", ["reference": .string(reference)])
            try await client.call("io.mediationd.Cases.Decide", ["reference": .string(reference), "track": .string("referral")])
            try await client.call("io.mediationd.Cases.Close", ["reference": .string(reference)])
        }
        let erased = client.planted
        client.planted = []
        try await client.call("io.mediationd.Cases.Register", ["reference": .string("ERASE-KEPT")])
        let kept = client.planted

        let untouched = try await client.methodsTakingCaseText().subtracting(client.called).subtracting(Self.officeMethods)
        #expect(untouched.isEmpty, "these take a case's text, but the scenario never calls them: \(untouched.sorted())")
        #expect(erased.count >= 25, "\(erased.count) texts planted")
        #expect(!occurrences(of: erased, under: daemon.stateDirectory).isEmpty, "the search finds the texts before the purge")

        // Closed long ago: the cases are closed today, so the test dates them back.
        let dated = try await runCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", daemon.stateDirectory + "/mediationd.sqlite",
                                                              "UPDATE case_file SET closed_on = '2023-02-01' WHERE closed_on IS NOT NULL;"])
        #expect(dated.status == 0, "\(dated.error)")
        // The erasure runs through a destruction list that an admin approves.
        let prepared = try await client.call("io.mediationd.Service.PrepareDestructionList", [:])
        let list = try #require(prepared["list"]?.objectValue, "\(prepared)")
        #expect(list["items"]?.arrayValue?.count == 3, "\(prepared)")
        let purge = try await client.call("io.mediationd.Service.ApproveDestructionList", ["id": try #require(list["id"])])
        #expect(purge["list"]?.objectValue?["state"] == .string("executed"), "\(purge)")

        #expect(occurrences(of: erased, under: daemon.stateDirectory).isEmpty)
        #expect(occurrences(of: kept, under: daemon.stateDirectory).count == kept.count, "the open case's texts are still there")
        let backup = daemon.directory.file("after-purge.sqlite")
        let backedUp = try await daemon.ctl(["backup", backup, "--socket", daemon.socketPath])
        #expect(backedUp.status == 0, "\(backedUp.error)")
        #expect(occurrences(of: erased, under: backup).isEmpty, "a backup taken after the purge holds none of it")
        #expect(occurrences(of: kept, under: backup).count == kept.count)

        // A purged case takes no new data, whichever interface is asked.
        let purgedOn = CalendarDate(Date()).description
        try await expectPurged(client, "io.mediationd.Agreements.Add", ["session": .int(mediation.heldSession), "party": .string("complainant"), "text": .string("nieuw")],
                               reference: "ERASE-M", on: purgedOn)
        try await expectPurged(client, "io.mediationd.Scheduling.Complete", ["id": .int(mediation.liveSession), "outcome": .string("settled")],
                               reference: "ERASE-M", on: purgedOn)
        try await expectPurged(client, "io.mediationd.Investigation.Answer", ["question": .int(openQuestion), "text": .string("nieuw")],
                               reference: "ERASE-I", on: purgedOn)
        await client.close()
        #expect(await daemon.stop() == 0)
    }

    /// Booked, moved, held with agreements added, edited, broken, kept and archived, booked again and
    /// cancelled, suspended, resumed, extended and closed with a session still booked.
    private func mediationCase(_ client: MarkingClient) async throws -> (heldSession: Int64, liveSession: Int64) {
        let reference = JSONValue.string("ERASE-M")
        try await client.call("io.mediationd.Cases.Register", ["reference": reference])
        try await client.call("io.mediationd.Cases.Decide", ["reference": reference, "track": .string("mediation"), "referredTo": .null])
        let slots = try await client.call("io.mediationd.Scheduling.Suggest", ["case": reference, "count": .int(4)])["slots"]?.arrayValue ?? []
        let starts = slots.compactMap { $0["startLocal"]?.stringValue }
        try #require(starts.count == 4, "\(slots)")
        func book(_ start: String) async throws -> Int64 {
            let booked = try await client.call("io.mediationd.Scheduling.Book",
                                               ["case": reference, "mediator": .string("anna"), "place": .string("Kamer 1"), "start": .string(start)])
            return try #require(booked["session"]?["id"]?.intValue)
        }
        let held = try await book(starts[0])
        try await client.call("io.mediationd.Scheduling.Reschedule", ["id": .int(held), "start": .string(starts[1])])
        try await client.call("io.mediationd.Scheduling.Complete", ["id": .int(held), "outcome": .string("settled")])
        for party in ["complainant", "agency"] {
            try await client.call("io.mediationd.Agreements.Add", ["session": .int(held), "party": .string(party)])
        }
        let agreements = try await client.call("io.mediationd.Agreements.List", ["reference": reference])["agreements"]?.arrayValue ?? []
        let ids = agreements.compactMap { $0["id"]?.intValue }
        try #require(ids.count == 2, "\(agreements)")
        try await client.call("io.mediationd.Agreements.Edit", ["agreement": .int(ids[0])])
        try await client.call("io.mediationd.Agreements.Breach", ["agreement": .int(ids[0])])
        try await client.call("io.mediationd.Agreements.Fulfil", ["agreement": .int(ids[1])])
        try await client.call("io.mediationd.Agreements.Document", ["reference": reference])
        let cancelled = try await book(starts[2])
        try await client.call("io.mediationd.Scheduling.Cancel", ["id": .int(cancelled)])
        let live = try await book(starts[3])
        try await client.call("io.mediationd.Cases.Suspend", ["reference": reference])
        try await client.call("io.mediationd.Cases.Resume", ["reference": reference])
        try await client.call("io.mediationd.Cases.Extend", ["reference": reference, "by": .string("1w")])
        try await client.call("io.mediationd.Cases.Close", ["reference": reference])
        return (held, live)
    }

    /// Asked, answered, reacted to, a second question's term extended, concluded with a report
    /// that is archived and exported, and closed with that question still open, which it returns.
    private func investigationCase(_ client: MarkingClient) async throws -> Int64 {
        let reference = JSONValue.string("ERASE-I")
        try await client.call("io.mediationd.Cases.Register", ["reference": reference])
        try await client.call("io.mediationd.Cases.Decide", ["reference": reference, "track": .string("investigation"), "referredTo": .null])
        func ask() async throws -> Int64 {
            let asked = try await client.call("io.mediationd.Investigation.Ask", ["reference": reference, "party": .string("agency"), "term": .string("2w")])
            return try #require(asked["question"]?["id"]?.intValue)
        }
        let answered = try await ask()
        try await client.call("io.mediationd.Investigation.Answer", ["question": .int(answered), "reactionTerm": .string("1w")])
        try await client.call("io.mediationd.Investigation.React", ["question": .int(answered)])
        let open = try await ask()
        try await client.call("io.mediationd.Investigation.Extend", ["question": .int(open), "by": .string("1w")])
        try await client.call("io.mediationd.Investigation.Conclude", ["reference": reference, "form": .string("report"), "judgement": .string("improper")])
        try await client.call("io.mediationd.Investigation.Document", ["reference": reference])
        try await client.call("io.mediationd.Cases.ExportAnonymised", ["reference": reference])
        try await client.call("io.mediationd.Cases.Close", ["reference": reference])
        return open
    }

    private func expectPurged(_ client: MarkingClient, _ method: String, _ parameters: [String: JSONValue], reference: String, on day: String) async throws {
        let interface = method.split(separator: ".").dropLast().joined(separator: ".")
        do {
            _ = try await client.client.call(method, parameters: parameters)
            Issue.record("\(method) changed purged case \(reference)")
        } catch let error as VarlinkError {
            #expect(error.name == "\(interface).CasePurged", "\(method): \(error)")
            #expect(error.parameters["reference"]?.stringValue == reference && error.parameters["purgedOn"]?.stringValue == day, "\(error)")
            #expect(error.parameters["message"]?.stringValue?.contains("register a new case") == true, "\(error)")
        }
    }

    /// The markers found in the raw bytes of `path`, or of every file under it.
    private func occurrences(of markers: [String], under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let files = isDirectory.boolValue
            ? (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []).map { path + "/" + $0 }
            : [path]
        let contents = files.compactMap { FileManager.default.contents(atPath: $0) }
        return markers.filter { marker in contents.contains { $0.range(of: Data(marker.utf8)) != nil } }
    }
}

/// A Varlink client that puts a marker of its own into every free-text field of a method's
/// input the caller leaves out, as the daemon describes the method, and remembers them.
private final class MarkingClient {
    /// Parameters that carry a reference, a date, a time, a term or a login: never free text,
    /// so the scenario gives them.
    static let structured: Set<String> = [
        "reference", "received", "case", "by", "term", "reactionTerm", "due", "start", "duration", "dueWithin", "within",
        "login", "mediator", "place", "from", "to",
    ]

    let client: VarlinkClient
    private let definitions: [String: VarlinkInterfaceDefinition]
    var planted: [String] = []
    /// Markers handed out, planted or not: each is new.
    private var issued = 0
    /// The methods called with a marker in at least one field.
    private(set) var called: Set<String> = []

    private init(client: VarlinkClient, definitions: [String: VarlinkInterfaceDefinition]) {
        self.client = client
        self.definitions = definitions
    }

    static func connect(_ path: String) async throws -> MarkingClient {
        let client = try await VarlinkClient.connect(unixSocketPath: path)
        let info = try await client.call("org.varlink.service.GetInfo")
        var definitions: [String: VarlinkInterfaceDefinition] = [:]
        for name in (info["interfaces"]?.arrayValue ?? []).compactMap(\.stringValue) where !name.hasPrefix("org.varlink.") {
            let reply = try await client.call("org.varlink.service.GetInterfaceDescription", parameters: ["interface": .string(name)])
            definitions[name] = try VarlinkInterfaceParser.parse(reply["description"]?.stringValue ?? "")
        }
        return MarkingClient(client: client, definitions: definitions)
    }

    func close() async { await client.close() }

    /// Every method whose input has a free-text field.
    func methodsTakingCaseText() async throws -> Set<String> {
        var methods: Set<String> = []
        for (name, definition) in definitions {
            for method in definition.methods.values {
                var probe: [String] = []
                for field in method.input { _ = value(field.type, name: field.name, definition, into: &probe) }
                if !probe.isEmpty { methods.insert("\(name).\(method.name)") }
            }
        }
        return methods
    }

    @discardableResult
    func call(_ qualified: String, _ given: [String: JSONValue]) async throws -> [String: JSONValue] {
        let interface = qualified.split(separator: ".").dropLast().joined(separator: ".")
        let name = String(qualified.split(separator: ".").last ?? "")
        let definition = try #require(definitions[interface], "\(interface) is not served")
        let method = try #require(definition.methods[name], "\(qualified) is not described")
        var markers: [String] = []
        let parameters = try #require(fill(method.input, given: given, definition, into: &markers), "\(qualified): a required parameter is missing")
        let reply = try await client.call(qualified, parameters: parameters)
        planted += markers
        if !markers.isEmpty { called.insert(qualified) }
        return reply
    }

    /// Letters only, so that no identifier pattern of the anonymiser takes it for a number.
    private static func marker(_ index: Int) -> String {
        var letters = ""
        var rest = index
        repeat {
            letters.append(Character(UnicodeScalar(UInt8(97 + rest % 26))))
            rest /= 26
        } while rest > 0
        return "zqmark\(letters)qz"
    }

    /// The fields with `given`'s values and a new marker in each free text; nil when a
    /// required field is neither given nor text. A field given as null is left out.
    private func fill(_ fields: [VarlinkField], given: [String: JSONValue], _ definition: VarlinkInterfaceDefinition, into markers: inout [String]) -> [String: JSONValue]? {
        var object = given.filter { $0.value != .null }
        for field in fields where given[field.name] == nil {
            if let value = value(field.type, name: field.name, definition, into: &markers) {
                object[field.name] = value
            } else if case .optional = field.type {
                continue
            } else {
                return nil
            }
        }
        return object
    }

    private func value(_ type: VarlinkType, name: String, _ definition: VarlinkInterfaceDefinition, into markers: inout [String]) -> JSONValue? {
        switch type {
        case .string:
            guard !Self.structured.contains(name) else { return nil }
            let marker = Self.marker(issued)
            issued += 1
            markers.append(marker)
            return .string(marker)
        case .optional(let inner): return value(inner, name: name, definition, into: &markers)
        case .array(let inner): return value(inner, name: name, definition, into: &markers).map { .array([$0]) }
        case .named(let type): return definition.types[type].flatMap { value($0, name: name, definition, into: &markers) }
        case .structure(let fields): return fill(fields, given: [:], definition, into: &markers).map(JSONValue.object)
        default: return nil
        }
    }
}
