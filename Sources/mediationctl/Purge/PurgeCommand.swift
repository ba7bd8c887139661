import ArgumentParser

/// `mediationctl purge …`: destruction lists (vernietigingslijsten), decided by admins.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Review, approve or reject the destruction lists (vernietigingslijsten) of closed cases.",
        discussion: """
        AVG (GDPR) and the Archiefwet: the daemon lists, every day at 02:30, the closed cases past \
        their outcome's term ([retention] in mediationd.toml), and reminds admins in the journal. \
        Nothing is erased until an admin approves the list: then names, contact details and free \
        texts go, and the agreement documents and conclusions; references, dates, tracks and \
        outcome categories stay for statistics. Admins only.
        """,
        subcommands: [
            PurgeListCommand.self, PurgeShowCommand.self, PurgeApproveCommand.self, PurgeRejectCommand.self, PurgePrepareCommand.self,
        ],
        defaultSubcommand: PurgeListCommand.self
    )
}

/// The list number every command on one list takes.
struct DestructionListIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The list's number, as purge list shows it.", valueName: "id"))
    var id: Int64
}
