import Foundation
import MediationCore
import MediationStore
import Varlink

/// `io.mediationd.Cases`: complaints, their deadlines and history, and a live feed of changes
/// and reminders.
public enum CasesInterface {
    public static let name = "io.mediationd.Cases"

    public static let description = """
    # Complaints (klachten) and their deadlines: register a complaint, decide its track within
    # the intake term, suspend, resume, extend and close it, and follow changes and reminders.
    # Dates of the office calendar (Europe/Amsterdam) are "YYYY-MM-DD"; instants are RFC 3339.
    # Terms are written "3w", "21d" or "10wd" (working days).
    interface io.mediationd.Cases

    # How a complaint is handled once intake has decided.
    type Track (intervention, mediation, investigation, referral, not_competent)

    type CaseStatus (intake, in_track, suspended, closed)

    # The person who complained; stored for letters, never written to the journal.
    type Complainant (
      name: string,
      # An address, phone number or e-mail address.
      contact: string
    )

    type Deadline (
      # "intake", the track the deadline belongs to, or an obligation: "agreement", "answer"
      # or "reaction".
      kind: string,
      # The agreement or question an obligation's deadline is for.
      subject: ?int,
      due: string,
      # open, met or cancelled.
      state: string,
      settledOn: ?string,
      # When the next reminder is due, if one is pending.
      nextReminder: ?string,
      overdue: bool
    )

    type Decision (track: Track, reason: string, referredTo: ?string, decidedOn: string)

    # Opschorting: the case's terms stand still.
    type Suspension (since: string, reason: string)

    type Closure (on: string, outcome: string)

    type Case (
      reference: string,
      received: string,
      # The government body the complaint is about.
      agency: string,
      subject: string,
      complainant: Complainant,
      status: CaseStatus,
      decision: ?Decision,
      suspension: ?Suspension,
      closure: ?Closure,
      # Oldest first; at most one of the process's own (intake, track) is open.
      deadlines: []Deadline
    )

    # One change to a case: when, by whom (from the socket's peer credentials), what.
    type HistoryEntry (at: string, uid: int, login: string, action: string, summary: string)

    # A line of a case list; no personal data.
    type CaseLine (
      reference: string,
      received: string,
      agency: string,
      subject: string,
      status: CaseStatus,
      track: ?Track,
      # The open deadline, if any.
      deadline: ?string,
      due: ?string,
      overdue: bool
    )

    type DeadlineLine (
      reference: string,
      deadline: string,
      subject: ?int,
      due: string,
      overdue: bool,
      suspended: bool,
      nextReminder: ?string
    )

    type EventKind (change, reminder, session)

    # A change to a case or one of its sessions, or a reminder as it was written to the journal.
    type Event (
      kind: EventKind,
      at: string,
      reference: string,
      summary: string,
      action: ?string,
      login: ?string,
      deadline: ?string,
      due: ?string,
      stage: ?string,
      reminder: ?string,
      # For a session booked, moved or settled, or reminded of.
      session: ?int
    )

    # Registers a complaint and starts its intake term. Without a reference the next free
    # YYYY-NNNN is given; without a received date, today.
    method Register(reference: ?string, received: ?string, agency: string, subject: string, complainant: Complainant) -> (case: Case)

    # Records the track; this meets the intake deadline and starts the track's own. A referral
    # names the body referred to.
    method Decide(reference: string, track: Track, reason: string, referredTo: ?string) -> (case: Case)

    # Suspends the case: its terms stand still and no reminders are sent.
    method Suspend(reference: string, reason: string) -> (case: Case)

    # Resumes a suspended case; the open deadline moves by the days it was suspended.
    method Resume(reference: string) -> (case: Case)

    # Extends the open deadline by a term (verlenging).
    method Extend(reference: string, by: string, reason: string) -> (case: Case)

    # Closes the case with its outcome.
    method Close(reference: string, outcome: string) -> (case: Case)

    # The case with its whole history.
    method Show(reference: string) -> (case: Case, history: []HistoryEntry)

    # Cases sorted by the due date of their open deadline, at most `limit` (default 500).
    # unreadable: stored cases left out because they cannot be read; the journal names them.
    method List(open: ?bool, overdue: ?bool, track: ?Track, dueWithin: ?string, limit: ?int) -> (cases: []CaseLine, total: int, unreadable: int)

    # Open deadlines sorted by due date, at most `limit` (default 500).
    method ListDeadlines(overdue: ?bool, within: ?string, limit: ?int) -> (deadlines: []DeadlineLine, total: int, unreadable: int)

    # Follows changes and reminders as they happen; call with "more".
    method Watch() -> (event: Event)

    # Turns a case's agreement document, or its investigation's conclusion when there is one,
    # into the version for publication: names become roles, contact details and identifiers
    # are removed. Refused (PublicationLeak) when a stored detail would still be in it.
    method ExportAnonymised(reference: string) -> (document: string, markdown: string)

    """ + CaseErrors.declarations + """

    """

    struct RegisterInput: Decodable, Sendable {
        var reference: String?
        var received: String?
        var agency: String
        var subject: String
        var complainant: WireComplainant
    }

    struct DecideInput: Decodable, Sendable {
        var reference: String
        var track: WireTrack
        var reason: String
        var referredTo: String?
    }

    struct ReasonInput: Decodable, Sendable {
        var reference: String
        var reason: String
    }

    struct ReferenceInput: Decodable, Sendable {
        var reference: String
    }

    struct ExtendInput: Decodable, Sendable {
        var reference: String
        var by: String
        var reason: String
    }

