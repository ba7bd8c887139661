import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

/// `mediationctl purge` against the real daemon: what the dry run shows, what the run removes
/// from the database and the state directory, and its journal entry.
@Suite("Retention", .serialized, .timeLimit(.minutes(2)))
struct RetentionDaemonTests {
    @Test func aDryRunShowsWhatGoesAndTheRunRemovesItAndSaysSo() async throws {
        try Journald.ensureRunning()
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        func ctl(_ arguments: [String]) async throws -> CommandResult {
            try await daemon.ctl(arguments + ["--socket", daemon.socketPath])
        }
        for reference in ["OLD-1", "NEW-1"] {
            let registered = try await ctl(["case", "register", "--reference", reference, "--received", "2023-01-02", "--agency", "UWV",
                                            "--subject", "Uitkering", "--complainant-name", "Kees Bakker", "--complainant-contact", "06-98765432"])
            #expect(registered.status == 0, "\(registered.error)")
            #expect(try await ctl(["case", "close", reference, "--outcome", "ingetrokken"]).status == 0)
        }
        // Closed long ago: cases are closed today through the CLI, so the test dates one back.
        let dated = try await runCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", daemon.stateDirectory + "/mediationd.sqlite",
                                                              "UPDATE case_file SET closed_on = '2023-02-01' WHERE reference = 'OLD-1';"])
        #expect(dated.status == 0, "\(dated.error)")
        let folder = daemon.stateDirectory + "/agreements/OLD-1"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/v0001.md", contents: Data("Kees Bakker".utf8))

        let dryRun = try await ctl(["purge", "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.error)")
        #expect(dryRun.output.contains("1 case(s) closed on or before") && dryRun.output.contains("would lose"), "\(dryRun.output)")
        #expect(dryRun.output.contains("OLD-1") && !dryRun.output.contains("NEW-1"))
        #expect(try await ctl(["case", "show", "OLD-1"]).output.contains("Kees Bakker"), "a dry run changes nothing")

        let run = try await ctl(["purge"])
        #expect(run.status == 0 && run.output.contains("lost their personal data"), "\(run.output)\(run.error)")
        let shown = try await ctl(["case", "show", "OLD-1", "--json"])
        let purged = JSONObject(shown.output)?.object("case")
        #expect(purged?.object("complainant")?.string("name") == "[verwijderd]")
        #expect(purged?.string("subject") == "[verwijderd]")
        #expect(purged?.object("closure")?.string("outcome") == "[verwijderd]", "the closing words are free text too")
        #expect(purged?.object("closure")?.string("on") != nil, "the closing day stays for statistics")
        #expect(!shown.output.contains("06-98765432"))
        #expect(!FileManager.default.fileExists(atPath: folder), "its documents are gone too")
        #expect(try await ctl(["case", "show", "NEW-1"]).output.contains("Kees Bakker"))

        let entry = try #require(try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.purged.rawValue)"]).first)
        #expect(entry.string("MEDIATION_PURGED") == "1")
        let again = try await ctl(["purge", "--dry-run"])
        #expect(again.output.contains("No case closed on or before"), "\(again.output)")
        #expect(await daemon.stop() == 0)
    }
}
