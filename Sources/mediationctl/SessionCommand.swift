import ArgumentParser

/// `mediationctl session …`: mediation sessions (bemiddelingsgesprekken) from suggestion to outcome.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Book and follow mediation sessions (bemiddelingsgesprekken).",
        discussion: """
        A session is booked for a case on the mediation track (bemiddelingsgesprek), with a \
        mediator (bemiddelaar) and a room or video place, before the case's session deadline. \
        The office's rules: working days only, with at least one working day's notice, inside \
        office hours and the mediator's hours, not during their leave (verlof), with a break \
        between a mediator's sessions and no more than their sessions a day. 'session suggest' \
        finds slots that meet every rule.

        Times are Amsterdam local time, written "YYYY-MM-DD HH:MM". Times that do not exist or \
        happen twice when the clocks change are refused rather than guessed. Every change is \
        recorded in the session's history with the login that made it.
        """,
        subcommands: [
            SessionSuggestCommand.self, SessionBookCommand.self, SessionRescheduleCommand.self, SessionCancelCommand.self,
            SessionCompleteCommand.self, SessionListCommand.self, SessionShowCommand.self, SessionICSCommand.self,
        ]
    )
}

/// The positional session number every command on one session takes.
struct SessionIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The session's number, as 'session list' shows it.", valueName: "id"))
    var id: Int64
}
