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
}
