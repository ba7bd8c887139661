import Logging
import ServiceLifecycle
import Synchronization
import Systemd
import UnixSignals
import Varlink

/// Re-reads the configuration on SIGHUP (`systemctl reload`), telling systemd RELOADING=1 and
/// then READY=1. A file that does not load leaves the configuration in force untouched.
final class ConfigurationReloader: Service, Sendable {
    private let path: String?
    private let current: Mutex<DaemonConfiguration>
    private let server: VarlinkServerState
    private let cases: CaseService
    private let schedule: ScheduleService
    private let documents: DocumentPublisher
    private let access: AccessControl
    private let retention: RetentionService
    private let logger: Logger
    private let notifier: SystemdNotifier
    private let journal: LifecycleJournal
    private let status: StatusReporter

    init(path: String?, initial: DaemonConfiguration, server: VarlinkServerState, cases: CaseService, schedule: ScheduleService, documents: DocumentPublisher, access: AccessControl, retention: RetentionService, notifier: SystemdNotifier, journal: LifecycleJournal, status: StatusReporter, logger: Logger) {
        self.path = path
        self.current = Mutex(initial)
        self.server = server
        self.cases = cases
        self.schedule = schedule
        self.documents = documents
        self.access = access
        self.retention = retention
        self.logger = logger
        self.notifier = notifier
        self.journal = journal
        self.status = status
    }

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            await reload()
        }
    }

    func reload() async {
        notifier.reloading(status: "Reloading configuration")
        defer { notifier.ready(status: status.summary) }
        let loaded: DaemonConfiguration
        let origin: ConfigurationLoader.Origin
        do {
            (loaded, origin) = try ConfigurationLoader.load(path: path)
        } catch {
            journal.record(
                LifecycleJournal.reloadRefused, priority: .error,
                "Configuration not reloaded, the previous one stays in force: \(error)",
                fields: ["MEDIATION_CONFIG": error.file, "MEDIATION_CONFIG_LINE": error.line.map(String.init) ?? "", "MEDIATION_CONFIG_KEY": error.key ?? ""])
            return
        }
        let templates: DocumentTemplates
        do {
            templates = try DocumentTemplates.load(from: loaded.templatesDirectory)
        } catch {
            journal.record(
                LifecycleJournal.reloadRefused, priority: .error,
                "Configuration not reloaded, the previous one stays in force: a document template is not usable: \(error)",
                fields: ["MEDIATION_CONFIG": error.file, "MEDIATION_CONFIG_LINE": error.line.map(String.init) ?? "", "MEDIATION_CONFIG_KEY": "documents.templates"])
            return
        }
        let previous = current.withLock { configuration in
            defer { configuration = loaded }
            return configuration
        }
        DaemonLogging.setLevel(loaded.logLevel)
        server.limits = loaded.varlink
        // New terms, holidays and reminder policies apply to changes from now on and to each
        // deadline's reminders after the one already scheduled.
        cases.workflow = loaded.workflow
        schedule.update(rules: loaded.bookingRules, reminderTime: loaded.reminders.standard.time)
        await documents.use(templates)
        access.update(groups: loaded.access, logger: logger)
        retention.update(schedule: loaded.retention)
        var message = "Configuration reloaded from \(origin)"
        let pending = loaded.restartOnlyDifferences(from: previous)
        if !pending.isEmpty {
            message += "; \(pending.joined(separator: ", ")) take effect at the next restart"
        }
        journal.record(LifecycleJournal.reloaded, priority: .notice, message, fields: ["MEDIATION_CONFIG": origin.file ?? "built-in defaults", "MEDIATION_CONFIG_DROPINS": origin.dropIns.joined(separator: " ")])
    }
}
