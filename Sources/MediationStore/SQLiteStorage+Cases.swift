import Foundation
import GRDB
import MediationCore

extension SQLiteStorage: CaseStore {
    public func register(
        reference: CaseReference?, year: Int, author: ChangeAuthor, at: Date,
        _ make: @Sendable (CaseReference) throws -> (CaseRecord, CaseChange)
    ) async throws -> (CaseRecord, CaseChange) {
        try await pool.write { db in
            let chosen: CaseReference
            if let reference {
                if try Self.exists(reference, db) { throw CaseStoreError.referenceTaken(reference) }
                chosen = reference
            } else {
                chosen = try Self.nextGeneratedReference(year: year, db)
            }
            let (record, change) = try make(chosen)
            try Self.insertCase(record.file, registeredAt: at, db)
            try Self.saveDeadlines(record, db)
            try Self.saveObligations(record, db)
            try Self.appendHistory(record.file.reference, CaseHistoryEntry(at: at, author: author, change: change), db)
            return (record, change)
        }
    }

    public func modify(
        _ reference: CaseReference, author: ChangeAuthor, at: Date,
        _ change: @Sendable (inout CaseRecord) throws -> CaseChange
    ) async throws -> (CaseRecord, CaseChange) {
        try await pool.write { db in
            guard var record = try Self.fetchRecord(reference, db) else { throw CaseStoreError.notFound(reference) }
            try Self.requireNotPurged(reference, db)
            record.numbering = try Self.numbering(db)
            let made = try change(&record)
            try Self.updateCase(record.file, db)
            try Self.saveDeadlines(record, db)
            try Self.saveObligations(record, db)
            try Self.appendHistory(reference, CaseHistoryEntry(at: at, author: author, change: made), db)
            return (record, made)
        }
    }

    public func record(_ reference: CaseReference) async throws -> CaseRecord? {
        try await pool.read { db in try Self.fetchRecord(reference, db) }
    }

