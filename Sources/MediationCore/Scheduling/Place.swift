/// Where a session is held: a meeting room, or a video meeting, which takes no room.
public struct Place: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case room
        case video
    }

    public let name: String
    public let kind: Kind
    public let capacity: Int

    public init(name: String, kind: Kind, capacity: Int) {
        self.name = name
        self.kind = kind
        self.capacity = capacity
    }

    /// Rooms can be double-booked; a video meeting can be held any number of times at once.
    public var isExclusive: Bool { kind == .room }
}
