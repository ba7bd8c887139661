import ArgumentParser

struct MediatorCalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Print a mediator's sessions (bemiddelingsgesprekken) as an iCalendar file.",
        discussion: """
        Prints the RFC 5545 text and nothing else, e.g. to save with '> anna.ics' and import \
        into a calendar. Cancelled sessions are included, marked STATUS:CANCELLED, so that \
        calendars that imported them before remove them. The daemon keeps the same text in \
        calendars/LOGIN.ics in its state directory, to subscribe to.
        """
    )

    @OptionGroup var target: MediatorLoginArgument
    @OptionGroup var daemon: DaemonSocket

    func run() async throws {
        try await CalendarText(daemon: daemon).print("MediatorCalendar", ["login": .string(target.login)])
    }
}
