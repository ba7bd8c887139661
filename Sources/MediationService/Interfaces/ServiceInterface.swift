import MediationCore
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

    # The wall clock and the newest change stored, when a retention run found the clock earlier.
    type HeldByClock (
      # RFC 3339.
      clock: string,
      # RFC 3339.
      newestChange: string
    )

    # Where retention stands.
    type RetentionStatus (
      # The destruction list waiting for approval or rejection, and its number of cases.
      pendingList: ?int,
      pendingCases: ?int,
      # Set when the last run prepared no list because the wall clock read earlier than the
      # newest stored change.
      clockBehind: ?HeldByClock
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
      unreadableCases: int,
      # Absent until the first retention run after start.
      retention: ?RetentionStatus
    )

    # A consistent copy of the database, made while the daemon serves (SQLite's backup API),
    # sent in pieces; call with "more". Each reply carries one piece, base64, at its offset in
    # a file of `size` bytes; the last has no "continues".
    method Backup() -> (size: int, offset: int, data: string)

    # How a case ended, as the selection list sorts it for retention (mediationd.toml(5)):
    # closed at intake, referral, not competent, intervention, mediation with or without
    # agreements, investigation concluded with a report or a letter, or not concluded.
    type OutcomeCategory (intake, referral, not_competent, intervention, mediation_agreements, mediation_no_agreements,
                          investigation_report, investigation_letter, investigation_unconcluded)

    # pending: waits for an admin; approved: its erasure is under way; executed: carried out;
    # rejected: nothing on it was erased.
    type DestructionListState (pending, approved, executed, rejected)

    # The last closing day (YYYY-MM-DD) that counted for a category, and its term (730d, 5y).
    type DestructionCutOff (category: OutcomeCategory, term: string, closedOnOrBefore: string)

    # What became of a case when its list was carried out.
    type DestructionItemResult (erased, skipped_reopened)

    # A case on a destruction list: the facts it was listed on and what it loses.
    type DestructionItem (
      reference: string,
      category: OutcomeCategory,
      closedOn: string,
      erases: []string,
      result: ?DestructionItemResult
    )

    # Who approved or rejected a list, when (RFC 3339), and why it was rejected.
    type DestructionDecision (login: string, uid: int, at: string, rejectionReason: ?string)

    # A destruction list (vernietigingslijst). preparedAt and executedAt are RFC 3339.
    type DestructionList (
      id: int,
      preparedAt: string,
      state: DestructionListState,
      cutOffs: []DestructionCutOff,
      items: []DestructionItem,
      decision: ?DestructionDecision,
      executedAt: ?string
    )

    type DestructionListLine (id: int, preparedAt: string, state: DestructionListState, cases: int, decidedBy: ?string, decidedAt: ?string)

    # Lists the closed cases past their outcome's term now, as the daily run does, including
    # those on rejected lists. list is absent when none is due. Nothing is erased until the
    # list is approved.
    method PrepareDestructionList() -> (list: ?DestructionList)

    # The destruction lists kept, newest first.
    method ListDestructionLists() -> (lists: []DestructionListLine)

    method ShowDestructionList(id: int) -> (list: DestructionList)

    # Approves a pending list with the caller's login and erases the personal data of its
    # cases; one reopened since is skipped.
    method ApproveDestructionList(id: int) -> (list: DestructionList)

    # Rejects a pending list with the caller's login and the reason; nothing is erased. Its
    # cases are listed again only when an admin prepares a list.
    method RejectDestructionList(id: int, reason: string) -> (list: DestructionList)

    \(DestructionListErrors.declarations)

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

    struct ListID: Decodable, Sendable {
        var id: Int64
    }

    struct Rejection: Decodable, Sendable {
        var id: Int64
        var reason: String
    }

    public static func make(status: StatusReporter, backup: DatabaseBackup, retention: RetentionService) throws -> VarlinkInterface {
        var methods = VarlinkMethodTable()
        methods.method("GetStatus") { (_: VarlinkEmpty, _) in
            status.report()
        }
        let errors = DestructionListErrors()
        methods.method("PrepareDestructionList") { (_: VarlinkEmpty, _) in
            try await errors.run { WirePreparedDestructionList(list: try await retention.prepare().map(WireDestructionList.init)) }
        }
        methods.method("ListDestructionLists") { (_: VarlinkEmpty, _) in
            WireDestructionLists(lists: try await retention.lists().map(WireDestructionListLine.init))
        }
        methods.method("ShowDestructionList") { (input: ListID, _) in
            try await errors.run { WireDestructionListReply(list: WireDestructionList(try await retention.list(input.id))) }
        }
        methods.method("ApproveDestructionList") { (input: ListID, request) in
            let author = await ChangeAuthor.of(request.peer)
            return try await errors.run { WireDestructionListReply(list: WireDestructionList(try await retention.approve(input.id, by: author))) }
        }
        methods.method("RejectDestructionList") { (input: Rejection, request) in
            let reason = try errors.reason(input.reason)
            let author = await ChangeAuthor.of(request.peer)
            return try await errors.run {
                WireDestructionListReply(list: WireDestructionList(try await retention.reject(input.id, reason: reason, by: author)))
            }
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
