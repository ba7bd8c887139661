import Foundation
import Glibc
import MediationStore
import TestSupport
import Testing

@Suite("SQLite storage")
struct SQLiteStorageTests {
    @Test func aNewDatabaseIsPrivateDurableAndMigrated() async throws {
        let directory = TemporaryDirectory()
        let storage = try SQLiteStorage.open(directory: directory.path)
        var info = stat()
        #expect(stat(storage.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try await storage.pragma("journal_mode") == "wal")
        #expect(try await storage.pragma("synchronous") == "2", "2 is FULL")
        let information = try await storage.information()
        #expect(information.schemaVersion == "v7-destruction-lists")
        #expect(information.location == directory.file("mediationd.sqlite"))
        #expect(abs(information.createdAt.timeIntervalSinceNow) < 60)
        for suffix in ["-wal", "-shm"] {
            var sidecar = stat()
            if stat(storage.path + suffix, &sidecar) == 0 {
                #expect(sidecar.st_mode & 0o777 == 0o600, "\(suffix) is as private as the database")
            }
        }
    }

    /// Every booking reads its mediator's, its room's and its case's live sessions: each through
    /// an index, now that the mediator's is shared with the calendar's (v6).
    @Test(arguments: [
        ("mediator = 'anna' AND starts >= 0 AND starts < 86400000", "session_mediator"),
        ("place = 'Kamer 1' AND starts > 0 AND starts < 5400000 AND ends > 0", "session_live_place"),
        ("case_reference = '2026-0001'", "session_case"),
    ])
    func theLookUpsOfABookingUseAnIndex(condition: String, index: String) throws {
        let directory = TemporaryDirectory()
        let storage = try SQLiteStorage.open(directory: directory.path)
        let plan = try blockingRunCommand("/usr/bin/sqlite3", [storage.path, "EXPLAIN QUERY PLAN SELECT * FROM session WHERE state = 'scheduled' AND \(condition)"])
        #expect(plan.status == 0, "\(plan.error)")
        #expect(plan.output.contains("USING INDEX \(index) ("), "\(plan.output)")
    }

    /// A database of the release before (v5) is brought up to date when it is opened, its
    /// sessions kept.
    @Test func aV5DatabaseLosesTheSecondMediatorIndexAndKeepsItsSessions() async throws {
        let directory = TemporaryDirectory()
        let path = try SQLiteStorage.open(directory: directory.path).path
        let downgrade = try blockingRunCommand("/usr/bin/sqlite3", [path, """
            CREATE INDEX session_live_mediator ON session(mediator, starts) WHERE state = 'scheduled';
            DELETE FROM grdb_migrations WHERE identifier = 'v6-one-mediator-index';
            DROP TABLE destruction_list_item;
            DROP TABLE destruction_list_cut_off;
            DROP TABLE destruction_list;
            DELETE FROM grdb_migrations WHERE identifier = 'v7-destruction-lists';
            INSERT INTO mediator (login, display_name, hours, max_per_day, added_at) VALUES ('anna', 'Anna', 'mon 09:00-17:00', 3, 0);
            INSERT INTO place (name, kind, capacity) VALUES ('Kamer 1', 'room', 6);
            INSERT INTO case_file (reference, received, agency, subject, complainant_name, complainant_contact, registered_at)
              VALUES ('C1', '2026-01-05', 'UWV', 's', 'n', 'c', '2026-01-05 10:00:00');
            INSERT INTO session (uid, case_reference, mediator, place, starts, ends, state, sequence, booked_at, changed_at)
              VALUES ('u1@mediationd', 'C1', 'anna', 'Kamer 1', 1, 2, 'scheduled', 0, 0, 0);
            """])
        #expect(downgrade.status == 0, "\(downgrade.error)")
        let storage = try SQLiteStorage.open(directory: directory.path)
        #expect(try await storage.information().schemaVersion == "v7-destruction-lists")
        #expect(try await storage.destructionLists().isEmpty, "and gains the destruction lists")
        let left = try blockingRunCommand("/usr/bin/sqlite3", [path, "SELECT group_concat(name) FROM sqlite_master WHERE name = 'session_live_mediator'; SELECT uid FROM session"])
        #expect(left.output == "\nu1@mediationd\n", "\(left.output)")
    }

    @Test func reopeningKeepsTheInstallation() async throws {
        let directory = TemporaryDirectory()
        let first = try await SQLiteStorage.open(directory: directory.path).information()
        try await Task.sleep(for: .milliseconds(20))
        let second = try await SQLiteStorage.open(directory: directory.path).information()
        #expect(first == second)
    }

    @Test func aMissingDirectoryIsNamed() {
        let directory = TemporaryDirectory()
        #expect(throws: StorageOpenError.missingDirectory(directory.file("absent"))) {
            _ = try SQLiteStorage.open(directory: directory.file("absent"))
        }
    }

    @Test func aFileThatIsNoDatabaseIsRefusedAndLeftAlone() throws {
        let directory = TemporaryDirectory()
        let garbage = String(repeating: "this is not sqlite ", count: 300)
        let path = directory.write(SQLiteStorage.fileName, garbage)
        #expect(throws: StorageOpenError.notADatabase(path)) {
            _ = try SQLiteStorage.open(directory: directory.path)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == garbage)
    }

    @Test func aDatabaseFromANewerReleaseIsRefused() throws {
        let directory = TemporaryDirectory()
        _ = try SQLiteStorage.open(directory: directory.path)
        let path = directory.file(SQLiteStorage.fileName)
        let result = try blockingRunCommand("/usr/bin/sqlite3", [path, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')"])
        #expect(result.status == 0, "\(result.error)")
        #expect(throws: StorageOpenError.newerSchema(path: path, version: "v99-future")) {
            _ = try SQLiteStorage.open(directory: directory.path)
        }
    }
}
