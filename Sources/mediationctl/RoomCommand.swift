import ArgumentParser
import MediationService

/// `mediationctl room …`: where sessions are held.
struct RoomCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "room",
        abstract: "Manage the rooms and video places where sessions (bemiddelingsgesprekken) are held.",
        discussion: """
        A room holds one session at a time; a video place (--video) any number at once, so \
        only the mediator's time limits a video session.
        """,
        subcommands: [RoomAddCommand.self, RoomListCommand.self]
    )
}

extension WirePlace {
    /// How tables and headlines name the kind of place.
    var kindLabel: String { kind == .video ? "video place" : "room" }
}
