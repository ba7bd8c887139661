import Dispatch
import Foundation
import Logging
import MediationCore
@testable import MediationService
import MediationStore
import Varlink

/// The daemon's dispatcher, built once per fuzzing process as `MediationDaemon.start` builds it,
/// from the same list of interfaces. Their handlers capture services, so real ones are made over
/// an empty database in a temporary directory; no handler ever runs, so the directory goes as
/// soon as they are made.
struct ServedInterfaces: Sendable {
    let dispatcher: VarlinkDispatcher
    /// The parameters each method declares, by fully qualified name.
    let inputs: [String: Set<String>]

    static let shared: ServedInterfaces = {
        do {
            return try ServedInterfaces()
        } catch {
            fatalError("the daemon's interfaces could not be built: \(error)")
        }
    }()

    private init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mediationd-fuzz-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let interfaces = try Self.interfaces(directory: directory)
        dispatcher = VarlinkDispatcher(
            info: VarlinkServiceInfo(vendor: "mediationd", product: "mediationd", version: "fuzz", url: ""),
            interfaces: interfaces, logger: Self.quiet)
        // org.varlink.service's description is the Varlink module's own; its inputs are fixed by
        // the protocol.
        let introspection: [String: Set<String>] = ["org.varlink.service.GetInfo": [], "org.varlink.service.GetInterfaceDescription": ["interface"]]
        inputs = Dictionary(uniqueKeysWithValues: interfaces.flatMap { interface in
            interface.definition.methods.map { ("\(interface.name).\($0.key)", Set($0.value.input.map(\.name))) }
        }).merging(introspection) { $1 }
    }

    private static let quiet = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }

    private static func interfaces(directory: String) throws -> [VarlinkInterface] {
        let storage = try SQLiteStorage.open(directory: directory)
        let information = try blocking { try await storage.information() }
        let clock = SystemClock()
        let configuration = DaemonConfiguration.defaults(environment: [:])
        let templates = try DocumentTemplates.load(from: repository + "/Config/templates")
        let events = CaseEventHub()
        let cases = CaseService(store: storage, clock: clock, workflow: configuration.workflow, events: events, scheduleChanged: {})
        let documents = DocumentPublisher(cases: storage, schedule: storage, clock: clock, templates: templates, stateDirectory: directory, logger: quiet)
        let schedule = ScheduleService(
            store: storage, clock: clock, rules: configuration.bookingRules, reminderTime: configuration.reminders.standard.time, events: events,
            calendarDirectory: directory + "/calendars", logger: quiet, reminderScheduled: { _ in })
        let status = StatusReporter(
            clock: clock, storage: information, activation: .direct, socketPath: nil, server: VarlinkServerState(limits: configuration.varlink),
            unreadable: cases.unreadable)
        let retention = RetentionService(
            storage: storage, clock: clock, stateDirectory: directory, schedule: RetentionSchedule(standard: .keep),
            journal: LifecycleJournal(logger: quiet, logTarget: .stderr), status: status, logger: quiet)
        return try MediationDaemon.interfaces(
            status: status, backup: DatabaseBackup(storage: storage, stateDirectory: directory), retention: retention,
            cases: cases, events: events, documents: documents, schedule: schedule,
            agreements: AgreementService(cases: cases, store: storage, schedule: storage, documents: documents),
            investigation: InvestigationService(cases: cases, store: storage, documents: documents),
            access: AccessControl(AccessPolicy(groups: [:])))
    }

    /// The checkout this file is in, for the shipped document templates.
    private static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Waits for `body` on a thread of its own: the fuzzer calls in synchronously.
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { outcome.value = .success(try await body()) } catch { outcome.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome.value!.get()
    }
}

/// Written by the task before it signals and read after the wait: the semaphore orders the two.
private final class Outcome<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
}
