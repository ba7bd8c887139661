import ArgumentParser
import MediationService
import Varlink

struct InvestigationDocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Print the conclusion's letter or report, or write it to a file."
    )

    @OptionGroup var target: CaseReferenceArgument
    @OptionGroup var destination: DocumentDestination
    @OptionGroup var daemon: DaemonSocket

    func run() async throws {
        try destination.check()
        let (_, reply) = try daemon.call(
            "\(InvestigationInterface.name).Document", parameters: ["reference": .string(target.reference), "format": .string(destination.format)],
            as: WireDocument.self, exact: true)
        try destination.deliver(reply.text, what: "the conclusion of case \(target.reference)")
    }
}
