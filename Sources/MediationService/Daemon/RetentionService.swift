import Foundation
import Logging
import MediationCore
import MediationStore
import ServiceLifecycle
import Synchronization
import Varlink

/// Retention (AVG/GDPR, Archiefwet): once a day, and when an admin asks, closed cases past their
/// outcome's term go on a destruction list (vernietigingslijst); their personal data in the
/// database and their documents on disk go only when an admin approves the list. So a clock set
/// wrong, years ahead, prepares a list at worst and erases nothing by itself.
public final class RetentionService: Service, Sendable {
    private let storage: SQLiteStorage
    private let clock: any ServiceClock
    private let archive: DocumentArchive
    private let journal: LifecycleJournal
    private let status: StatusReporter
    private let logger: Logger
    private let schedule: Mutex<RetentionSchedule>
    /// When the daily run starts, in the office's time zone.
    static let runTime = LocalTime(hour: 2, minute: 30)!

    init(storage: SQLiteStorage, clock: any ServiceClock, stateDirectory: String, schedule: RetentionSchedule, journal: LifecycleJournal,
         status: StatusReporter, logger: Logger) {
        self.storage = storage
        self.clock = clock
        self.archive = DocumentArchive(directory: stateDirectory)
        self.journal = journal
        self.status = status
        self.logger = logger
        self.schedule = Mutex(schedule)
    }

    public func update(schedule: RetentionSchedule) {
        self.schedule.withLock { $0 = schedule }
    }

    /// The daily run: finishes an approved list whose erasure was cut short, reminds admins of a
    /// pending list, or prepares a new one. Cases on a rejected list wait for an admin to ask
    /// for a list (`prepare`): rejecting means a person looked and said no, and the run asking
    /// again every night would wear that down.
    func runOnce() async throws {
        if let open = try await storage.openDestructionList() {
            if open.state == .approved {
                _ = try await execute(open)
            } else {
                remind(open, prepared: false)
            }
            return
        }
        do {
            if let list = try await storage.prepareDestructionList(now: clock.now, schedule: schedule.withLock { $0 }, includingRejected: false) {
                remind(list, prepared: true)
            } else {
                status.retention = RetentionStatus()
            }
        } catch DestructionListError.clockBehind(let now, let newest) {
            status.retention = RetentionStatus(clockBehind: .init(clock: now, newestChange: newest))
            journal.record(LifecycleJournal.destructionListHeld, priority: .warning,
                           "No destruction list was prepared: the clock reads \(RFC3339.format(now)), earlier than the newest stored change (\(RFC3339.format(newest))); "
                               + "check the system clock (timedatectl); nothing is listed or erased until it is right",
                           fields: ["MEDIATION_CLOCK": RFC3339.format(now), "MEDIATION_NEWEST_CHANGE": RFC3339.format(newest)])
        }
    }

    /// An admin's request for a list now; it also takes the cases of rejected lists that are
    /// still past their term.
    public func prepare() async throws -> DestructionList? {
        do {
            let list = try await storage.prepareDestructionList(now: clock.now, schedule: schedule.withLock { $0 }, includingRejected: true)
            if let list {
                remind(list, prepared: true)
            } else {
                status.retention = RetentionStatus()
            }
            return list
        } catch DestructionListError.clockBehind(let now, let newest) {
            status.retention = RetentionStatus(clockBehind: .init(clock: now, newestChange: newest))
            throw DestructionListError.clockBehind(now: now, newestChange: newest)
        }
    }

    /// Records the approval with who gave it, then erases what the list names.
    public func approve(_ id: Int64, by author: ChangeAuthor) async throws -> DestructionList {
        let approved = try await storage.approveDestructionList(id, by: author, at: clock.now)
        return try await execute(approved)
    }

    /// Records the rejection, who made it and why; nothing is erased. The reason stays in the
    /// database: it is an admin's free text, so it never goes to the journal.
    public func reject(_ id: Int64, reason: String, by author: ChangeAuthor) async throws -> DestructionList {
        let rejected = try await storage.rejectDestructionList(id, reason: reason, by: author, at: clock.now)
        status.retention = RetentionStatus()
        return rejected
    }

    public func lists() async throws -> [DestructionListSummary] {
        try await storage.destructionLists()
    }

    public func list(_ id: Int64) async throws -> DestructionList {
        guard let list = try await storage.destructionList(id) else { throw DestructionListError.notFound(id) }
        return list
    }

    /// Erases the cases of an approved list (a case reopened or erased meanwhile is skipped by
    /// `purge`), removes their documents, and marks the list carried out.
    private func execute(_ list: DestructionList) async throws -> DestructionList {
        let cases = list.items.map { ExpiredCase(reference: $0.reference, closedOn: $0.closedOn) }
        _ = try await storage.purge(cases, today: CalendarDate(clock.now))
        let done = try await storage.completeDestructionList(list.id, at: clock.now)
        let erased = done.items.filter { $0.result == .erased }
        // Every erased item's folders, not only those erased just now: after a crash between the
        // erasure and this, the run that finishes the list still removes them.
        let folders = erased.flatMap { item in DocumentKind.allCases.map { archive.folder($0, reference: item.reference.text) } }
        try await BlockingWork.run {
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        }
        status.retention = RetentionStatus()
        journal.record(LifecycleJournal.purged, priority: .notice,
                       "Destruction list \(list.id), approved, was carried out: \(erased.count) case(s) lost their personal data, "
                           + "\(done.items.count - erased.count) skipped (reopened since the list was prepared)",
                       fields: ["MEDIATION_PURGED": String(erased.count), "MEDIATION_DESTRUCTION_LIST": String(list.id)])
        return done
    }

    private func remind(_ list: DestructionList, prepared: Bool) {
        status.retention = RetentionStatus(pendingList: list.id, pendingCases: list.items.count)
        let what = prepared ? "Destruction list \(list.id) is prepared and" : "Destruction list \(list.id) still"
        journal.record(LifecycleJournal.destructionListPending, priority: .notice,
                       "\(what) awaits approval: \(list.items.count) closed case(s) past their retention term; review it with mediationctl purge show \(list.id)",
                       fields: ["MEDIATION_DESTRUCTION_LIST": String(list.id), "MEDIATION_CASES": String(list.items.count)])
    }

    /// Once at start, for a run missed while the daemon was down, then every day at `runTime`.
    public func run() async throws {
        while !Task.isCancelled {
            do {
                try await runOnce()
            } catch {
                logger.error("The retention run failed; it is tried again at the next run: \(error)")
            }
            let now = clock.now
            let tomorrow = CalendarDate(now).adding(days: 1)
            let next = Self.runTime.instant(on: Self.runTime.instant(on: CalendarDate(now)) > now ? CalendarDate(now) : tomorrow)
            let wait = max(1, next.timeIntervalSince(now))
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
        }
    }
}
