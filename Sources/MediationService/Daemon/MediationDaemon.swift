import Foundation
import Logging
import MediationCore
import MediationStore
import NIOCore
import NIOPosix
import ServiceLifecycle
import Systemd
import UnixSignals
import Varlink

/// The running daemon: storage opened, socket obtained, services assembled. `start` does
/// everything that can fail for a reason the operator must fix, before systemd hears READY=1.
public struct MediationDaemon: Sendable {
    private let group: ServiceGroup
    private let storage: any Storage
    private let socket: ListeningSocket
    private let journal: LifecycleJournal
    private let status: StatusReporter
    private let schedule: ScheduleService

    /// - Parameter configurationPath: the file named on the command line, re-read on SIGHUP (nil
    ///   for the default path).
    public static func start(
        configuration: DaemonConfiguration,
        templates: DocumentTemplates,
        configurationPath: String?,
        clock: any ServiceClock = SystemClock(),
        logger: Logger
    ) async throws(StartupError) -> MediationDaemon {
        let storage: SQLiteStorage
        let information: StorageInformation
        do {
            storage = try SQLiteStorage.open(directory: absolute(configuration.stateDirectory))
            information = try await storage.information()
        } catch let error as StorageOpenError {
            throw .storage(error)
        } catch {
            throw .storage(.failed(path: configuration.stateDirectory, reason: "\(error)"))
        }
        let backup = DatabaseBackup(storage: storage, stateDirectory: absolute(configuration.stateDirectory))
        let leftovers = backup.removeStagedCopies()
        if leftovers > 0 { logger.notice("Removed \(leftovers) backup copy(ies) an interrupted backup left in the state directory") }
        let socket: ListeningSocket
        do {
            socket = try ListeningSocket.obtain(fallbackPath: absolute(configuration.socketPath))
        } catch {
            throw .socket(error)
        }

        let notifier = SystemdNotifier()
        let journal = LifecycleJournal(logger: logger, logTarget: configuration.logTarget)
        let serverState = VarlinkServerState(limits: configuration.varlink)
        let events = CaseEventHub()
        let alarm: WallClockAlarm
        do {
            alarm = try WallClockAlarm()
        } catch {
            throw .timer(error)
        }
        let cases = CaseService(store: storage, clock: clock, workflow: configuration.workflow, events: events,
                                unreadable: UnreadableRecords(logger: logger), scheduleChanged: alarm.wake)
        let documents = DocumentPublisher(
            cases: storage, schedule: storage, clock: clock, templates: templates, stateDirectory: absolute(configuration.stateDirectory), logger: logger)
        let schedule = ScheduleService(
            store: storage, clock: clock, rules: configuration.bookingRules, reminderTime: configuration.reminders.standard.time, events: events,
            calendarDirectory: absolute(configuration.stateDirectory) + "/calendars", logger: logger, reminderScheduled: alarm.wake(ifBefore:),
            sessionTookPlace: { session in await documents.archive(session.caseReference, .agreements) })
        let agreements = AgreementService(cases: cases, store: storage, schedule: storage, documents: documents)
        let investigation = InvestigationService(cases: cases, store: storage, documents: documents)
        let engine = ReminderEngine(
            store: storage, schedule: storage, workflow: { cases.workflow }, clock: clock, delivery: ReminderJournal(),
            pacer: ReminderPacer(), events: events, logger: logger)
        let status = StatusReporter(
            clock: clock,
            storage: information,
            activation: socket.origin == .socketActivated ? .socket : .direct,
            socketPath: socket.path,
            server: serverState,
            unreadable: cases.unreadable
        )
        let access = AccessControl(groups: configuration.access, logger: logger)
        let retention = RetentionService(
            storage: storage, clock: clock, stateDirectory: absolute(configuration.stateDirectory), schedule: configuration.retention,
            journal: journal, status: status, logger: logger)
        let dispatcher: VarlinkDispatcher
        do {
            dispatcher = VarlinkDispatcher(
                info: VarlinkServiceInfo(vendor: "mediationd", product: "mediationd", version: MediationVersion.string, url: "man:mediationd(8)"),
                interfaces: try interfaces(
                    status: status, backup: backup, retention: retention,
                    cases: cases, events: events, documents: documents, schedule: schedule, agreements: agreements, investigation: investigation,
                    access: access),
                logger: logger,
                authorize: access.permits,
                mapUnexpected: ServiceInterface.unexpectedErrors(stateDirectory: absolute(configuration.stateDirectory)),
                validate: TextLimits.check
            )
        } catch {
            // Our own interface descriptions are fixed text; the test suite parses every one.
            fatalError("an interface description does not parse: \(error)")
        }
        let server = VarlinkServer(
            listeningDescriptor: socket.descriptor,
            dispatcher: dispatcher,
            state: serverState,
            refusalError: ServiceInterface.refusalError,
            logger: logger,
            onListening: {
                notifier.ready(status: status.summary)
                journal.record(
                    LifecycleJournal.started, priority: .notice,
                    "mediationd \(MediationVersion.string) started: serving on \(socket.path ?? "an inherited socket") (\(socket.origin.rawValue)), database \(information.location) at schema \(information.schemaVersion)",
                    fields: ["MEDIATION_VERSION": MediationVersion.string, "MEDIATION_SOCKET": socket.path ?? "", "MEDIATION_DATABASE": information.location])
            }
        )
        let reloader = ConfigurationReloader(
            path: configurationPath, initial: configuration, server: serverState, cases: cases, schedule: schedule, documents: documents, access: access, retention: retention,
            notifier: notifier, journal: journal, status: status, logger: logger)
        let statistics = CaseStatisticsRefresher(cases: cases, status: status, notifier: notifier)
        let timer = ReminderTimer(engine: engine, alarm: alarm, logger: logger, afterPass: statistics.refresh)
        // Shut down in reverse order: announce STOPPING=1 first, then drain the server, and keep
        // the watchdog fed until the very end.
        let services: [any Service] = [
            WatchdogKeeper(watchdog: Watchdog(notifier: notifier), group: MultiThreadedEventLoopGroup.singleton),
            reloader,
            statistics,
            timer,
            retention,
            server,
            ShutdownAnnouncer(notifier: notifier),
        ]
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            ).withShutdownTimeout(seconds: configuration.shutdownTimeoutSeconds)
        )
        do {
            try await schedule.republishCalendars()
        } catch {
            logger.error("The mediators' calendar files could not be rewritten at start: \(error)")
        }
        return MediationDaemon(group: group, storage: storage, socket: socket, journal: journal, status: status, schedule: schedule)
    }

    /// Every interface the daemon serves besides org.varlink.service, over its services. The fuzz
    /// target for parameters (Fuzz/) builds its dispatcher from this list too, so it covers every
    /// method a client can call.
    static func interfaces(
        status: StatusReporter, backup: DatabaseBackup, retention: RetentionService, cases: CaseService, events: CaseEventHub,
        documents: DocumentPublisher, schedule: ScheduleService, agreements: AgreementService, investigation: InvestigationService,
        access: AccessControl
    ) throws -> [VarlinkInterface] {
        [
            try ServiceInterface.make(status: status, backup: backup, retention: retention),
            try CasesInterface.make(cases: cases, events: events, documents: documents),
            try SchedulingInterface.make(schedule: schedule, role: access.role(of:)),
            try AgreementsInterface.make(agreements: agreements, cases: cases, documents: documents),
            try InvestigationInterface.make(investigation: investigation, cases: cases, documents: documents),
        ]
    }

    /// Serves until SIGTERM or SIGINT, then drains and returns.
    public func run() async throws {
        try await group.run()
        await schedule.flushCalendars()
        // A socket systemd passed stays systemd's; one bound here is removed, so the next start
        // (or a client) does not meet a socket file that nobody listens on.
        if socket.origin == .selfBound, let path = socket.path {
            unlink(path)
        }
        let served = status.report().listener.callsServed
        journal.record(LifecycleJournal.stopped, priority: .notice, "mediationd stopped after answering \(served) call(s)", fields: ["MEDIATION_VERSION": MediationVersion.string])
        SystemdNotifier().flush()
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

extension ServiceGroupConfiguration {
    func withShutdownTimeout(seconds: Double) -> ServiceGroupConfiguration {
        var configuration = self
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(seconds * 1000))
        return configuration
    }
}
