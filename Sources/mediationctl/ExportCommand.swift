import ArgumentParser
import MediationService
import Varlink

/// `mediationctl export …`: versions of a case meant for outside the office.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Make the versions of a case meant for publication.",
        subcommands: [ExportAnonymisedCommand.self]
    )
}

struct ExportAnonymisedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymised",
        abstract: "Write the publishable, anonymised version of a case's report or agreement document.",
        discussion: """
        The investigation's conclusion when there is one, else the agreement document. The \
        complainant and the mediator become their roles (verzoeker, de bemiddelaar); addresses, \
        postcodes, phone numbers, e-mail addresses, BSNs, IBANs, dates of birth and licence plates \
        are removed, also from the free text; the government body's name stays. If a name or \
        contact detail stored for the case would still be in it, nothing is written and the \
        error names the field.
        """
    )

    @OptionGroup var target: CaseReferenceArgument

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of printing; it must not exist.", valueName: "path"))
    var output: String?

    @OptionGroup var daemon: DaemonSocket

    func run() async throws {
        try DocumentDestination(output: output).check()
        let (_, reply) = try daemon.call(
            "\(CasesInterface.name).ExportAnonymised", parameters: ["reference": .string(target.reference)], as: WirePublication.self, exact: true)
        try DocumentDestination(output: output).deliver(reply.markdown, what: "the anonymised \(reply.document) document of case \(target.reference)")
    }
}
