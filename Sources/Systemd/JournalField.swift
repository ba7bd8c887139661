/// One `NAME=value` field of a journal entry.
///
/// Names follow journald's rules: upper-case letters, digits and underscores, not starting with an
/// underscore (those are trusted fields journald adds itself), at most 64 characters.
public struct JournalField: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = JournalField.sanitizedName(name)
        self.value = value
    }

    public static func message(_ text: String) -> JournalField { JournalField("MESSAGE", text) }
    public static func messageID(_ id: JournalMessageID) -> JournalField { JournalField("MESSAGE_ID", id.rawValue) }
    public static func priority(_ priority: JournalPriority) -> JournalField {
        JournalField("PRIORITY", String(priority.rawValue))
    }

    /// Turns a free-form key (a log metadata key such as `case.ref`) into a valid field name, so a
    /// caller's spelling never makes journald drop the whole entry.
    static func sanitizedName(_ raw: String) -> String {
        var name = String(raw.uppercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : "_" })
        while name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty || name.first!.isNumber { name = "F" + name }
        return String(name.prefix(64))
    }
}

/// syslog(3) priorities, as journald's PRIORITY= field takes them.
public enum JournalPriority: Int, Sendable, Comparable {
    case emergency = 0, alert, critical, error, warning, notice, info, debug

    public static func < (lhs: JournalPriority, rhs: JournalPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A 128-bit MESSAGE_ID in journald's 32 lower-case hex digit form; `journalctl -x` looks it up
/// in the catalog.
public struct JournalMessageID: RawRepresentable, Sendable, Hashable {
    public let rawValue: String

    public init?(rawValue: String) {
        guard rawValue.count == 32, rawValue.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.rawValue = rawValue
    }
}
