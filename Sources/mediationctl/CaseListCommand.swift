import ArgumentParser
import MediationService
import Varlink

struct CaseListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cases (zaken) by the due date of their open deadline.",
        discussion: """
        Lists carry no personal data; 'case show' has the complainant. Periods are written as \
        terms: 5d (calendar days), 2w (weeks), 3wd (working days). At most --limit cases are \
        shown (500 unless given); the line under the table says when there are more.

        With --json, prints the daemon's reply: {"cases": [...], "total": N}.
        """
    )

    @Flag(help: "Only cases that are not closed.")
    var open = false

    @Flag(help: "Only cases whose open deadline has passed.")
    var overdue = false

    @Option(help: ArgumentHelp("Only cases decided on this track.", valueName: "track"))
    var track: TrackArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("Only cases whose open deadline falls within this period from today, e.g. 5d.", valueName: "term"))
    var dueWithin: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Show at most this many cases (1 to 100000).", valueName: "n"))
    var limit: Int?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = [:]
        if open { parameters["open"] = .bool(true) }
        if overdue { parameters["overdue"] = .bool(true) }
        parameters["track"] = track.map { .string($0.wire.rawValue) }
        parameters["dueWithin"] = dueWithin.map(JSONValue.string)
        parameters["limit"] = limit.map { .int(Int64($0)) }
        let (raw, reply) = try daemon.call("\(CasesInterface.name).List", parameters: parameters, as: WireCaseList.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        guard !reply.cases.isEmpty else {
            print(reply.total == 0 ? "No cases match." : "No cases shown of \(reply.total); use a larger --limit.")
            return
        }
        var table = TextTable("REFERENCE", "RECEIVED", "STATUS", "TRACK", "DEADLINE", "DUE", "AGENCY", "SUBJECT")
        for line in reply.cases {
            table.append([
                TextTable.Cell(line.reference),
                TextTable.Cell(line.received),
                TextTable.Cell(line.status.label),
                TextTable.Cell(line.track?.label ?? "-"),
                TextTable.Cell(line.deadline ?? "-"),
                TextTable.Cell(line.due.map { line.overdue ? "\($0) (overdue)" : $0 } ?? "-", warning: line.overdue),
                .truncated(line.agency, to: 30),
                .truncated(line.subject, to: 40),
            ])
        }
        print(table.rendered(style: output.style))
        print(ListingFooter(shown: reply.cases.count, total: reply.total, unreadable: reply.unreadable, style: output.style).rendered)
    }
}
