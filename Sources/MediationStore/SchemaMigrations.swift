import Foundation
import GRDB

/// The database's versioned schema. Migrations only ever get appended: a released migration is
/// never edited, since installed databases have already run it.
enum SchemaMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-installation") { db in
            // One row describing this installation, created with the database.
            try db.create(table: "installation") { table in
                table.column("id", .integer).primaryKey(onConflict: .fail).check { $0 == 1 }
                table.column("created_at", .datetime).notNull()
            }
            try db.execute(sql: "INSERT INTO installation (id, created_at) VALUES (1, ?)", arguments: [Date()])
        }
        migrator.registerMigration("v2-cases") { db in
            // Dates of the office's calendar are ISO text (they sort and compare as text);
            // reminder instants are milliseconds since the epoch, so the engine's one query for
            // the earliest pending reminder is an index lookup.
            try db.execute(sql: """
                CREATE TABLE case_file (
                  reference TEXT PRIMARY KEY NOT NULL,
                  received TEXT NOT NULL,
                  agency TEXT NOT NULL,
                  subject TEXT NOT NULL,
                  complainant_name TEXT NOT NULL,
                  complainant_contact TEXT NOT NULL,
                  track TEXT,
                  decision_reason TEXT,
                  referred_to TEXT,
                  decided_on TEXT,
                  suspended_since TEXT,
                  suspension_reason TEXT,
                  closed_on TEXT,
                  outcome TEXT,
                  registered_at DATETIME NOT NULL
                );
                CREATE INDEX case_file_open ON case_file(track) WHERE closed_on IS NULL;
                CREATE TABLE deadline (
                  case_reference TEXT NOT NULL REFERENCES case_file(reference) ON DELETE CASCADE,
                  position INTEGER NOT NULL,
                  kind TEXT NOT NULL,
                  due TEXT NOT NULL,
                  state TEXT NOT NULL,
                  settled_on TEXT,
                  reminder_at INTEGER,
                  reminder_stage TEXT,
                  reminder_date TEXT,
                  reminder_sequence INTEGER,
                  PRIMARY KEY (case_reference, position)
                );
                CREATE INDEX deadline_reminder ON deadline(reminder_at) WHERE reminder_at IS NOT NULL;
                CREATE INDEX deadline_open_due ON deadline(due) WHERE state = 'open';
                CREATE TABLE case_history (
                  id INTEGER PRIMARY KEY,
                  case_reference TEXT NOT NULL REFERENCES case_file(reference) ON DELETE CASCADE,
                  at DATETIME NOT NULL,
                  uid INTEGER NOT NULL,
                  login TEXT NOT NULL,
                  action TEXT NOT NULL,
                  summary TEXT NOT NULL
                );
                CREATE INDEX case_history_case ON case_history(case_reference, id);
                CREATE TABLE reminder_sent (
                  id INTEGER PRIMARY KEY,
                  reminder TEXT NOT NULL,
                  case_reference TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  stage TEXT NOT NULL,
                  due TEXT NOT NULL,
                  scheduled_at INTEGER NOT NULL,
                  sent_at DATETIME NOT NULL
                );
                CREATE TABLE reference_sequence (
                  year INTEGER PRIMARY KEY,
                  last INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }
}
