import Foundation
import TestSupport

/// What reached journald: the reminders of this run's overdue cases, counted by reminder id, so
/// a reminder sent twice (the one in flight at a kill, sent and not yet marked) shows as such.
struct JournalAudit {
    let run: String
    let since: Date

    struct Delivered {
        /// Case reference → entries for it.
        var cases: [String: Int] = [:]
        /// Reminder id → entries with it.
        var reminders: [String: Int] = [:]

        var repeated: [String: Int] { reminders.filter { $0.value > 1 } }
        /// Entries beyond the first of each reminder.
        var repeats: Int { reminders.values.reduce(0) { $0 + $1 - 1 } }
    }

    func delivered() throws -> Delivered {
        _ = try? blockingRunCommand("/usr/bin/journalctl", ["--sync"], timeout: 30)
        let result = try blockingRunCommand("/usr/bin/journalctl", [
            "-o", "json", "--no-pager", "--output-fields=MEDIATION_CASE,MEDIATION_REMINDER",
            "--since=@\(Int(since.timeIntervalSince1970) - 1)", "SYSLOG_IDENTIFIER=mediationd",
        ], timeout: 120)
        var delivered = Delivered()
        for line in result.output.split(separator: "\n") {
            guard let entry = JSONObject(String(line)), let reference = entry.string("MEDIATION_CASE"), reference.hasPrefix("CO-\(run)-"),
                  let reminder = entry.string("MEDIATION_REMINDER") else { continue }
            delivered.cases[reference, default: 0] += 1
            delivered.reminders[reminder, default: 0] += 1
        }
        return delivered
    }

    /// Waits until every case in `owed` has its reminder in the journal, or `timeout` passes.
    func waitFor(_ owed: Set<String>, timeout: Double) throws -> Delivered {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let delivered = try delivered()
            if owed.isSubset(of: delivered.cases.keys) || Date() > deadline { return delivered }
            usleep(500_000)
        }
    }
}
