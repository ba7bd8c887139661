import Foundation
import GRDB
import MediationCore

/// Destruction lists (vernietigingslijsten): prepared from the retention schedule, decided by an
/// admin, and carried out through `purge(_:today:)`.
extension SQLiteStorage {
    /// The newest instant the database holds a change of a case or session at. A wall clock
    /// earlier than this has been set back (or was ahead when those changes were made), so
    /// nothing is listed against it. The lists' own times do not count: a list prepared under a
    /// clock that was ahead is rejected, and that must not hold every later list.
    public func newestChange() async throws -> Date? {
        try await pool.read { db in try Self.newestChange(db) }
    }

    static func newestChange(_ db: Database) throws -> Date? {
        let stamped = [
            try Date.fetchOne(db, sql: "SELECT max(at) FROM case_history"),
            try Date.fetchOne(db, sql: "SELECT max(registered_at) FROM case_file"),
        ]
        let milliseconds = [
            try Int64.fetchOne(db, sql: "SELECT max(at) FROM session_history"),
            try Int64.fetchOne(db, sql: "SELECT max(changed_at) FROM session"),
        ]
        return (stamped + milliseconds.map { $0.map(instant) }).compactMap { $0 }.max()
    }

    /// Lists, in one transaction, the closed cases not yet erased whose category's term has
    /// passed by `now`'s day, unless a list is open (pending or approved) or the clock reads
    /// earlier than the newest stored change. Cases on a rejected list are left out unless
    /// `includingRejected` (an admin asked for the list). Returns nil when nothing is due.
    public func prepareDestructionList(now: Date, schedule: RetentionSchedule, includingRejected: Bool) async throws -> DestructionList? {
        try await pool.write { db in
            if let open = try Int64.fetchOne(db, sql: "SELECT id FROM destruction_list WHERE state IN ('pending', 'approved')") {
                throw DestructionListError.alreadyPending(open)
            }
            try Self.refuseIfClockBehind(now, db)
            let today = CalendarDate(now)
            let cutOffs = schedule.cutOffs(dueBy: today)
            guard let latest = cutOffs.values.max() else { return nil }
            let rejected = includingRejected ? "" : "OR l.state = 'rejected'"
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.reference, c.closed_on, c.track,
                  (SELECT count(*) FROM agreement a WHERE a.case_reference = c.reference) AS agreements,
                  (SELECT count(*) FROM investigation_question q WHERE q.case_reference = c.reference) AS questions,
                  (SELECT count(*) FROM session s WHERE s.case_reference = c.reference) AS sessions,
                  (SELECT form FROM investigation_conclusion i WHERE i.case_reference = c.reference) AS form
                FROM case_file c
                WHERE c.closed_on IS NOT NULL AND c.purged_on IS NULL AND c.closed_on <= ?
                  AND c.reference NOT IN (SELECT i.case_reference FROM destruction_list_item i JOIN destruction_list l ON l.id = i.list_id
                                          WHERE l.state IN ('pending', 'approved') \(rejected))
                ORDER BY c.closed_on, c.reference
                """, arguments: [latest.description])
            var items: [DestructionList.Item] = []
            for row in rows {
                let track = try (row["track"] as String?).map { try Track(rawValue: $0).orCorrupt("track \($0)") }
                let form = try (row["form"] as String?).map { try InvestigationConclusion.Form(rawValue: $0).orCorrupt("conclusion form \($0)") }
                let category = OutcomeCategory(track: track, agreements: row["agreements"], conclusion: form)
                let closedOn = try Self.date(row["closed_on"])
                guard let cutOff = cutOffs[category], closedOn <= cutOff else { continue }
                let scope = ErasureScope(agreements: row["agreements"], questions: row["questions"], sessions: row["sessions"], hasConclusion: form != nil)
                items.append(.init(reference: try Self.reference(row["reference"]), category: category, closedOn: closedOn, erases: scope.parts))
            }
            guard !items.isEmpty else { return nil }
            try db.execute(sql: "INSERT INTO destruction_list (prepared_at, prepared_on, state) VALUES (?, ?, 'pending')", arguments: [now, today.description])
            let id = db.lastInsertedRowID
            for (category, day) in cutOffs {
                try db.execute(sql: "INSERT INTO destruction_list_cut_off (list_id, category, term, closed_on_or_before) VALUES (?, ?, ?, ?)",
                               arguments: [id, category.rawValue, schedule.rule(for: category).description, day.description])
            }
            for item in items {
                try db.execute(sql: "INSERT INTO destruction_list_item (list_id, case_reference, category, closed_on, erases) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, item.reference.text, item.category.rawValue, item.closedOn.description, item.erases.joined(separator: "\n")])
            }
            return try Self.fetchDestructionList(id, db)
        }
    }

    /// The lists kept, newest first.
    public func destructionLists(limit: Int = 100) async throws -> [DestructionListSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, (SELECT count(*) FROM destruction_list_item i WHERE i.list_id = l.id) AS cases
                FROM destruction_list l ORDER BY l.id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                DestructionListSummary(id: row["id"], preparedAt: row["prepared_at"], state: try Self.listState(row["state"]), cases: row["cases"],
                                       decidedBy: Self.decider(row), decidedAt: row["decided_at"])
            }
        }
    }

    public func destructionList(_ id: Int64) async throws -> DestructionList? {
        try await pool.read { db in try Self.fetchDestructionList(id, db) }
    }

    /// The list that waits for a decision or for its erasure to finish, if any.
    public func openDestructionList() async throws -> DestructionList? {
        try await pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM destruction_list WHERE state IN ('pending', 'approved')") else { return nil }
            return try Self.fetchDestructionList(id, db)
        }
    }

    /// Records an admin's approval. Refused when the clock reads earlier than the newest stored
    /// change: the list may have been prepared under a clock that was wrong.
    public func approveDestructionList(_ id: Int64, by author: ChangeAuthor, at now: Date) async throws -> DestructionList {
        try await decide(id) { db in
            try Self.refuseIfClockBehind(now, db)
            try db.execute(sql: "UPDATE destruction_list SET state = 'approved', decided_uid = ?, decided_login = ?, decided_at = ? WHERE id = ?",
                           arguments: [Int64(author.uid), author.login, now, id])
        }
    }

    /// Records an admin's rejection and the reason given; nothing on the list is erased.
    public func rejectDestructionList(_ id: Int64, reason: String, by author: ChangeAuthor, at now: Date) async throws -> DestructionList {
        try await decide(id) { db in
            try db.execute(sql: """
                UPDATE destruction_list SET state = 'rejected', decided_uid = ?, decided_login = ?, decided_at = ?, rejection_reason = ? WHERE id = ?
                """, arguments: [Int64(author.uid), author.login, now, reason, id])
        }
    }

    /// Marks an approved list carried out, each item erased or skipped as the database now
    /// has it: run again after a crash, it reads the same.
    public func completeDestructionList(_ id: Int64, at now: Date) async throws -> DestructionList {
        try await pool.write { db in
            try db.execute(sql: """
                UPDATE destruction_list_item SET result = CASE
                  WHEN EXISTS (SELECT 1 FROM case_file c WHERE c.reference = case_reference AND c.closed_on = destruction_list_item.closed_on
                               AND c.purged_on IS NOT NULL) THEN 'erased' ELSE 'skipped_reopened' END
                WHERE list_id = ?
                """, arguments: [id])
            try db.execute(sql: "UPDATE destruction_list SET state = 'executed', executed_at = ? WHERE id = ? AND state = 'approved'", arguments: [now, id])
            return try Self.fetchDestructionList(id, db).orCorrupt("destruction list \(id)")
        }
    }

    private func decide(_ id: Int64, _ change: @escaping @Sendable (Database) throws -> Void) async throws -> DestructionList {
        try await pool.write { db in
            guard let state = try String.fetchOne(db, sql: "SELECT state FROM destruction_list WHERE id = ?", arguments: [id]) else {
                throw DestructionListError.notFound(id)
            }
            let current = try Self.listState(state)
            guard current == .pending else { throw DestructionListError.notPending(id, current) }
            try change(db)
            return try Self.fetchDestructionList(id, db).orCorrupt("destruction list \(id)")
        }
    }

    private static func refuseIfClockBehind(_ now: Date, _ db: Database) throws {
        if let newest = try newestChange(db), now < newest {
            throw DestructionListError.clockBehind(now: now, newestChange: newest)
        }
    }

    static func fetchDestructionList(_ id: Int64, _ db: Database) throws -> DestructionList? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM destruction_list WHERE id = ?", arguments: [id]) else { return nil }
        let cutOffs = try Row.fetchAll(db, sql: "SELECT * FROM destruction_list_cut_off WHERE list_id = ?", arguments: [id]).map { row in
            DestructionList.CutOff(
                category: try category(row["category"]),
                term: try (row["term"] as String?).flatMap(RetentionTerm.init).orCorrupt("retention term"),
                closedOnOrBefore: try date(row["closed_on_or_before"]))
        }.sorted { $0.category < $1.category }
        let items = try Row.fetchAll(db, sql: "SELECT * FROM destruction_list_item WHERE list_id = ? ORDER BY closed_on, case_reference", arguments: [id]).map { row in
            DestructionList.Item(
                reference: try reference(row["case_reference"]), category: try category(row["category"]), closedOn: try date(row["closed_on"]),
                erases: (row["erases"] as String? ?? "").split(separator: "\n").map(String.init),
                result: try (row["result"] as String?).map { try DestructionList.Item.Result(rawValue: $0).orCorrupt("item result \($0)") })
        }
        let decision = decider(row).map { author in
            DestructionList.Decision(author: author, at: row["decided_at"], rejectionReason: row["rejection_reason"])
        }
        return DestructionList(id: id, preparedAt: row["prepared_at"], state: try listState(row["state"]), cutOffs: cutOffs, items: items,
                               decision: decision, executedAt: row["executed_at"])
    }

    private static func decider(_ row: Row) -> ChangeAuthor? {
        guard let uid = row["decided_uid"] as Int64?, let login = row["decided_login"] as String? else { return nil }
        return ChangeAuthor(uid: UInt32(truncatingIfNeeded: uid), login: login)
    }

    private static func listState(_ text: String?) throws -> DestructionList.State {
        try text.flatMap(DestructionList.State.init(rawValue:)).orCorrupt("destruction list state \(text ?? "NULL")")
    }

    private static func category(_ text: String?) throws -> OutcomeCategory {
        try text.flatMap(OutcomeCategory.init(rawValue:)).orCorrupt("outcome category \(text ?? "NULL")")
    }
}
