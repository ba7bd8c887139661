import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

/// `mediationctl backup` against a daemon that keeps taking changes, and the documented restore.
@Suite("Backup and restore", .timeLimit(.minutes(3)))
struct BackupTests {
    @Test func aBackupTakenWhileTheDaemonServesRestoresIntoAWorkingDaemon() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        func register(_ reference: String) async throws {
            let result = try await daemon.ctl(["case", "register", "--socket", daemon.socketPath, "--reference", reference, "--agency", "UWV",
                                               "--subject", "s", "--complainant-name", "n", "--complainant-contact", "c"])
            #expect(result.status == 0, "\(result.error)")
        }
        for number in 1...25 { try await register("B-\(number)") }

        // Changes keep coming while the copy is made and sent.
        let writer = Task {
            for number in 26...60 { try await register("B-\(number)") }
        }
        let backup = daemon.directory.file("backups/mediationd-backup.sqlite")
        try FileManager.default.createDirectory(atPath: daemon.directory.file("backups"), withIntermediateDirectories: true)
        let result = try await daemon.ctl(["backup", backup, "--socket", daemon.socketPath])
        try await writer.value
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("integrity ok"), "\(result.output)")
        var info = stat()
        #expect(stat(backup, &info) == 0 && info.st_mode & 0o777 == 0o600, "the copy holds personal data: only its owner reads it")
        #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.directory.file("backups")) == ["mediationd-backup.sqlite"], "no partial file left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.stateDirectory + "/backups").isEmpty, "the daemon's own copy is gone once sent")

        let check = try await runCommand("/usr/bin/sqlite3", [backup, "PRAGMA integrity_check; SELECT COUNT(*) FROM case_file;"])
        let lines = check.output.split(separator: "\n")
        #expect(lines.first == "ok")
        let copied = Int(lines.last ?? "") ?? 0
        #expect((25...60).contains(copied), "every case acknowledged before the backup began is in it: \(copied)")

        // The restore, as the README and `backup --help` say: the file becomes the database.
        let restored = DaemonHarness()
        try FileManager.default.copyItem(atPath: backup, toPath: restored.stateDirectory + "/mediationd.sqlite")
        try await restored.startDirectAndWait()
        let listed = try await restored.ctl(["case", "list", "--json", "--socket", restored.socketPath])
        #expect(JSONObject(listed.output)?.int("total") == copied)
        #expect(await restored.stop() == 0)

        // A path that exists, or in a directory that does not, is refused before anything is written.
        let existing = try await daemon.ctl(["backup", backup, "--socket", daemon.socketPath])
        #expect(existing.status == 73 && existing.error.contains("already exists"), "\(existing.error)")
        #expect(try await runCommand("/usr/bin/sqlite3", [backup, "SELECT COUNT(*) FROM case_file;"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == String(copied),
                "the existing file is untouched")
        let nowhere = try await daemon.ctl(["backup", daemon.directory.file("missing/dir/copy.sqlite"), "--socket", daemon.socketPath])
        #expect(nowhere.status == 73 && nowhere.error.contains("cannot write in"), "\(nowhere.error)")
        let stopped = await daemon.stop()
        #expect(stopped == 0, "exit \(String(describing: stopped)): \(daemon.process?.standardError.suffix(2000) ?? "")")
    }

    @Test func aCopyStagedByABackupThatWasKilledIsRemovedAtStart() async throws {
        let daemon = DaemonHarness()
        let staging = daemon.stateDirectory + "/backups"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        // As `stream` leaves it when the daemon dies while the copy is sent.
        let leftover = staging + "/backup-4C0F9A52-6B1E-4E0B-9B5A-1D2F3E4A5B6C.sqlite"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("erased long ago".utf8)))
        try await daemon.startDirectAndWait()
        #expect(!FileManager.default.fileExists(atPath: leftover), "a staged copy holds personal data that retention may since have erased")
        let result = try await daemon.ctl(["backup", daemon.directory.file("fresh.sqlite"), "--socket", daemon.socketPath])
        #expect(result.status == 0, "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty, "and a finished backup leaves nothing there either")
        #expect(await daemon.stop() == 0)
    }
}
