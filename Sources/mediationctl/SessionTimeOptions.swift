import ArgumentParser
import Varlink

/// How long a session lasts, as booking and searching take it.
struct DurationOption: ParsableArguments {
    // Taken unconditionally so that a mistyped "-90m" reaches the daemon, which says what a
    // duration looks like.
    @Option(parsing: .unconditional, help: ArgumentHelp("How long the session lasts, e.g. 90m or 1h30m (default: the office's session length, 90 minutes).", valueName: "duration"))
    var duration: String?
}

/// When a session is, as `session book` and `session reschedule` take it.
struct SessionTimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When the session starts, Amsterdam time, e.g. \"2026-12-03 10:00\".", valueName: "YYYY-MM-DD HH:MM"))
    var start: String

    @OptionGroup var length: DurationOption

    @Option(help: ArgumentHelp("Book after the case's session deadline anyway; the reason is recorded in the session.", valueName: "reason"))
    var afterDeadline: String?

    var parameters: [String: JSONValue] {
        var parameters: [String: JSONValue] = ["start": .string(start)]
        parameters["duration"] = length.duration.map(JSONValue.string)
        parameters["afterDeadline"] = afterDeadline.map(JSONValue.string)
        return parameters
    }
}
