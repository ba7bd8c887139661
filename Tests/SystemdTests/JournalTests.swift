import Foundation
import Glibc
import Logging
import Systemd
import TestSupport
import Testing

@Suite("Journal")
struct JournalTests {
    @Test(arguments: [
        ("MEDIATION_CASE", "MEDIATION_CASE"),
        ("case.ref", "CASE_REF"),
        ("_PID", "PID"),
        ("9lives", "F9LIVES"),
        ("ümlaut", "_MLAUT".dropFirst().description),
    ])
    func fieldNamesAreMadeValid(raw: String, expected: String) {
        #expect(JournalField(raw, "v").name == expected)
    }

    @Test func messageIDsMustBe128BitHex() {
        #expect(JournalMessageID(rawValue: "8bf409691b7d4f0b8ae014ba5532231c") != nil)
        #expect(JournalMessageID(rawValue: "8BF409691B7D4F0B8AE014BA5532231C") == nil)
        #expect(JournalMessageID(rawValue: "8bf40969") == nil)
    }

    @Test func aJournalStreamIsRecognisedByDeviceAndInode() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("stream", "")
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        setenv("JOURNAL_STREAM", "\(info.st_dev):\(info.st_ino)", 1)
        defer { unsetenv("JOURNAL_STREAM") }
        #expect(JournalStream.isConnected(fd))
        #expect(!JournalStream.isConnected(STDIN_FILENO) || isatty(STDIN_FILENO) == 0)
        setenv("JOURNAL_STREAM", "\(info.st_dev):\(info.st_ino + 1)", 1)
        #expect(!JournalStream.isConnected(fd))
    }

    @Test func entriesAndLogLinesReachJournaldWithTheirFields() async throws {
        try Journald.ensureRunning()
        let marker = UUID().uuidString
        try Journal().send([
            .message("test entry \(marker)"),
            .priority(.warning),
            JournalField("MEDIATION_TEST", marker),
            JournalField("MULTILINE", "one\ntwo"),
        ])
        let entry = try #require(try await Journald.entries(["MEDIATION_TEST=\(marker)"]).first)
        #expect(entry.string("MESSAGE") == "test entry \(marker)")
        #expect(entry.string("PRIORITY") == "4")
        #expect(entry.string("MULTILINE") == "one\ntwo")

        var logger = Logger(label: "test") { JournalLogHandler(label: $0, identifier: "systemd-tests") }
        logger[metadataKey: "case.ref"] = "\(marker)"
        logger.error("logged \(marker)")
        let logged = try #require(try await Journald.entries(["CASE_REF=\(marker)"]).first)
        #expect(logged.string("MESSAGE") == "logged \(marker)")
        #expect(logged.string("PRIORITY") == "3")
        #expect(logged.string("SYSLOG_IDENTIFIER") == "systemd-tests")
        #expect(logged.string("CODE_FILE")?.hasSuffix("JournalTests.swift") == true)
    }
}