    struct CloseInput: Decodable, Sendable {
        var reference: String
        var outcome: String
    }

    struct ListInput: Decodable, Sendable {
        var open: Bool?
        var overdue: Bool?
        var track: WireTrack?
        var dueWithin: String?
        var limit: Int?
    }

    struct ListDeadlinesInput: Decodable, Sendable {
        var overdue: Bool?
        var within: String?
        var limit: Int?
    }

    public static func make(cases: CaseService, events: CaseEventHub, documents: DocumentPublisher) throws -> VarlinkInterface {
        var methods = VarlinkMethodTable()
        methods.method("ExportAnonymised") { (input: ReferenceInput, _) in
            let reference = try errors.reference(input.reference)
            let publication = try await run { try await documents.publication(reference) }
            return WirePublication(document: publication.kind.rawValue, markdown: publication.text)
        }
        methods.method("Register") { (input: RegisterInput, request) in
            let reference = try input.reference.map { try errors.reference($0) }
            let received = try input.received.map { try errors.date($0, parameter: "received") }
            let record = try await run {
                try await cases.register(
                    reference: reference, received: received, agency: input.agency, subject: input.subject,
                    complainant: Complainant(name: input.complainant.name, contact: input.complainant.contact), author: ChangeAuthor.of(request.peer))
            }
            return WireCaseReply(case: WireCase(record, today: cases.today))
        }
        methods.method("Decide") { (input: DecideInput, request) in
            let reference = try errors.reference(input.reference)
            let record = try await run {
                try await cases.decide(reference, track: input.track.track, reason: input.reason, referredTo: input.referredTo, author: ChangeAuthor.of(request.peer))
            }
            return WireCaseReply(case: WireCase(record, today: cases.today))
        }
        methods.method("Suspend") { (input: ReasonInput, request) in
            let reference = try errors.reference(input.reference)
            let record = try await run { try await cases.suspend(reference, reason: input.reason, author: ChangeAuthor.of(request.peer)) }
            return WireCaseReply(case: WireCase(record, today: cases.today))
        }
        methods.method("Resume") { (input: ReferenceInput, request) in
            let reference = try errors.reference(input.reference)
            let record = try await run { try await cases.resume(reference, author: ChangeAuthor.of(request.peer)) }
            return WireCaseReply(case: WireCase(record, today: cases.today))
        }
        methods.method("Extend") { (input: ExtendInput, request) in
            let reference = try errors.reference(input.reference)
            let term = try parseTerm(input.by, parameter: "by")
            let record = try await run { try await cases.extend(reference, by: term, reason: input.reason, author: ChangeAuthor.of(request.peer)) }
            return WireCaseReply(case: WireCase(record, today: cases.today))
        }
        methods.method("Close") { (input: CloseInput, request) in
            let reference = try errors.reference(input.reference)
            let record = try await run { try await cases.close(reference, outcome: input.outcome, author: ChangeAuthor.of(request.peer)) }
            return WireCaseReply(case: WireCase(record, today: cases.today))
        }
        methods.method("Show") { (input: ReferenceInput, _) in
            let reference = try errors.reference(input.reference)
            let (record, history) = try await run { try await cases.show(reference) }
            return WireShowReply(case: WireCase(record, today: cases.today), history: history.map(WireHistoryEntry.init))
        }
        methods.method("List") { (input: ListInput, _) in
            var query = CaseQuery()
            query.openOnly = input.open ?? false
            query.overdueOn = input.overdue == true ? cases.today : nil
            query.track = input.track?.track
            query.dueBy = try input.dueWithin.map { cases.horizon(try parseTerm($0, parameter: "dueWithin")) }
            query.limit = try parseLimit(input.limit)
            let listing = try await cases.cases(query)
            let today = cases.today
            return WireCaseList(cases: listing.items.map { WireCaseLine($0, today: today) }, total: listing.total,
                                unreadable: listing.unreadable.count)
        }
        methods.method("ListDeadlines") { (input: ListDeadlinesInput, _) in
            var query = DeadlineQuery()
            query.overdueOn = input.overdue == true ? cases.today : nil
            query.dueBy = try input.within.map { cases.horizon(try parseTerm($0, parameter: "within")) }
            query.limit = try parseLimit(input.limit)
            let listing = try await cases.deadlines(query)
            let today = cases.today
            return WireDeadlineList(deadlines: listing.items.map { WireDeadlineLine($0, today: today) }, total: listing.total,
                                    unreadable: listing.unreadable.count)
        }
        methods.streamingMethod("Watch") { (_: VarlinkEmpty, _, writer) in
            for await event in events.subscribe() {
                try await writer.yield(encoding: WireEventReply(event: WireEvent(event)))
            }
            // The stream only ends when the call is cancelled (the client left, or the daemon
            // stops): the connection then closes without a last reply, which is what a
            // subscription's end looks like to the client.
            try Task.checkCancellation()
        }
        return try VarlinkInterface(description: description, methods: methods)
    }

    // MARK: Input

    private static let caseErrors = CaseErrors(interface: name)
    private static var errors: InterfaceErrors { caseErrors.errors }

    private static func parseTerm(_ text: String, parameter: String) throws(VarlinkError) -> Term {
        try caseErrors.term(text, parameter: parameter)
    }

    private static func parseLimit(_ limit: Int?) throws(VarlinkError) -> Int {
        try caseErrors.limit(limit)
    }

    // MARK: Errors

    private static func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await caseErrors.run(body)
    }
}