    public func history(_ reference: CaseReference) async throws -> [CaseHistoryEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT at, uid, login, action, summary FROM case_history WHERE case_reference = ? ORDER BY id", arguments: [reference.text]).map { row in
                CaseHistoryEntry(
                    at: row["at"],
                    author: ChangeAuthor(uid: UInt32(truncatingIfNeeded: row["uid"] as Int64), login: row["login"]),
                    change: CaseChange(action: CaseChange.Action(rawValue: row["action"]) ?? .registered, summary: row["summary"]))
            }
        }
    }

    public func cases(_ query: CaseQuery) async throws -> Listing<CaseSummary> {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if query.openOnly { conditions.append("c.closed_on IS NULL") }
        if let track = query.track {
            conditions.append("c.track = ?")
            arguments += [track.rawValue]
        }
        Self.filterDue(overdueOn: query.overdueOn, dueBy: query.dueBy, &conditions, &arguments)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let from = "FROM case_file c LEFT JOIN deadline d ON d.case_reference = c.reference AND d.state = 'open' AND d.subject IS NULL \(filter)"
        let pageArguments = arguments
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: pageArguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.*, d.kind AS deadline_kind, d.due AS deadline_due \(from)
                ORDER BY d.due IS NULL, d.due, c.reference LIMIT \(max(0, query.limit))
                """, arguments: pageArguments)
            return Self.readable(rows, reference: "reference", total: total) { row in
                let file = try Self.caseFile(row)
                return CaseSummary(
                    reference: file.reference, received: file.received, agency: file.agency, subject: file.subject,
                    status: file.status, track: file.decision?.track,
                    deadline: (row["deadline_kind"] as String?).flatMap(DeadlineKind.init(rawValue:)),
                    due: (row["deadline_due"] as String?).flatMap(CalendarDate.init(iso:)))
            }
        }
    }

    public func deadlines(_ query: DeadlineQuery) async throws -> Listing<DeadlineSummary> {
        var conditions = ["d.state = 'open'"]
        var arguments: StatementArguments = []
        Self.filterDue(overdueOn: query.overdueOn, dueBy: query.dueBy, &conditions, &arguments)
        let from = "FROM deadline d JOIN case_file c ON c.reference = d.case_reference WHERE " + conditions.joined(separator: " AND ")
        let pageArguments = arguments
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: pageArguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.case_reference, d.kind, d.subject, d.due, d.reminder_at, c.suspended_since \(from)
                ORDER BY d.due, d.case_reference LIMIT \(max(0, query.limit))
                """, arguments: pageArguments)
            return Self.readable(rows, reference: "case_reference", total: total) { row in
                let kind = try Self.kind(row["kind"])
                return DeadlineSummary(
                    reference: try Self.reference(row["case_reference"]),
                    kind: kind,
                    subject: row["subject"],
                    due: try Self.date(row["due"]),
                    suspended: (row["suspended_since"] as String?) != nil && kind.standsStillWhileSuspended,
                    nextReminder: (row["reminder_at"] as Int64?).map(Self.instant))
            }
        }
    }

    /// A listing of the rows that can be read; the others are left out and named by reference,
    /// so that one damaged row does not take the list down for everyone.
    private static func readable<Item>(_ rows: [Row], reference column: String, total: Int, _ read: (Row) throws -> Item) -> Listing<Item> {
        var items: [Item] = []
        var unreadable: [String] = []
        for row in rows {
            do {
                items.append(try read(row))
            } catch {
                unreadable.append((row[column] as String?) ?? "?")
            }
        }
        return Listing(items: items, total: total, unreadable: unreadable)
    }

    public func statistics(today: CalendarDate) async throws -> CaseStatistics {
        try await pool.read { db in
            let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_file WHERE closed_on IS NULL") ?? 0
            let overdue = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deadline WHERE state = 'open' AND due < ?", arguments: [today.description]) ?? 0
            let next = try Row.fetchOne(db, sql: """
                SELECT d.case_reference, d.kind, d.due FROM deadline d JOIN case_file c ON c.reference = d.case_reference
                WHERE d.state = 'open' AND d.due >= ? AND c.suspended_since IS NULL ORDER BY d.due LIMIT 1
                """, arguments: [today.description])
            return CaseStatistics(
                openCases: open, overdueDeadlines: overdue,
                nextDue: try next.map { (try Self.reference($0["case_reference"]), try Self.kind($0["kind"]), try Self.date($0["due"])) })
        }
    }

    /// The conditions on the open deadline (`d`) that both lists share.
    private static func filterDue(overdueOn: CalendarDate?, dueBy: CalendarDate?, _ conditions: inout [String], _ arguments: inout StatementArguments) {
        if let day = overdueOn {
            conditions.append("d.due < ?")
            arguments += [day.description]
        }
        if let day = dueBy {
            conditions.append("d.due <= ?")
            arguments += [day.description]
        }
    }

    // MARK: Rows

    static func exists(_ reference: CaseReference, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM case_file WHERE reference = ?)", arguments: [reference.text]) ?? false
    }

    /// The year's next number; a number the office gave by hand in the same form is skipped.
    private static func nextGeneratedReference(year: Int, _ db: Database) throws -> CaseReference {
        var number = (try Int.fetchOne(db, sql: "SELECT last FROM reference_sequence WHERE year = ?", arguments: [year]) ?? 0) + 1
        while try exists(CaseReference(year: year, number: number), db) { number += 1 }
        try db.execute(sql: "INSERT INTO reference_sequence (year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = excluded.last", arguments: [year, number])
        return CaseReference(year: year, number: number)
    }

    private static func insertCase(_ file: CaseFile, registeredAt: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO case_file (reference, received, agency, subject, complainant_name, complainant_contact, registered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [file.reference.text, file.received.description, file.agency, file.subject, file.complainant.name, file.complainant.contact, registeredAt])
        try updateCase(file, db)
    }

    private static func updateCase(_ file: CaseFile, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE case_file SET agency = ?, subject = ?, complainant_name = ?, complainant_contact = ?,
              track = ?, decision_reason = ?, referred_to = ?, decided_on = ?,
              suspended_since = ?, suspension_reason = ?, closed_on = ?, outcome = ?
            WHERE reference = ?
            """, arguments: [
                file.agency, file.subject, file.complainant.name, file.complainant.contact,
                file.decision?.track.rawValue, file.decision?.reason, file.decision?.referredTo, file.decision?.decidedOn.description,
                file.suspension?.since.description, file.suspension?.reason, file.closure?.on.description, file.closure?.outcome,
                file.reference.text,
            ])
    }

    private static func saveDeadlines(_ record: CaseRecord, _ db: Database) throws {
        for (position, deadline) in record.deadlines.enumerated() {
            let reminder = deadline.nextReminder
            try db.execute(sql: """
                INSERT INTO deadline (case_reference, position, kind, subject, due, state, settled_on, reminder_at, reminder_stage, reminder_date, reminder_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(case_reference, position) DO UPDATE SET
                  kind = excluded.kind, subject = excluded.subject, due = excluded.due, state = excluded.state, settled_on = excluded.settled_on,
                  reminder_at = excluded.reminder_at, reminder_stage = excluded.reminder_stage,
                  reminder_date = excluded.reminder_date, reminder_sequence = excluded.reminder_sequence
                """, arguments: [
                    record.file.reference.text, position, deadline.kind.rawValue, deadline.subject, deadline.due.description, deadline.state.rawValue,
                    deadline.settledOn?.description, reminder.map { milliseconds($0.instant) }, reminder?.stage.token,
                    reminder?.date.description, reminder?.sequence,
                ])
        }
    }

    private static func appendHistory(_ reference: CaseReference, _ entry: CaseHistoryEntry, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO case_history (case_reference, at, uid, login, action, summary) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [reference.text, entry.at, Int64(entry.author.uid), entry.author.login, entry.change.action.rawValue, entry.change.summary])
    }

    static func fetchRecord(_ reference: CaseReference, _ db: Database) throws -> CaseRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM case_file WHERE reference = ?", arguments: [reference.text]) else { return nil }
        let deadlines = try Row.fetchAll(db, sql: "SELECT * FROM deadline WHERE case_reference = ? ORDER BY position", arguments: [reference.text]).map(deadline)
        var record = CaseRecord(file: try caseFile(row), deadlines: deadlines)
        try fetchObligations(into: &record, db)
        return record
    }

    private static func caseFile(_ row: Row) throws -> CaseFile {
        let decision: TrackDecision? = try (row["track"] as String?).map { track in
            TrackDecision(
                track: try Track(rawValue: track).orCorrupt("track \(track)"),
                reason: row["decision_reason"] ?? "", referredTo: row["referred_to"],
                decidedOn: try date(row["decided_on"]))
        }
        let suspension: Suspension? = try (row["suspended_since"] as String?).map { Suspension(since: try date($0), reason: row["suspension_reason"] ?? "") }
        let closure: Closure? = try (row["closed_on"] as String?).map { Closure(on: try date($0), outcome: row["outcome"] ?? "") }
        return CaseFile(
            reference: try reference(row["reference"]), received: try date(row["received"]), agency: row["agency"], subject: row["subject"],
            complainant: Complainant(name: row["complainant_name"], contact: row["complainant_contact"]),
            decision: decision, suspension: suspension, closure: closure)
    }

    static func deadline(_ row: Row) throws -> Deadline {
        var reminder: ScheduledReminder?
        if let at = row["reminder_at"] as Int64? {
            reminder = ScheduledReminder(
                stage: try ScheduledReminder.Stage(token: row["reminder_stage"] ?? "").orCorrupt("reminder stage"),
                date: try date(row["reminder_date"]), instant: instant(at), sequence: row["reminder_sequence"] ?? 0)
        }
        return Deadline(
            kind: try kind(row["kind"]), subject: row["subject"], due: try date(row["due"]),
            state: try Deadline.State(rawValue: row["state"] ?? "").orCorrupt("deadline state"),
            settledOn: try (row["settled_on"] as String?).map(date), nextReminder: reminder)
    }

    static func reference(_ text: String?) throws -> CaseReference {
        try text.flatMap(CaseReference.init).orCorrupt("reference \(text ?? "NULL")")
    }

    static func kind(_ text: String?) throws -> DeadlineKind {
        try text.flatMap(DeadlineKind.init(rawValue:)).orCorrupt("deadline kind \(text ?? "NULL")")
    }

    static func date(_ text: String?) throws -> CalendarDate {
        try text.flatMap { CalendarDate(iso: $0) }.orCorrupt("date \(text ?? "NULL")")
    }

    static func milliseconds(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 * 1000).rounded())
    }

    static func instant(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

/// A value in the database that this version cannot read: the file was edited by hand or
/// written by something else.
public struct CorruptRecord: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "the database holds an unreadable \(what)" }
}

extension Optional {
    func orCorrupt(_ what: @autoclosure () -> String) throws -> Wrapped {
        guard let self else { throw CorruptRecord(what: what()) }
        return self
    }
}
