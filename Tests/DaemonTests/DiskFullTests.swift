import Foundation
import Glibc
import TestSupport
import Testing

/// The state directory's disk fills up while mediators work: writes are refused with a message
/// that says so, reads go on, nothing acknowledged is lost, and writing resumes once space is freed.
@Suite("A full disk", .timeLimit(.minutes(3)))
struct DiskFullTests: CommandDesk {
    let daemon = DaemonHarness()

    @Test func writesAreRefusedAsStorageFullReadsGoOnAndWritingResumesOnceSpaceIsFreed() async throws {
        // A small disk of its own, so that filling it disturbs nothing else on the machine.
        try #require(mount("tmpfs", daemon.stateDirectory, "tmpfs", 0, "size=3m,mode=0755") == 0,
                     "mounting a tmpfs needs root: \(String(cString: strerror(errno)))")
        defer { umount2(daemon.stateDirectory, Int32(MNT_DETACH)) }
        try await daemon.startDirectAndWait()

        var acknowledged: [String] = []
        func register(_ reference: String) async throws -> CommandResult {
            let result = try await ctl(["case", "register", "--reference", reference, "--agency", "UWV", "--subject", "Uitkering te laat",
                                        "--complainant-name", "Jan de Vries", "--complainant-contact", "jan@example.nl"])
            if result.status == 0 { acknowledged.append(reference) }
            return result
        }
        for number in 1...10 { #expect(try await register("DF-\(number)").status == 0) }

        let filler = daemon.stateDirectory + "/filler"
        fillDisk(with: filler)

        // SQLite may still have room in pages it took before, so the disk shows as full only at
        // the first write that needs more; until then writes succeed and are acknowledged.
        var refusal: CommandResult?
        for number in 11...400 {
            let result = try await register("DF-\(number)")
            if result.status != 0 { refusal = result; break }
        }
        let refused = try #require(refusal, "400 registrations fitted on a full disk")
        #expect(refused.status == 75, "EX_TEMPFAIL: nothing was done and the same command can succeed later; got \(refused.status)")
        #expect(refused.error.contains("is full, so nothing was saved") && refused.error.contains(daemon.stateDirectory),
                "the message names the disk and says what to do: \(refused.error)")
        #expect(refused.output.isEmpty)

        // Reads go on, and show everything acknowledged, nothing of the refused one.
        let listed = JSONObject(try await succeed(["case", "list", "--json", "--limit", "1000"]))
        #expect(listed?.int("total") == acknowledged.count)
        let status = try await ctl(["status"])
        #expect(status.status == 0, "\(status.error)")
        let shown = try await ctl(["case", "show", acknowledged.last!])
        #expect(shown.status == 0, "\(shown.error)")

        // Room again: the very next write works, with no restart.
        unlink(filler)
        let resumed = try await register("DF-after")
        #expect(resumed.status == 0, "writing resumes once space is freed: \(resumed.error)")

        let stopped = await daemon.stop()
        #expect(stopped == 0, "a clean stop after the disk was full: \(daemon.process?.standardError.suffix(2000) ?? "")")
        let check = try await runCommand("/usr/bin/sqlite3", [daemon.stateDirectory + "/mediationd.sqlite",
                                                              "PRAGMA integrity_check; SELECT reference FROM case_file ORDER BY reference;"])
        var lines = check.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "ok", "the database passes integrity_check: \(check.output)")
        lines.removeFirst()
        #expect(lines == acknowledged.sorted(), "exactly the acknowledged cases are stored")
    }
}

/// Writes to `path` until the disk refuses another byte.
private func fillDisk(with path: String) {
    let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
    defer { close(fd) }
    let chunk = [UInt8](repeating: 0x5A, count: 4096)
    while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    // The last partial page, byte by byte, so not even a small write fits.
    var byte: UInt8 = 0
    while write(fd, &byte, 1) == 1 {}
}

/// Reminders come due while the database cannot write: each goes to the journal once, its mark
/// is retried until the disk has room, and the log says the disk is full.
@Suite("Reminders on a full disk", .timeLimit(.minutes(5)))
struct ReminderDiskFullTests: CommandDesk {
    let daemon = DaemonHarness()

    @Test func eachReminderIsJournalledOnceWhileItsMarkWaitsForRoom() async throws {
        try Journald.ensureRunning()
        try #require(mount("tmpfs", daemon.stateDirectory, "tmpfs", 0, "size=3m,mode=0755") == 0,
                     "mounting a tmpfs needs root: \(String(cString: strerror(errno)))")
        defer { umount2(daemon.stateDirectory, Int32(MNT_DETACH)) }
        try await daemon.startDirectAndWait()
        let prefix = "FULL\(UInt32.random(in: 0...UInt32.max))"
        let references = (1...3).map { "\(prefix)-\($0)" }
        for reference in references {
            try await succeed(["case", "register", "--reference", reference, "--agency", "UWV", "--subject", "s",
                               "--complainant-name", "Jan de Vries", "--complainant-contact", "jan@example.nl"])
        }
        #expect(await daemon.stop() == 0)
        // The first reminders come due 20 s after the restart, once the disk is full.
        let dueAt = Date().addingTimeInterval(20)
        let update = try await runCommand("/usr/bin/sqlite3", [daemon.stateDirectory + "/mediationd.sqlite",
            "UPDATE deadline SET reminder_at = \(Int64(dueAt.timeIntervalSince1970 * 1000)) WHERE case_reference LIKE '\(prefix)-%'"])
        try #require(update.status == 0, "\(update.error)")
        try await daemon.startDirectAndWait()

        let filler = daemon.stateDirectory + "/filler"
        fillDisk(with: filler)
        // Until SQLite has used the room it took before, writes still succeed: fill that too.
        for number in 1...400 {
            let result = try await ctl(["case", "register", "--reference", "\(prefix)-X\(number)", "--agency", "UWV", "--subject", "s",
                                        "--complainant-name", "n", "--complainant-contact", "c"])
            if result.status == 75 { break }
        }
        func journalled(_ reference: String) async throws -> Int {
            try await Journald.entries(["MEDIATION_CASE=\(reference)"], since: daemon.createdAt, atLeast: 0, timeout: 0).count
        }
        // Two minutes of a full disk: the reminder pass runs again every 30 s meanwhile.
        try await Task.sleep(until: .now + .seconds(max(0, dueAt.timeIntervalSinceNow) + 100), clock: .continuous)
        var during = 0
        for reference in references { during += try await journalled(reference) }
        #expect(during <= references.count, "while the marks wait, nothing is journalled twice")

        unlink(filler)
        for reference in references {
            let found = try await Journald.entries(["MEDIATION_CASE=\(reference)"], since: daemon.createdAt, atLeast: 1, timeout: 60)
            #expect(found.count == 1, "\(reference) journalled \(found.count) times")
        }
        // Another pass or two with room: still once each.
        try await Task.sleep(for: .seconds(35))
        for reference in references { #expect(try await journalled(reference) == 1, "\(reference)") }

        let log = daemon.process?.standardError ?? ""
        let said = log.components(separatedBy: "could not be marked sent in the database (the disk holding the database is full)").count - 1
        #expect(said == 1, "the log names the cause once:\n\(log.suffix(3000))")
        #expect(!log.contains("could not be read"), "\(log.suffix(3000))")
        #expect(await daemon.stop() == 0)
    }
}
