import Foundation
import TestSupport

/// Reads the database file with sqlite3, independent of the daemon, and compares it with what
/// the clients were told: every acknowledged write there, no slot given twice, no corruption.
struct DatabaseAudit {
    let database: String
    let run: String

    /// What is wrong, one line each; empty when all holds.
    func findings(against ledger: Ledger) async throws -> [String] {
        var findings: [String] = []
        let integrity = try query("PRAGMA integrity_check;")
        if integrity != [["ok"]] { findings.append("integrity_check: \(integrity.map { $0.joined() }.joined(separator: "; "))") }

        let cases = try query("SELECT reference, COALESCE(track, '') FROM case_file WHERE reference LIKE '%-\(run)-%';")
        let tracks = Dictionary(cases.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        for reference in await ledger.overdueCases.sorted() where tracks[reference] == nil {
            findings.append("acknowledged registration lost: \(reference)")
        }
        for reference in await ledger.mediationCases.sorted() where tracks[reference] != "mediation" {
            findings.append("acknowledged decision lost: \(reference) is \(tracks[reference].map { "on track '\($0)'" } ?? "missing")")
        }

        let stored = try query("SELECT id, case_reference, mediator, place, starts FROM session WHERE state = 'scheduled';")
        let sessions = Dictionary(stored.map { (Int64($0[0]) ?? -1, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, expected) in await ledger.sessions.sorted(by: { $0.key < $1.key }) {
            guard let row = sessions[id] else {
                findings.append("acknowledged session lost: \(id) of \(expected.reference)")
                continue
            }
            if row[1] != expected.reference || row[2] != expected.mediator || row[3] != expected.place {
                findings.append("session \(id) changed hands: \(row[1...3].joined(separator: ", ")), acknowledged as \(expected.reference), \(expected.mediator), \(expected.place)")
            }
            if let start = Int64(row[4]), !expected.starts.contains(start) {
                findings.append("session \(id) starts at \(start), acknowledged at \(expected.starts.sorted())")
            }
        }

        // A slot given twice: two live sessions of one mediator, or in one room, that overlap.
        let overlaps = try query("""
            SELECT a.id, b.id, CASE WHEN a.mediator = b.mediator THEN 'mediator ' || a.mediator ELSE 'room ' || a.place END
            FROM session a JOIN session b ON a.id < b.id
            WHERE a.state = 'scheduled' AND b.state = 'scheduled' AND (a.mediator = b.mediator OR a.place = b.place)
              AND a.starts < b.ends AND b.starts < a.ends;
            """)
        findings += overlaps.map { "double booking: sessions \($0[0]) and \($0[1]) overlap for \($0[2])" }
        let twice = try query("SELECT case_reference, COUNT(*) FROM session WHERE state = 'scheduled' GROUP BY case_reference HAVING COUNT(*) > 1;")
        findings += twice.map { "case \($0[0]) has \($0[1]) live sessions" }

        let agreements = Dictionary(try query("SELECT id, text FROM agreement;").map { (Int64($0[0]) ?? -1, $0[1]) }, uniquingKeysWith: { first, _ in first })
        for (id, text) in await ledger.agreements.sorted(by: { $0.key < $1.key }) where agreements[id] != text {
            findings.append("acknowledged agreement lost: \(id) (\(text))")
        }
        return findings
    }

    /// Overdue cases of this run the database holds, acknowledged or not: each owes the journal a reminder.
    func overdueCases() throws -> Set<String> {
        Set(try query("SELECT reference FROM case_file WHERE reference LIKE 'CO-\(run)-%';").map { $0[0] })
    }

    /// The reminders of this run the daemon marked sent, by id.
    func sentReminders() throws -> Set<String> {
        Set(try query("SELECT reminder FROM reminder_sent WHERE case_reference LIKE 'CO-\(run)-%';").map { $0[0] })
    }

    /// Rows of a query, fields split on the unit separator, which no stored text contains.
    private func query(_ sql: String) throws -> [[String]] {
        let result = try blockingRunCommand("/usr/bin/sqlite3", ["-separator", "\u{1F}", "-cmd", ".timeout 10000", database, sql], timeout: 60)
        guard result.status == 0 else { throw TestSetupError("sqlite3 failed on \(database): \(result.error)") }
        return result.output.split(separator: "\n").map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
    }
}
