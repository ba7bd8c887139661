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

/// Retention (AVG/GDPR): closed cases past the period keep their reference, dates and track,
/// the kinds of their agreements and questions, and their history's actions, dates and logins,
/// for statistics and accountability; they lose every name, contact detail and free text: the
/// complainant, the agency as entered, the subject, the reasons, the referral body, the closing
/// outcome, the parties' agreements, the investigation's questions, replies and conclusion, and
/// the notes and summaries of their history.
///
/// The old bytes go too: `secure_delete` (set on every connection when the store opens) zeroes
/// what a change frees, and a truncating checkpoint after the purge empties the WAL, which
/// still holds the pages as they were. A backup copies pages, so one taken after the purge
/// holds nothing of the erased texts either.
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

    /// Erases the personal data of these cases in one transaction, marks them purged on
    /// `today`, then clears the WAL of the pages as they were. A case reopened or purged
    /// meanwhile is left alone. Returns those purged.
    public func purge(_ cases: [ExpiredCase], today: CalendarDate) async throws -> [ExpiredCase] {
        let purged = try await pool.write { db in
            var purged: [ExpiredCase] = []
            for expired in cases where try Self.erase(expired, today: today, db) {
                purged.append(expired)
            }
            return purged
        }
        if !purged.isEmpty { try await truncateLog() }
        return purged
    }

    private static func erase(_ expired: ExpiredCase, today: CalendarDate, _ db: Database) throws -> Bool {
        let reference = expired.reference.text
        let erased = Self.erased
        func blank(_ column: String) -> String { "\(column) = CASE WHEN \(column) IS NULL THEN NULL ELSE '\(erased)' END" }
        try db.execute(sql: """
            UPDATE case_file SET agency = ?, subject = ?, complainant_name = ?, complainant_contact = ?,
              \(["decision_reason", "referred_to", "suspension_reason", "outcome"].map(blank).joined(separator: ", ")), purged_on = ?
            WHERE reference = ? AND closed_on = ? AND purged_on IS NULL
            """, arguments: [erased, erased, erased, erased, today.description, reference, expired.closedOn.description])
        guard db.changesCount == 1 else { return false }
        try db.execute(sql: "UPDATE agreement SET text = ?, \(blank("note")) WHERE case_reference = ?", arguments: [erased, reference])
        try db.execute(sql: "UPDATE investigation_question SET text = ?, \(blank("answer")), \(blank("reaction")) WHERE case_reference = ?",
                       arguments: [erased, reference])
        try db.execute(sql: "UPDATE investigation_conclusion SET text = ? WHERE case_reference = ?", arguments: [erased, reference])
        try db.execute(sql: "UPDATE session SET \(blank("after_deadline_reason")) WHERE case_reference = ?", arguments: [reference])
        // Summaries quote what staff typed ("suspended: <reason>", "closed: <outcome>", a
        // session's note): the action says what was done without it.
        try db.execute(sql: "UPDATE case_history SET summary = action WHERE case_reference = ?", arguments: [reference])
        try db.execute(sql: """
            UPDATE session_history SET summary = action WHERE session_id IN (SELECT id FROM session WHERE case_reference = ?)
            """, arguments: [reference])
        return true
    }

    /// Refuses a change to a purged case with the day it was purged.
    static func requireNotPurged(_ reference: CaseReference, _ db: Database) throws {
        if let day = try String.fetchOne(db, sql: "SELECT purged_on FROM case_file WHERE reference = ?", arguments: [reference.text]) {
            throw CaseStoreError.purged(reference, on: try date(day))
        }
    }

    /// Copies every page of the WAL into the database and empties the WAL file. Waits for
    /// readers to leave the frames it copies (the busy timeout); a long read can still hold it
    /// up, so it is tried a few times before giving up with SQLite's error.
    func truncateLog() async throws {
        var attempt = 0
        while true {
            do {
                _ = try await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 4 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(250 * attempt))
            }
        }
    }
}
