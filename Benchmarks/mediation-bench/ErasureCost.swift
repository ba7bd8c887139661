import Foundation
import TestSupport

/// What wiping the erased bytes costs: a purge of `purgeCases` closed cases out of
/// `options.erasureCases`, on copies of one database in the daemon's schema, three ways in
/// alternating blocks, each on a fresh copy:
/// - the reference: the rows overwritten, nothing wiped (`secure_delete` off, no checkpoint);
/// - what mediationd does: `secure_delete` on and a truncating checkpoint of the WAL;
/// - the alternative the issue names: the same overwrite followed by VACUUM.
/// Each run also says whether the erased texts could still be read from the files.
struct ErasureCost {
    let options: Options
    static let purgeCases = 1_000

    private enum Way: String, CaseIterable {
        case reference = "overwrite only (reference)"
        case wiped = "secure_delete + checkpoint(TRUNCATE) (mediationd)"
        case vacuum = "overwrite + VACUUM"

        var sql: (before: String, after: String) {
            switch self {
            case .reference: ("PRAGMA secure_delete = OFF;", "")
            case .wiped: ("PRAGMA secure_delete = ON;", "PRAGMA wal_checkpoint(TRUNCATE);")
            case .vacuum: ("PRAGMA secure_delete = OFF;", "VACUUM;")
            }
        }
    }

    func run() throws -> String {
        let daemon = BenchDaemon(executable: options.daemon)
        daemon.stop(try daemon.start().0)
        try seed(daemon.database)
        var seconds: [Way: [Double]] = [:]
        var readable: [Way: Bool] = [:]
        for _ in 0..<options.rounds {
            for way in Way.allCases {
                let copy = daemon.directory.file("copy.sqlite")
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
                try FileManager.default.copyItem(atPath: daemon.database, toPath: copy)
                let began = RoundTripSample.now()
                let result = try blockingRunCommand("/usr/bin/sqlite3", [copy, """
                    PRAGMA journal_mode = WAL; \(way.sql.before)
                    BEGIN;
                    UPDATE case_file SET subject = '[verwijderd]', complainant_name = '[verwijderd]', outcome = '[verwijderd]', purged_on = '2026-12-03'
                      WHERE reference IN (SELECT reference FROM case_file WHERE purged_on IS NULL ORDER BY reference LIMIT \(Self.purgeCases));
                    UPDATE case_history SET summary = action WHERE case_reference IN (SELECT reference FROM case_file WHERE purged_on IS NOT NULL);
                    COMMIT; \(way.sql.after)
                    """], timeout: 600)
                seconds[way, default: []].append(Double(RoundTripSample.now() - began) / 1e9)
                guard result.status == 0 else { fatalError("sqlite3: \(result.error)") }
                // The first thousand references, all purged: E-0000001 to E-0000999.
                let marker = Data("erased-text-of-E-0000".utf8)
                readable[way] = ["", "-wal"].contains { suffix in FileManager.default.contents(atPath: copy + suffix)?.range(of: marker) != nil }
            }
        }
        let size = Double((try FileManager.default.attributesOfItem(atPath: daemon.database)[.size] as? NSNumber)?.int64Value ?? 0) / 1_048_576
        var lines = [
            "## Wiping what a purge erases (issue 14)",
            "",
            "A purge of \(Self.purgeCases) closed cases out of \(options.erasureCases) (a database of \(String(format: "%.0f", size)) MiB in mediationd's schema, "
                + "each case with three history entries), by `sqlite3` on a fresh copy for every run, the three ways in alternating blocks, \(options.rounds) rounds; "
                + "wall time of the whole statement, in seconds. \"Readable\" says whether a purged case's text could still be found in the database file or its WAL afterwards.",
            "",
            "| Way | median | min | max | readable afterwards |",
            "|---|---:|---:|---:|---|",
        ]
        for way in Way.allCases {
            let sorted = (seconds[way] ?? []).sorted()
            lines.append(String(format: "| %@ | %.3f | %.3f | %.3f | %@ |", way.rawValue, sorted[sorted.count / 2], sorted.first ?? 0, sorted.last ?? 0,
                                readable[way] == true ? "yes" : "no"))
        }
        func median(_ way: Way) -> Double { let sorted = (seconds[way] ?? [0]).sorted(); return sorted[sorted.count / 2] }
        lines += ["", String(format: "Wiping adds %.0f%% to the purge's time; VACUUM takes %.1f times as long, rewriting the whole file under the write lock, "
                             + "and grows with the database rather than with the cases purged, which is why mediationd does not use it.",
                             (median(.wiped) / median(.reference) - 1) * 100, median(.vacuum) / median(.reference))]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Closed cases with a subject, an outcome and history summaries that name them, written to
    /// the file itself (checkpointed) as in a database in use for a while. One in four has a
    /// text of 5,000 characters, as a conclusion or an agreement may be: it takes overflow
    /// pages, which the purge frees.
    private func seed(_ database: String) throws {
        let count = options.erasureCases
        let result = try blockingRunCommand("/usr/bin/sqlite3", [database, """
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO case_file (reference, received, agency, subject, complainant_name, complainant_contact, track, closed_on, outcome, registered_at)
              SELECT printf('E-%07d', i), '2019-01-07', 'Belastingdienst',
                     printf('erased-text-of-E-%07d|', i) || hex(randomblob(CASE WHEN i % 4 = 1 THEN 2500 ELSE 120 END)),
                     'N. N.', 'n@example.nl', 'intervention', '2019-03-01', 'opgelost', '2019-01-07 10:00:00' FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count * 3))
            INSERT INTO case_history (case_reference, at, uid, login, action, summary)
              SELECT printf('E-%07d', (i + 2) / 3), '2019-01-07 10:00:00', 1000, 'staff', 'suspended', 'suspended: waiting for the agency''s file' FROM n;
            COMMIT;
            PRAGMA wal_checkpoint(TRUNCATE);
            """], timeout: 900)
        guard result.status == 0 else { fatalError("sqlite3 could not seed \(database): \(result.error)") }
    }
}
