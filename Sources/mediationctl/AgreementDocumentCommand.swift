import ArgumentParser
import MediationService
import Varlink

struct AgreementDocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Print a case's agreement document, or write it to a file.",
        discussion: """
        The document for both parties: the case, the sessions held, who took part, and every \
        agreement with the party responsible and its due date. It is rendered from the office's \
        template (agreement.md.mustache, agreement.html.mustache) as the case stands now.
        """
    )

    @OptionGroup var target: CaseReferenceArgument
    @OptionGroup var destination: DocumentDestination
    @OptionGroup var daemon: DaemonSocket

    func run() async throws {
        try destination.check()
        let (_, reply) = try daemon.call(
            "\(AgreementsInterface.name).Document", parameters: ["reference": .string(target.reference), "format": .string(destination.format)],
            as: WireDocument.self, exact: true)
        try destination.deliver(reply.text, what: "the agreement document of case \(target.reference)")
    }
}
