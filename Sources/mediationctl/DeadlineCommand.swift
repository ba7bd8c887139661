import ArgumentParser

/// `mediationctl deadline …`: the open deadlines (termijnen) across all cases.
struct DeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Follow the open deadlines (termijnen) of all cases.",
        subcommands: [DeadlineListCommand.self],
        defaultSubcommand: DeadlineListCommand.self
    )
}
