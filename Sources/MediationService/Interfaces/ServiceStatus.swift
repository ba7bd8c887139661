import Foundation
import Varlink

/// The reply of `io.mediationd.Service.GetStatus`, shared by the daemon and `mediationctl`.
public struct ServiceStatus: Codable, Sendable, Equatable {
    public var version: String
    public var startedAt: Date
    public var uptimeSeconds: Double
    public var database: DatabaseStatus
    public var listener: ListenerStatus
    /// Absent until the first count after start has finished.
    public var cases: CaseCounts?
    /// Cases a listing had to leave out since the start because their rows cannot be read.
    public var unreadableCases: Int
    /// The destruction list waiting for a decision, or why none was prepared; absent until the
    /// first retention run after start.
    public var retention: RetentionStatus?

    public init(version: String, startedAt: Date, uptimeSeconds: Double, database: DatabaseStatus, listener: ListenerStatus, cases: CaseCounts? = nil,
                unreadableCases: Int = 0, retention: RetentionStatus? = nil) {
        self.unreadableCases = unreadableCases
        self.retention = retention
        self.version = version
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.database = database
        self.listener = listener
        self.cases = cases
    }
}

/// How many cases are open and late, and which deadline comes next.
public struct CaseCounts: Codable, Sendable, Equatable {
    public struct NextDeadline: Codable, Sendable, Equatable {
        public var reference: String
        /// `intake` or the track the deadline belongs to.
        public var kind: String
        /// The due date, `YYYY-MM-DD` in the office's time zone.
        public var due: String

        public init(reference: String, kind: String, due: String) {
            self.reference = reference
            self.kind = kind
            self.due = due
        }
    }

    public var open: Int
    public var overdue: Int
    public var nextDeadline: NextDeadline?

    public init(open: Int, overdue: Int, nextDeadline: NextDeadline?) {
        self.open = open
        self.overdue = overdue
        self.nextDeadline = nextDeadline
    }

    /// One line, for systemd's unit status and `mediationctl status` alike.
    public var summary: String {
        var line = "\(open) open case(s), \(overdue) overdue"
        if let next = nextDeadline { line += ", next deadline \(next.reference) \(next.kind) on \(next.due)" }
        return line
    }
}

/// Where retention stands: a destruction list waiting for an admin, or the reason the last run
/// prepared none. No personal data: a list is named by its number.
public struct RetentionStatus: Codable, Sendable, Equatable {
    /// The list waiting for approval or rejection.
    public var pendingList: Int64?
    /// The cases on it.
    public var pendingCases: Int?
    /// Set when the last run prepared no list because the wall clock read earlier than the
    /// newest stored change: then the clock, and that change's time.
    public var clockBehind: ClockBehind?

    public struct ClockBehind: Codable, Sendable, Equatable {
        public var clock: Date
        public var newestChange: Date

        public init(clock: Date, newestChange: Date) {
            self.clock = clock
            self.newestChange = newestChange
        }
    }

    public init(pendingList: Int64? = nil, pendingCases: Int? = nil, clockBehind: ClockBehind? = nil) {
        self.pendingList = pendingList
        self.pendingCases = pendingCases
        self.clockBehind = clockBehind
    }

    /// One line, for `mediationctl status`.
    public var summary: String {
        if let clockBehind {
            return "no destruction list prepared: the clock read \(RFC3339.format(clockBehind.clock)), earlier than the newest stored change "
                + "(\(RFC3339.format(clockBehind.newestChange))); check the system clock (timedatectl)"
        }
        if let pendingList {
            return "destruction list \(pendingList) (\(pendingCases ?? 0) case(s)) awaits approval: mediationctl purge show \(pendingList)"
        }
        return "no destruction list awaits approval"
    }
}

extension RetentionStatus: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.pendingList, pendingList)
        writer.member(CodingKeys.pendingCases, pendingCases)
        writer.member(CodingKeys.clockBehind, clockBehind)
        writer.endObject()
    }
}

extension RetentionStatus.ClockBehind: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.clock, clock)
        writer.member(CodingKeys.newestChange, newestChange)
        writer.endObject()
    }
}

public struct DatabaseStatus: Codable, Sendable, Equatable {
    public var path: String
    public var schemaVersion: String
    public var createdAt: Date

    public init(path: String, schemaVersion: String, createdAt: Date) {
        self.path = path
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
    }
}

public struct ListenerStatus: Codable, Sendable, Equatable {
    /// How the socket came to be: `socket` when systemd passed it, `direct` when bound here.
    public enum Activation: String, Codable, Sendable {
        case socket
        case direct
    }

    public var activation: Activation
    public var path: String?
    public var activeConnections: Int
    public var maximumConnections: Int
    public var callsServed: Int

    public init(activation: Activation, path: String?, activeConnections: Int, maximumConnections: Int, callsServed: Int) {
        self.activation = activation
        self.path = path
        self.activeConnections = activeConnections
        self.maximumConnections = maximumConnections
        self.callsServed = callsServed
    }
}

// MARK: JSON
//
// GetStatus is the call monitoring makes over and over; its reply writes itself rather than go
// through `Encodable`'s machinery, which cost it most of its encoding. The keys are the
// synthesized `CodingKeys`, so the two forms cannot name a field differently; the Varlink type
// check and a decode of the reply (ServiceInterfaceTests) hold them to the same fields.

extension ServiceStatus: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.version, version)
        writer.member(CodingKeys.startedAt, startedAt)
        writer.member(CodingKeys.uptimeSeconds, uptimeSeconds)
        writer.member(CodingKeys.database, database)
        writer.member(CodingKeys.listener, listener)
        writer.member(CodingKeys.cases, cases)
        writer.member(CodingKeys.unreadableCases, unreadableCases)
        writer.member(CodingKeys.retention, retention)
        writer.endObject()
    }
}

extension CaseCounts: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.open, open)
        writer.member(CodingKeys.overdue, overdue)
        writer.member(CodingKeys.nextDeadline, nextDeadline)
        writer.endObject()
    }
}

extension CaseCounts.NextDeadline: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.reference, reference)
        writer.member(CodingKeys.kind, kind)
        writer.member(CodingKeys.due, due)
        writer.endObject()
    }
}

extension DatabaseStatus: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.path, path)
        writer.member(CodingKeys.schemaVersion, schemaVersion)
        writer.member(CodingKeys.createdAt, createdAt)
        writer.endObject()
    }
}

extension ListenerStatus: JSONWritable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member(CodingKeys.activation, activation)
        writer.member(CodingKeys.path, path)
        writer.member(CodingKeys.activeConnections, activeConnections)
        writer.member(CodingKeys.maximumConnections, maximumConnections)
        writer.member(CodingKeys.callsServed, callsServed)
        writer.endObject()
    }
}

extension ListenerStatus.Activation: JSONWritable {}
