import ArgumentParser
import MediationService

struct CaseShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a case (zaak): complainant, decision, deadlines (termijnen) and history.",
        discussion: """
        The only command that prints the complainant's name and contact details. The history \
        says when each change was made, by which login (and uid), and what it did.

        With --json, prints the daemon's reply: {"case": {...}, "history": [...]}.
        """
    )

    @OptionGroup var target: CaseReferenceArgument
    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (raw, reply) = try daemon.call("\(CasesInterface.name).Show", parameters: ["reference": .string(target.reference)], as: WireShowReply.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        print(CaseSheet(reply: reply, style: output.style).rendered)
    }
}
