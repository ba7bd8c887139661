import Foundation
import GRDB
import MediationCore

extension SQLiteStorage {
    public func earliestReminder() async throws -> Date? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(reminder_at) FROM deadline WHERE reminder_at IS NOT NULL").map(Self.instant)
        }
    }

    public func dueReminders(notAfter instant: Date, limit: Int) async throws -> [PendingReminder] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM deadline WHERE reminder_at IS NOT NULL AND reminder_at <= ?
                ORDER BY reminder_at, case_reference, position LIMIT ?
                """, arguments: [Self.milliseconds(instant), limit]).map { row in
                PendingReminder(reference: try Self.reference(row["case_reference"]), position: row["position"], deadline: try Self.deadline(row))
            }
        }
    }

    public func countDueReminders(notAfter instant: Date) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deadline WHERE reminder_at IS NOT NULL AND reminder_at <= ?", arguments: [Self.milliseconds(instant)]) ?? 0
        }
    }

    public func recordSent(_ pending: PendingReminder, sent: ScheduledReminder, next: ScheduledReminder?, at: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO reminder_sent (reminder, case_reference, kind, stage, due, scheduled_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    sent.identifier(case: pending.reference, deadline: pending.deadline), pending.reference.text,
                    pending.deadline.kind.rawValue, sent.stage.token, pending.deadline.due.description, Self.milliseconds(sent.instant), at,
                ])
            // Only if the deadline still waits for the reminder just sent: a change made while it
            // was being written (an extension, say) has already set the schedule that counts.
            try db.execute(sql: """
                UPDATE deadline SET reminder_at = ?, reminder_stage = ?, reminder_date = ?, reminder_sequence = ?
                WHERE case_reference = ? AND position = ? AND reminder_at = ? AND due = ?
                """, arguments: [
                    next.map { Self.milliseconds($0.instant) }, next?.stage.token, next?.date.description, next?.sequence,
                    pending.reference.text, pending.position, Self.milliseconds(pending.scheduled.instant), pending.deadline.due.description,
                ])
        }
    }
}
