import ArgumentParser
import MediationService
import Varlink

struct DeadlineListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List open deadlines (termijnen) by due date, the most urgent first.",
        discussion: """
        A suspended case's deadline stands still (opschorting) and gets no reminders until the \
        case resumes. Periods are written as terms: 5d, 2w, 3wd (working days).

        With --json, prints the daemon's reply: {"deadlines": [...], "total": N}.
        """
    )

    @Flag(help: "Only deadlines that have passed.")
    var overdue = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Only deadlines due within this period from today, e.g. 5d.", valueName: "term"))
    var within: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Show at most this many deadlines (1 to 100000).", valueName: "n"))
    var limit: Int?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = [:]
        if overdue { parameters["overdue"] = .bool(true) }
        parameters["within"] = within.map(JSONValue.string)
        parameters["limit"] = limit.map { .int(Int64($0)) }
        let (raw, reply) = try daemon.call("\(CasesInterface.name).ListDeadlines", parameters: parameters, as: WireDeadlineList.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        guard !reply.deadlines.isEmpty else {
            print(reply.total == 0 ? "No open deadlines match." : "No deadlines shown of \(reply.total); use a larger --limit.")
            return
        }
        let time = OfficeTime()
        var table = TextTable("DUE", "REFERENCE", "DEADLINE", "SUSPENDED", "NEXT REMINDER")
        for line in reply.deadlines {
            table.append([
                TextTable.Cell(line.overdue ? "\(line.due) (overdue)" : line.due, warning: line.overdue),
                TextTable.Cell(line.reference),
                TextTable.Cell(line.deadline + (line.subject.map { " \($0)" } ?? "")),
                TextTable.Cell(line.suspended ? "suspended" : "-"),
                TextTable.Cell(line.nextReminder.map(time.format) ?? "-"),
            ])
        }
        print(table.rendered(style: output.style))
        print(ListingFooter(shown: reply.deadlines.count, total: reply.total, unreadable: reply.unreadable, style: output.style).rendered)
    }
}
