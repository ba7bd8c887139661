import ArgumentParser

/// `mediationctl agreement …`: afspraken made in mediation sessions, and their follow-up.
struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Record the agreements (afspraken) made in a mediation session and follow them up.",
        discussion: """
        An agreement belongs to a session that took place (session complete --outcome held or \
        settled). One with a due date is reminded of in the journal like any deadline: before, on \
        and after the day. Every change is in the case's history, and the agreement document for \
        both parties is written anew under the state directory (agreements/REF/, each version kept).
        """,
        subcommands: [
            AgreementAddCommand.self, AgreementListCommand.self, AgreementEditCommand.self, AgreementFulfilCommand.self,
            AgreementBreachCommand.self, AgreementDocumentCommand.self,
        ]
    )
}

/// The agreement number every command on one agreement takes.
struct AgreementIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The agreement's number, as agreement list shows it.", valueName: "id"))
    var id: Int64
}
