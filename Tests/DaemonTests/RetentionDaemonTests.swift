import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

/// Destruction lists against the real daemon: prepared, shown, approved or rejected with
/// `mediationctl purge`, what an approval removes from the database and the state directory,
/// the journal's entries, and the daemon under a clock set wrong (libfaketime).
@Suite("Retention", .serialized, .timeLimit(.minutes(3)))
struct RetentionDaemonTests {
    /// Starts the daemon with its wall clock moved by `offset` (libfaketime's "+1827d", "-30d")
    /// and returns its pid. Through the faketime command: preloading libfaketime by hand loses a
    /// Swift program's arguments. faketime forks and passes no signals on, so the test talks to
    /// the daemon, its child, by that pid.
    private func startWithClockMoved(_ daemon: DaemonHarness, _ offset: String) async throws -> pid_t {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/faketime") else {
            throw TestSetupError("faketime is not installed; run scripts/install-dependencies")
        }
        try await daemon.startDirectAndWait(launcher: ["/usr/bin/faketime", "-f", offset])
        let wrapper = try #require(daemon.process?.pid)
        let children = try String(contentsOfFile: "/proc/\(wrapper)/task/\(wrapper)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
    }

    private func journal(_ daemon: DaemonHarness, pid: pid_t, _ id: String, atLeast count: Int = 1) async throws -> [JSONObject] {
        try await Journald.entries(["MESSAGE_ID=\(id)", "_PID=\(pid)"], since: daemon.createdAt, atLeast: count)
    }

    /// SIGKILL to the daemon itself, and faketime exits with it. Under libfaketime the daemon
    /// does not finish a clean stop (its timed waits go through the faked clock); a clean stop
    /// is not what these tests are about, and every write was durable when acknowledged.
    private func stop(_ daemon: DaemonHarness, pid: pid_t) async -> Bool {
        kill(pid, SIGKILL)
        return await daemon.process?.waitForExit(timeout: 45) != nil
    }

    /// A daemon with `references` registered and closed, closed two years back when `backdated`.
    private func office(_ references: [String], backdated: Bool = true) async throws -> DaemonHarness {
        try Journald.ensureRunning()
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        for reference in references {
            let registered = try await ctl(daemon, ["case", "register", "--reference", reference, "--received", "2023-01-02", "--agency", "UWV",
                                                    "--subject", "Uitkering", "--complainant-name", "Kees Bakker", "--complainant-contact", "06-98765432"])
            #expect(registered.status == 0, "\(registered.error)")
            #expect(try await ctl(daemon, ["case", "close", reference, "--outcome", "ingetrokken"]).status == 0)
        }
        if backdated {
            // Cases are closed today through the CLI, so the test dates them back.
            try sql(daemon, "UPDATE case_file SET closed_on = '2023-02-01' WHERE reference LIKE 'OLD-%';")
        }
        return daemon
    }

    private func ctl(_ daemon: DaemonHarness, _ arguments: [String]) async throws -> CommandResult {
        try await daemon.ctl(arguments + ["--socket", daemon.socketPath])
    }

    private func sql(_ daemon: DaemonHarness, _ statement: String) throws {
        let result = try blockingRunCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", daemon.stateDirectory + "/mediationd.sqlite", statement])
        #expect(result.status == 0, "\(result.error)")
    }

