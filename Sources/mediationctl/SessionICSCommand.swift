import ArgumentParser

struct SessionICSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Print one session (bemiddelingsgesprek) as an iCalendar file, e.g. to send as an invitation.",
        discussion: """
        Prints the RFC 5545 text and nothing else. Its UID stays the same when the session is \
        rescheduled or cancelled and its SEQUENCE goes up, so a calendar that imported it \
        updates the event instead of adding another.
        """
    )

    @OptionGroup var target: SessionIDArgument
    @OptionGroup var daemon: DaemonSocket

    func run() async throws {
        try await CalendarText(daemon: daemon).print("SessionCalendar", ["id": .int(target.id)])
    }
}
