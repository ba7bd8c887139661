import Foundation

/// The UID a session keeps in every calendar that shows it (iCalendar UID): a UUID of RFC 9562's
/// version 7, whose first 48 bits are the booking's Unix time in milliseconds and the rest
/// random, then `@mediationd`.
///
/// Time first because the database keeps UIDs unique in an index: random ones (version 4) put
/// each new booking on a page of that index of its own, one more page to write and flush for
/// every booking in a commit; UIDs made in the same moment share a page.
public struct SessionUID: Sendable, Hashable, CustomStringConvertible {
    public let uuid: UUID

    public init(bookedAt: Date, random: UUID = UUID()) {
        let milliseconds = UInt64(max(bookedAt.timeIntervalSince1970, 0) * 1000)
        var bytes = random.uuid
        bytes.0 = UInt8(truncatingIfNeeded: milliseconds >> 40)
        bytes.1 = UInt8(truncatingIfNeeded: milliseconds >> 32)
        bytes.2 = UInt8(truncatingIfNeeded: milliseconds >> 24)
        bytes.3 = UInt8(truncatingIfNeeded: milliseconds >> 16)
        bytes.4 = UInt8(truncatingIfNeeded: milliseconds >> 8)
        bytes.5 = UInt8(truncatingIfNeeded: milliseconds)
        bytes.6 = (bytes.6 & 0x0F) | 0x70
        bytes.8 = (bytes.8 & 0x3F) | 0x80
        uuid = UUID(uuid: bytes)
    }

    public var description: String { uuid.uuidString.lowercased() + "@mediationd" }
}
