import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

@Suite("mediationd logging to the journal", .timeLimit(.minutes(2)))
struct JournalLoggingTests {
    @Test func withLogTargetJournalEveryLineIsAStructuredEntryAndNothingIsDoubled() async throws {
        try Journald.ensureRunning()
        let daemon = DaemonHarness(logTarget: "journal")
        try await daemon.startDirectAndWait()
        #expect(await daemon.stop() == 0)

        let entries = try await daemon.journalEntries([], atLeast: 3)
        let configured = entries.first { $0.string("MESSAGE")?.hasPrefix("configuration from \(daemon.configPath)") == true }
        #expect(configured?.string("SYSLOG_IDENTIFIER") == "mediationd")
        #expect(configured?.string("PRIORITY") == "6")
        #expect(configured?.string("CODE_FILE")?.hasSuffix("main.swift") == true)
        let started = entries.filter { $0.string("MESSAGE")?.contains("started: serving on") == true }
        #expect(started.count == 1, "the start is one structured entry, not also a plain log line")
        #expect(started.first?.string("MESSAGE_ID") == LifecycleJournal.started.rawValue)
        #expect(daemon.process?.standardError.isEmpty == true, "nothing goes to stderr")
    }

    @Test func underSystemdStderrIsRecognisedAsTheJournalStream() async throws {
        try Journald.ensureRunning()
        let daemon = DaemonHarness(logTarget: nil)
        // systemd tells a service its stderr is the journal with JOURNAL_STREAM=device:inode;
        // here stderr is a file, and the variable names that file.
        let stderrPath = daemon.directory.file("daemon.err")
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        var info = stat()
        #expect(stat(stderrPath, &info) == 0)
        try daemon.startDirect(extraEnvironment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino)"])
        #expect(await daemon.notify.wait(for: "READY", value: "1") != nil)
        #expect(await daemon.stop() == 0)
        let entries = try await daemon.journalEntries(["SYSLOG_IDENTIFIER=mediationd"], atLeast: 3)
        #expect(entries.contains { $0.string("MESSAGE")?.hasPrefix("configuration from") == true })
        #expect(daemon.process?.standardError.isEmpty == true, "log lines went to the journal, not to the stream")
    }
}
