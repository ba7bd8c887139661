import Foundation
import GRDB
import MediationCore

/// A closed case whose personal data is past its retention period.
public struct ExpiredCase: Sendable, Equatable {
    public let reference: CaseReference
    public let closedOn: CalendarDate

    public init(reference: CaseReference, closedOn: CalendarDate) {
        self.reference = reference
        self.closedOn = closedOn
    }
}

/// Retention (AVG/GDPR): closed cases past the period keep their reference, dates, track,
/// outcome and history entries (which never held personal data), and lose every name, contact
/// detail and free text: the complainant, the subject, the reasons, the parties' agreements,
/// the investigation's questions and replies, the conclusion's text and the session notes.
extension SQLiteStorage {
    /// The placeholder for what was erased, so a purged case reads as such.
    public static let erased = "[verwijderd]"

    /// Closed on or before `closedOnOrBefore` and not purged yet, oldest first.
    public func expiredCases(closedOnOrBefore day: CalendarDate, limit: Int = 10_000) async throws -> [ExpiredCase] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT reference, closed_on FROM case_file WHERE closed_on IS NOT NULL AND purged_on IS NULL AND closed_on <= ?
                ORDER BY closed_on, reference LIMIT ?
                """, arguments: [day.description, limit]).map { row in
                ExpiredCase(reference: try Self.reference(row["reference"]), closedOn: try Self.date(row["closed_on"]))
            }
        }
    }

    /// Erases the personal data of these cases in one transaction, and marks them purged on
    /// `today`. A case reopened or purged meanwhile is left alone. Returns those purged.
    public func purge(_ cases: [ExpiredCase], today: CalendarDate) async throws -> [ExpiredCase] {
        try await pool.write { db in
            var purged: [ExpiredCase] = []
            for expired in cases {
                let reference = expired.reference.text
                try db.execute(sql: """
                    UPDATE case_file SET complainant_name = ?, complainant_contact = ?, subject = ?, decision_reason = ?,
                      suspension_reason = CASE WHEN suspension_reason IS NULL THEN NULL ELSE ? END, purged_on = ?
                    WHERE reference = ? AND closed_on = ? AND purged_on IS NULL
                    """, arguments: [Self.erased, Self.erased, Self.erased, Self.erased, Self.erased, today.description, reference, expired.closedOn.description])
                guard db.changesCount == 1 else { continue }
                try db.execute(sql: "UPDATE agreement SET text = ?, note = CASE WHEN note IS NULL THEN NULL ELSE ? END WHERE case_reference = ?",
                               arguments: [Self.erased, Self.erased, reference])
                try db.execute(sql: """
                    UPDATE investigation_question SET text = ?, answer = CASE WHEN answer IS NULL THEN NULL ELSE ? END,
                      reaction = CASE WHEN reaction IS NULL THEN NULL ELSE ? END WHERE case_reference = ?
                    """, arguments: [Self.erased, Self.erased, Self.erased, reference])
                try db.execute(sql: "UPDATE investigation_conclusion SET text = ? WHERE case_reference = ?", arguments: [Self.erased, reference])
                try db.execute(sql: "UPDATE session SET after_deadline_reason = ? WHERE case_reference = ? AND after_deadline_reason IS NOT NULL",
                               arguments: [Self.erased, reference])
                // Session notes ("settled: the parties agreed by phone") are the mediator's words.
                try db.execute(sql: """
                    UPDATE session_history SET summary = action WHERE session_id IN (SELECT id FROM session WHERE case_reference = ?)
                    """, arguments: [reference])
                purged.append(expired)
            }
            return purged
        }
    }
}
