import ArgumentParser

/// `mediationctl investigation …`: onderzoek, hoor en wederhoor, and the judgement.
struct InvestigationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "investigation",
        abstract: "Run an investigation (onderzoek): questions, answers, reactions, and the judgement.",
        discussion: """
        For a case on the investigation track. The office asks one side a question with a term \
        to answer; once answered, the other side has a term to react (hoor en wederhoor). Terms \
        are reminded of like every deadline, stand still while the case is suspended, and can be \
        extended. The conclusion records the judgement and writes the letter or report.
        """,
        subcommands: [
            InvestigationAskCommand.self, InvestigationAnswerCommand.self, InvestigationReactCommand.self,
            InvestigationExtendCommand.self, InvestigationConcludeCommand.self, InvestigationShowCommand.self,
            InvestigationDocumentCommand.self,
        ]
    )
}

/// The question number every command on one question takes.
struct QuestionIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The question's number, as investigation show lists it.", valueName: "question"))
    var id: Int64
}