    private func name(_ daemon: DaemonHarness, _ reference: String) throws -> String {
        try blockingRunCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", daemon.stateDirectory + "/mediationd.sqlite",
                                                    "SELECT complainant_name FROM case_file WHERE reference = '\(reference)'"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aListIsPreparedAndOnlyItsApprovalErases() async throws {
        let daemon = try await office(["OLD-1", "NEW-1"])
        let folder = daemon.stateDirectory + "/agreements/OLD-1"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/v0001.md", contents: Data("Kees Bakker".utf8))

        let prepared = try await ctl(daemon, ["purge", "prepare"])
        #expect(prepared.status == 0, "\(prepared.error)")
        #expect(prepared.output.contains("Destruction list 1 is prepared") && prepared.output.contains("OLD-1"), "\(prepared.output)")
        #expect(!prepared.output.contains("NEW-1"), "closed today: inside its term")
        let reminder = try #require(try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.destructionListPending.rawValue)"]).first)
        #expect(reminder.string("MEDIATION_DESTRUCTION_LIST") == "1" && reminder.string("MEDIATION_CASES") == "1")
        #expect(try name(daemon, "OLD-1") == "Kees Bakker", "preparing erases nothing")
        #expect(try await daemon.status()?.object("retention")?.int("pendingList") == 1)

        let listed = try await ctl(daemon, ["purge", "list"])
        #expect(listed.output.contains("pending"), "\(listed.output)")
        let shown = try await ctl(daemon, ["purge", "show", "1", "--json"])
        let item = JSONObject(shown.output)?.object("list")?.array("items")?.first
        #expect(item?.string("reference") == "OLD-1" && item?.string("category") == "intake" && item?.string("closedOn") == "2023-02-01", "\(shown.output)")
        let again = try await ctl(daemon, ["purge", "prepare"])
        #expect(again.status == 65 && again.error.contains("destruction list 1 awaits a decision"), "\(again.error)")

        let approved = try await ctl(daemon, ["purge", "approve", "1"])
        #expect(approved.status == 0 && approved.output.contains("1 case(s) lost their personal data"), "\(approved.output)\(approved.error)")
        let after = JSONObject(try await ctl(daemon, ["purge", "show", "1", "--json"]).output)?.object("list")
        #expect(after?.string("state") == "executed" && after?.object("decision")?.string("login") == String(cString: getpwuid(getuid()).pointee.pw_name))
        #expect(after?.array("items")?.first?.string("result") == "erased")
        let purged = JSONObject(try await ctl(daemon, ["case", "show", "OLD-1", "--json"]).output)?.object("case")
        #expect(purged?.object("complainant")?.string("name") == "[verwijderd]")
        #expect(purged?.object("closure")?.string("on") == "2023-02-01", "dates stay for statistics")
        #expect(!FileManager.default.fileExists(atPath: folder), "its documents are gone too")
        #expect(try name(daemon, "NEW-1") == "Kees Bakker")
        let entry = try #require(try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.purged.rawValue)"]).first)
        #expect(entry.string("MEDIATION_PURGED") == "1" && entry.string("MEDIATION_DESTRUCTION_LIST") == "1")
        #expect(!(entry.string("MESSAGE") ?? "").contains("Kees"))
        #expect(try await ctl(daemon, ["purge", "prepare"]).output.contains("no list was prepared"), "an erased case is not listed again")
        #expect(await daemon.stop() == 0)
    }

    @Test func aRejectionErasesNothingAndRecordsWhoAndWhy() async throws {
        let daemon = try await office(["OLD-1"])
        #expect(try await ctl(daemon, ["purge", "prepare"]).status == 0)
        let empty = try await ctl(daemon, ["purge", "reject", "1", "--reason", "  "])
        #expect(empty.status == 65 && empty.error.contains("--reason is empty"), "\(empty.error)")
        let rejected = try await ctl(daemon, ["purge", "reject", "1", "--reason", "bezwaarprocedure loopt nog"])
        #expect(rejected.status == 0 && rejected.output.contains("rejected; nothing was erased"), "\(rejected.output)\(rejected.error)")
        #expect(rejected.output.contains("Reason: bezwaarprocedure loopt nog"))
        #expect(try name(daemon, "OLD-1") == "Kees Bakker")

        let late = try await ctl(daemon, ["purge", "approve", "1"])
        #expect(late.status == 65 && late.error.contains("was rejected already"), "\(late.error)")
        let unknown = try await ctl(daemon, ["purge", "show", "99"])
        #expect(unknown.status == 65 && unknown.error.contains("no destruction list 99"), "\(unknown.error)")
        let journal = try await runCommand("/usr/bin/journalctl", ["_PID=\(daemon.process!.pid)", "-o", "cat", "--no-pager"])
        #expect(!journal.output.contains("bezwaarprocedure"), "the reason never goes to the journal")

        let asked = try await ctl(daemon, ["purge", "prepare", "--json"])
        #expect(JSONObject(asked.output)?.object("list")?.int("id") == 2, "an admin asking lists a rejected case again: \(asked.output)")
        #expect(await daemon.stop() == 0)
    }

    @Test func underAClockFiveYearsAheadTheRunPreparesAListAndErasesNothing() async throws {
        // Closed today, two years inside the term; to a clock five years ahead, long past it.
        let daemon = try await office(["NOW-1", "NOW-2"], backdated: false)
        #expect(await daemon.stop() == 0)
        let ahead = try await startWithClockMoved(daemon, "+1827d")
        let reminder = try #require(try await journal(daemon, pid: ahead, LifecycleJournal.destructionListPending.rawValue).first)
        #expect(reminder.string("MEDIATION_CASES") == "2")
        #expect(try await daemon.status()?.object("retention")?.int("pendingList") == 1)
        // Give a wrong erasure every chance to happen, then look in the database itself.
        try await Task.sleep(for: .seconds(1))
        #expect(try name(daemon, "NOW-1") == "Kees Bakker" && (try name(daemon, "NOW-2")) == "Kees Bakker", "nothing without a person's approval")
        #expect(try await journal(daemon, pid: ahead, LifecycleJournal.purged.rawValue, atLeast: 0).isEmpty)
        #expect(await stop(daemon, pid: ahead))

        // Back on the right clock the list still waits for a decision, and is rejected.
        try await daemon.startDirectAndWait()
        #expect(try await daemon.status()?.object("retention")?.int("pendingList") == 1)
        #expect(try await ctl(daemon, ["purge", "reject", "1", "--reason", "klok stond vijf jaar vooruit"]).status == 0)
        #expect(try name(daemon, "NOW-1") == "Kees Bakker")
        #expect(await daemon.stop() == 0)
    }

    @Test func aClockBehindTheNewestChangePreparesNoListAndStatusSaysWhy() async throws {
        let daemon = try await office(["OLD-1"])
        #expect(await daemon.stop() == 0)
        let behind = try await startWithClockMoved(daemon, "-30d")
        let held = try #require(try await journal(daemon, pid: behind, LifecycleJournal.destructionListHeld.rawValue).first)
        #expect(held.string("MEDIATION_NEWEST_CHANGE") != nil && held.string("MEDIATION_CLOCK") != nil)
        let status = try await ctl(daemon, ["status"])
        #expect(status.output.contains("no destruction list prepared: the clock read"), "\(status.output)")
        #expect(try await daemon.status()?.object("retention")?.object("clockBehind")?.string("newestChange") != nil)
        let asked = try await ctl(daemon, ["purge", "prepare"])
        #expect(asked.status == 65 && asked.error.contains("earlier than the newest stored change"), "\(asked.error)")
        #expect(try await ctl(daemon, ["purge", "list"]).output.contains("No destruction list yet"))
        #expect(await stop(daemon, pid: behind))
    }
}
