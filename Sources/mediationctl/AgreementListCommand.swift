import ArgumentParser
import MediationService
import Varlink

struct AgreementListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List agreements by due date: of one case or all, open or overdue only."
    )

    @Option(name: .customLong("case"), help: ArgumentHelp("Only this case's agreements.", valueName: "reference"))
    var reference: String?

    @Flag(help: "Only agreements still open.")
    var open = false

    @Flag(help: "Only open agreements past their due date.")
    var overdue = false

    @Option(help: ArgumentHelp("At most this many (default 500).", valueName: "n"))
    var limit: Int?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = ["open": .bool(open), "overdue": .bool(overdue)]
        if let reference { parameters["reference"] = .string(reference) }
        if let limit { parameters["limit"] = .int(Int64(limit)) }
        let (raw, list) = try daemon.call("\(AgreementsInterface.name).List", parameters: parameters, as: WireAgreementList.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        guard !list.agreements.isEmpty else {
            print("No agreements" + (overdue ? " overdue." : open ? " open." : "."))
            return
        }
        var table = TextTable("ID", "CASE", "SESSION", "PARTY", "DUE", "STATE", "AGREED")
        for agreement in list.agreements {
            table.append([
                .init(String(agreement.id)), .init(agreement.reference), .init(String(agreement.session)), .init(agreement.party.rawValue),
                TextTable.Cell(agreement.due ?? "-", warning: agreement.overdue), .init(AgreementReport.state(of: agreement)),
                .truncated(agreement.text, to: 50),
            ])
        }
        print(table.rendered(style: output.style))
        print(ListingFooter(shown: list.agreements.count, total: list.total, style: output.style).rendered)
    }
}
