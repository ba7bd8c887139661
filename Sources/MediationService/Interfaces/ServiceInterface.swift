import MediationStore
import Varlink

/// `io.mediationd.Service`: the daemon's own health, for `mediationctl status` and monitoring.
public enum ServiceInterface {
    public static let name = "io.mediationd.Service"

    public static let description = """
    # The mediationd daemon itself: what runs, since when, and on what.
    interface io.mediationd.Service

    # The database the daemon keeps its state in.
    type DatabaseStatus (
      # The SQLite file.
      path: string,
      # The last schema migration applied.
      schemaVersion: string,
      # When this installation's database was created (RFC 3339).
      createdAt: string
    )

    # How the socket came to be: passed by systemd, or bound by the daemon.
    type Activation (socket, direct)

    # The Varlink socket and its clients.
    type ListenerStatus (
      activation: Activation,
      # The socket's path, when known.
      path: ?string,
      activeConnections: int,
      maximumConnections: int,
      # Calls answered since the daemon started.
      callsServed: int
    )

    # The deadline that falls due first among the open cases that are not suspended.
    type NextDeadline (
      reference: string,
      # intake, or the track the deadline belongs to.
      kind: string,
      # YYYY-MM-DD, in the office's time zone.
      due: string
    )

    # The open cases, counted in the background after every reminder pass.
    type CaseCounts (
      open: int,
      # Open deadlines whose due date has passed.
      overdue: int,
      nextDeadline: ?NextDeadline
    )

    # Reports the daemon's version, uptime, database, connections and cases.
    method GetStatus() -> (
      version: string,
      # When the daemon started (RFC 3339).
      startedAt: string,
      uptimeSeconds: float,
      database: DatabaseStatus,
      listener: ListenerStatus,
      # Absent until the first count after start has finished.
      cases: ?CaseCounts,
      # Cases left out of a listing since the start because their stored rows cannot be read;
      # the journal names each.
      unreadableCases: int
    )

    # A consistent copy of the database, made while the daemon serves (SQLite's backup API),
    # sent in pieces; call with "more". Each reply carries one piece, base64, at its offset in
    # a file of `size` bytes; the last has no "continues".
    method Backup() -> (size: int, offset: int, data: string)

    # A closed case past the retention period.
    type ExpiredCase (reference: string, closedOn: string)

    # Retention (AVG): removes the personal data of cases closed on or before closedOnOrBefore
    # (today minus [retention] keep_closed_days), as the daily run does; with dryRun, only lists
    # them. closedOnOrBefore is absent when no period is set.
    method Purge(dryRun: ?bool) -> (closedOnOrBefore: ?string, cases: []ExpiredCase, purged: bool)

    # The daemon failed in a way the caller cannot fix; the journal has the details.
    error InternalError (reason: string)

    # Which limit refused a connection: the daemon's connections in all ([varlink]
    # max_connections), or the calling user's ([varlink] max_connections_per_user).
    type ConnectionLimit (server, user)

    # Sent instead of an answer when the daemon refused the connection on accept, before it
    # read anything on it; the connection then closes. Nothing of the call was done. For limit
    # "user", close connections you no longer need (a forgotten watch, a script that keeps them
    # open) and try again; for "server", try again in a moment. message says so in words.
    error TooManyConnections (limit: ConnectionLimit, maximum: int, message: string)

    # The disk holding the state directory is full: nothing of the call was saved. Reading
    # goes on; writing works again once space is freed.
    error StorageFull (stateDirectory: string, message: string)

    """

    struct PurgeInput: Decodable, Sendable {
        var dryRun: Bool?
    }

    struct ExpiredCaseLine: Codable, Sendable {
        var reference: String
        var closedOn: String
    }

    struct PurgeReply: Codable, Sendable {
        var closedOnOrBefore: String?
        var cases: [ExpiredCaseLine]
        var purged: Bool
    }

    public static func make(status: StatusReporter, backup: DatabaseBackup, retention: RetentionService) throws -> VarlinkInterface {
        var methods = VarlinkMethodTable()
        methods.method("GetStatus") { (_: VarlinkEmpty, _) in
            status.report()
        }
        methods.method("Purge") { (input: PurgeInput, _) in
            let dryRun = input.dryRun ?? false
            let (last, cases) = dryRun ? try await retention.expired() : try await retention.purge()
            return PurgeReply(closedOnOrBefore: last?.description, cases: cases.map { ExpiredCaseLine(reference: $0.reference.text, closedOn: $0.closedOn.description) },
                              purged: !dryRun)
        }
        methods.streamingMethod("Backup") { (_: VarlinkEmpty, _, writer) in
            try await backup.stream { piece, offset, size, last in
                let reply: [String: JSONValue] = ["size": .int(Int64(size)), "offset": .int(Int64(offset)), "data": .string(piece.base64EncodedString())]
                if last { try await writer.reply(reply) } else { try await writer.yield(reply) }
            }
        }
        return try VarlinkInterface(description: description, methods: methods)
    }

    /// The error a connection refused by a limit is sent before the close. Its uid is the
    /// client's own, so it is no news to the client.
    public static func refusalError(_ refusal: VarlinkConnectionRefusal) -> VarlinkError {
        let message: String
        let limit: String
        switch refusal.limit {
        case .server:
            limit = "server"
            message = "mediationd has \(refusal.maximum) connections open, as many as it takes ([varlink] max_connections); try again in a moment, "
                + "and if this goes on, ask the administrator to look for clients that keep connections open (journalctl -u mediationd)"
        case .user(let uid):
            limit = "user"
            message = "your user (uid \(uid)) has \(refusal.maximum) connections to mediationd open, as many as one user may ([varlink] max_connections_per_user); "
                + "close those you no longer need (a forgotten watch, a script that keeps connections open) and try again"
        }
        return VarlinkError("\(name).TooManyConnections", parameters: [
            "limit": .string(limit), "maximum": .int(Int64(refusal.maximum)), "message": .string(message),
        ])
    }

    /// What a client sees when a handler fails with an error no interface declares: a full disk
    /// is named as such, since whoever sees it can act; anything else shows no internals, only
    /// a pointer to the journal.
    public static func unexpectedErrors(stateDirectory: String) -> VarlinkDispatcher.UnexpectedErrorMapper {
        { error, call in
            if StorageFull.isCause(of: error) {
                return VarlinkError("\(name).StorageFull", parameters: [
                    "stateDirectory": .string(stateDirectory),
                    "message": .string("the disk holding \(stateDirectory) is full, so nothing was saved; free space there (df -h \(stateDirectory)) "
                                       + "and try again; reading goes on meanwhile"),
                ])
            }
            return VarlinkError("\(name).InternalError", parameters: ["reason": .string("\(call.method) failed inside the daemon; see journalctl -u mediationd")])
        }
    }
}
