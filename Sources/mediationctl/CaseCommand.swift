import ArgumentParser

/// `mediationctl case …`: complaints (klachten) from registration to closure.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Register complaints (klachten) and follow them through intake, track and closure.",
        discussion: """
        A complaint is registered, then within three weeks (the intake term) the office decides \
        how it is handled: its track. A case can be suspended (opschorting) and resumed, its open \
        deadline extended (verlenging), and finally closed. Every change is recorded in the \
        case's history with the login of whoever made it.
        """,
        subcommands: [
            CaseRegisterCommand.self, CaseDecideCommand.self, CaseSuspendCommand.self, CaseResumeCommand.self,
            CaseExtendCommand.self, CaseCloseCommand.self, CaseShowCommand.self, CaseListCommand.self,
        ]
    )
}

/// The positional case reference every command on one case takes.
struct CaseReferenceArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The case reference (zaaknummer), e.g. 2026-0042.", valueName: "reference"))
    var reference: String
}
