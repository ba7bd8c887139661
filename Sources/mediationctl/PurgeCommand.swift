import ArgumentParser
import MediationService
import Varlink

struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove the personal data of cases closed longer ago than the retention period.",
        discussion: """
        AVG (GDPR): names, contact details and free texts of closed cases past [retention] \
        keep_closed_days go, and their agreement documents and conclusions; references, dates, \
        tracks and outcomes stay for statistics. The daemon does this every day at 02:30; this \
        runs it now. Admins only.
        """
    )

    @Flag(name: .customLong("dry-run"), help: "Only list the cases the run would purge.")
    var dryRun = false

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    struct Reply: Decodable {
        struct Line: Decodable {
            var reference: String
            var closedOn: String
        }
        var closedOnOrBefore: String?
        var cases: [Line]
    }

    func run() async throws {
        let (raw, reply) = try daemon.call("\(ServiceInterface.name).Purge", parameters: ["dryRun": .bool(dryRun)], as: Reply.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        guard let last = reply.closedOnOrBefore else {
            print("No retention period is set ([retention] keep_closed_days = 0): nothing is purged.")
            return
        }
        let verb = dryRun ? "would lose" : "lost"
        guard !reply.cases.isEmpty else {
            print("No case closed on or before \(last) \(dryRun ? "has" : "had") personal data left.")
            return
        }
        print("\(reply.cases.count) case(s) closed on or before \(last) \(verb) their personal data:")
        var table = TextTable("REFERENCE", "CLOSED")
        for line in reply.cases { table.append([.init(line.reference), .init(line.closedOn)]) }
        print(table.rendered(style: output.style))
    }
}
