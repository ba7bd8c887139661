import ArgumentParser
import Foundation
import MediationService
import MediationStore
import Varlink

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file while the daemon serves.",
        discussion: """
        The daemon makes a consistent copy with SQLite's backup API (writes go on meanwhile) and \
        sends it; mediationctl writes it to PATH with your permissions, checks it (SQLite's \
        integrity check and the schema), and only then puts it at PATH. PATH must not exist. \
        Admins only. To restore: systemctl stop mediationd.socket mediationd; install -o mediationd \
        -g mediationd -m 0600 PATH /var/lib/mediationd/mediationd.sqlite; rm -f \
        /var/lib/mediationd/mediationd.sqlite-wal /var/lib/mediationd/mediationd.sqlite-shm; \
        systemctl start mediationd.socket.
        """
    )

    @Argument(help: ArgumentHelp("The file to write; it must not exist.", valueName: "path"))
    var path: String

    @OptionGroup var daemon: DaemonSocket

    func run() async throws {
        let file = try ExclusiveOutputFile(path, mode: 0o600)
        let client = try await daemon.connect()
        var received = 0
        var expected = -1
        do {
            for try await reply in client.stream("\(ServiceInterface.name).Backup") {
                guard let size = reply["size"]?.intValue, let offset = reply["offset"]?.intValue,
                      let data = reply["data"]?.stringValue.flatMap({ Data(base64Encoded: $0) }), offset == received else {
                    throw CLIFailure(message: "the daemon's backup arrived out of order; nothing was written to \(path); try again", exitCode: 1)
                }
                expected = Int(size)
                try file.write(data)
                received += data.count
            }
        } catch let error as VarlinkError {
            throw CLIFailure(error)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(message: "lost the connection to mediationd during the backup (\(error)); nothing was written to \(path)", exitCode: CLIFailure.unavailable)
        }
        guard received == expected else {
            throw CLIFailure(message: "the backup ended after \(received) of \(expected) bytes; nothing was written to \(path)", exitCode: CLIFailure.unavailable)
        }
        let checked: (schemaVersion: String, cases: Int)
        do {
            checked = try BackupCheck.verify(file.writtenPath)
        } catch {
            throw CLIFailure(message: "\(error); nothing was written to \(path)", exitCode: 1)
        }
        try file.commit()
        print("Wrote a backup of \(received) bytes to \(path): schema \(checked.schemaVersion), \(checked.cases) case(s), integrity ok.")
    }
}
