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
        migrator.registerMigration("v3-scheduling") { db in
            // Instants are milliseconds since the epoch: overlap checks compare integers, and the
            // partial indexes cover only the sessions still to take place.
            try db.execute(sql: """
                CREATE TABLE mediator (
                  login TEXT PRIMARY KEY NOT NULL,
                  display_name TEXT NOT NULL,
                  hours TEXT NOT NULL,
                  max_per_day INTEGER NOT NULL,
                  last_booked_at INTEGER,
                  added_at DATETIME NOT NULL
                );
                CREATE TABLE mediator_unavailability (
                  id INTEGER PRIMARY KEY,
                  login TEXT NOT NULL REFERENCES mediator(login) ON DELETE CASCADE,
                  starts INTEGER NOT NULL,
                  ends INTEGER NOT NULL,
                  reason TEXT NOT NULL
                );
                CREATE INDEX mediator_unavailability_login ON mediator_unavailability(login, starts);
                CREATE TABLE place (
                  name TEXT PRIMARY KEY NOT NULL,
                  kind TEXT NOT NULL,
                  capacity INTEGER NOT NULL
                );
                CREATE TABLE session (
                  id INTEGER PRIMARY KEY,
                  uid TEXT NOT NULL UNIQUE,
                  case_reference TEXT NOT NULL REFERENCES case_file(reference),
                  mediator TEXT NOT NULL REFERENCES mediator(login),
                  place TEXT NOT NULL REFERENCES place(name),
                  starts INTEGER NOT NULL,
                  ends INTEGER NOT NULL,
                  state TEXT NOT NULL,
                  sequence INTEGER NOT NULL,
                  after_deadline_reason TEXT,
                  reminder_at INTEGER,
                  booked_at INTEGER NOT NULL,
                  changed_at INTEGER NOT NULL
                );
                CREATE INDEX session_live_start ON session(starts) WHERE state = 'scheduled';
                CREATE INDEX session_live_mediator ON session(mediator, starts) WHERE state = 'scheduled';
                CREATE INDEX session_live_place ON session(place, starts) WHERE state = 'scheduled';
                CREATE INDEX session_case ON session(case_reference);
                CREATE INDEX session_mediator ON session(mediator, starts);
                CREATE INDEX session_reminder ON session(reminder_at) WHERE reminder_at IS NOT NULL;
                CREATE TABLE session_history (
                  id INTEGER PRIMARY KEY,
                  session_id INTEGER NOT NULL REFERENCES session(id),
                  at INTEGER NOT NULL,
                  uid INTEGER NOT NULL,
                  login TEXT NOT NULL,
                  action TEXT NOT NULL,
                  summary TEXT NOT NULL
                );
                CREATE INDEX session_history_session ON session_history(session_id, id);
                """)
        }
        migrator.registerMigration("v4-agreements-investigation") { db in
            // An obligation's deadline names its agreement or question in `subject`; the
            // process's own deadlines have none. Texts are the parties' own words (personal data).
            try db.execute(sql: """
                ALTER TABLE deadline ADD COLUMN subject INTEGER;
                CREATE TABLE agreement (
                  id INTEGER PRIMARY KEY,
                  case_reference TEXT NOT NULL REFERENCES case_file(reference) ON DELETE CASCADE,
                  session_id INTEGER NOT NULL REFERENCES session(id),
                  party TEXT NOT NULL,
                  text TEXT NOT NULL,
                  due TEXT,
                  state TEXT NOT NULL,
                  note TEXT,
                  settled_on TEXT
                );
                CREATE INDEX agreement_case ON agreement(case_reference, id);
                CREATE INDEX agreement_open_due ON agreement(due) WHERE state = 'open';
                CREATE TABLE investigation_question (
                  id INTEGER PRIMARY KEY,
                  case_reference TEXT NOT NULL REFERENCES case_file(reference) ON DELETE CASCADE,
                  party TEXT NOT NULL,
                  text TEXT NOT NULL,
                  asked_on TEXT NOT NULL,
                  answer TEXT,
                  answered_on TEXT,
                  reaction TEXT,
                  reacted_on TEXT
                );
                CREATE INDEX investigation_question_case ON investigation_question(case_reference, id);
                CREATE TABLE investigation_conclusion (
                  case_reference TEXT PRIMARY KEY NOT NULL REFERENCES case_file(reference) ON DELETE CASCADE,
                  form TEXT NOT NULL,
                  judgement TEXT NOT NULL,
                  text TEXT NOT NULL,
                  concluded_on TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v5-retention") { db in
            // The day a closed case lost its personal data; what stays is for statistics.
            try db.execute(sql: """
                ALTER TABLE case_file ADD COLUMN purged_on TEXT;
                CREATE INDEX case_file_closed_unpurged ON case_file(closed_on) WHERE closed_on IS NOT NULL AND purged_on IS NULL;
                """)
        }
        migrator.registerMigration("v6-one-mediator-index") { db in
            // session_mediator (mediator, starts) serves the same look-ups: the few sessions no
            // longer scheduled that it also holds cost a read less than a second index costs
            // every booking in pages to write and flush.
            try db.execute(sql: "DROP INDEX session_live_mediator")
        }
        migrator.registerMigration("v7-destruction-lists") { db in
            // A destruction list (vernietigingslijst): what the daily run found past its term,
            // erased only once an admin approves. At most one list waits for a decision. An
            // item keeps the facts it was listed on (category, closing day), so what was approved
            // reads the same after the erasure; `result` is set when the list is carried out.
            try db.execute(sql: """
                CREATE TABLE destruction_list (
                  id INTEGER PRIMARY KEY,
                  prepared_at DATETIME NOT NULL,
                  prepared_on TEXT NOT NULL,
                  state TEXT NOT NULL,
                  decided_uid INTEGER,
                  decided_login TEXT,
                  decided_at DATETIME,
                  rejection_reason TEXT,
                  executed_at DATETIME
                );
                CREATE UNIQUE INDEX destruction_list_one_open ON destruction_list((1)) WHERE state IN ('pending', 'approved');
                CREATE TABLE destruction_list_cut_off (
                  list_id INTEGER NOT NULL REFERENCES destruction_list(id),
                  category TEXT NOT NULL,
                  term TEXT NOT NULL,
                  closed_on_or_before TEXT NOT NULL,
                  PRIMARY KEY (list_id, category)
                );
                CREATE TABLE destruction_list_item (
                  list_id INTEGER NOT NULL REFERENCES destruction_list(id),
                  case_reference TEXT NOT NULL,
                  category TEXT NOT NULL,
                  closed_on TEXT NOT NULL,
                  erases TEXT NOT NULL,
                  result TEXT,
                  PRIMARY KEY (list_id, case_reference)
                );
                CREATE INDEX destruction_list_item_case ON destruction_list_item(case_reference);
                """)
        }
        return migrator
    }
}
