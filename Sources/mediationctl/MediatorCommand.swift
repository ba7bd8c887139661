import ArgumentParser

/// `mediationctl mediator …`: the mediators (bemiddelaars) sessions are booked with.
struct MediatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediator",
        abstract: "Manage mediators (bemiddelaars): their working hours, leave (verlof) and calendars.",
        discussion: """
        A mediator is known by their Unix login. Sessions (bemiddelingsgesprekken) are booked \
        only inside their working hours, outside their leave, with a break between sessions and \
        at most their number of sessions a day. Each mediator's sessions are also published as \
        an iCalendar file, calendars/LOGIN.ics in the daemon's state directory.
        """,
        subcommands: [
            MediatorAddCommand.self, MediatorListCommand.self, MediatorShowCommand.self, MediatorSetHoursCommand.self,
            MediatorLeaveCommand.self, MediatorCalendarCommand.self,
        ]
    )
}

/// The positional login every command on one mediator takes.
struct MediatorLoginArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The mediator's Unix login, e.g. anna.", valueName: "login"))
    var login: String
}

/// A mediator's week, as `mediator add` and `mediator set-hours` take it.
struct WorkingHoursOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Days and their hours, e.g. \"mon-fri 09:00-12:30,13:30-17:00\"; \"wed -\" for a day not worked. Repeat for more lines; a later line overrides an earlier one for its days.",
        valueName: "days hours"))
    var hours: [String] = []

    // Taken unconditionally so that a mistyped "-1" reaches the daemon, which says what is allowed.
    @Option(parsing: .unconditional, help: ArgumentHelp("The most sessions (bemiddelingsgesprekken) the mediator takes in a day, 1 to 20.", valueName: "n"))
    var maxPerDay: Int?
}
