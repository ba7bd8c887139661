import Foundation

/// Fills a mediationd database straight through sqlite3, for loads no test or benchmark could
/// register call by call: `count` open cases named PREFIX-1 … PREFIX-count, each with an intake
/// deadline whose next reminder is stored as if the daemon had scheduled it.
public struct CaseSeeder: Sendable {
    public let database: String

    public init(database: String) {
        self.database = database
    }

    /// - Parameters:
    ///   - reminderAt: SQL for the reminder's instant in milliseconds; `i` is the case's number.
    ///   - stage, reminderDate, due: the stored reminder and the deadline it is for.
    public func seed(prefix: String, count: Int, reminderAt: String, stage: String, reminderDate: String, due: String) throws {
        let result = try blockingRunCommand("/usr/bin/sqlite3", [database, """
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO case_file (reference, received, agency, subject, complainant_name, complainant_contact, registered_at)
              SELECT '\(prefix)-' || i, '2026-01-05', 'Belastingdienst', 'Refund not paid', 'N. N.', 'n@example.nl', '2026-01-05 10:00:00' FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO deadline (case_reference, position, kind, due, state, reminder_at, reminder_stage, reminder_date, reminder_sequence)
              SELECT '\(prefix)-' || i, 0, 'intake', '\(due)', 'open', \(reminderAt), '\(stage)', '\(reminderDate)', \(stage == "overdue" ? 1 : 0) FROM n;
            COMMIT;
            """], timeout: 900)
        guard result.status == 0 else { throw TestSetupError("sqlite3 could not seed \(database): \(result.error)") }
    }
}
