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
        return migrator
    }
}
