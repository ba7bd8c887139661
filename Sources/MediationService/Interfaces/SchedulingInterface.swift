import Foundation
import MediationCore
import MediationStore
import Varlink

/// `io.mediationd.Scheduling`: mediators, rooms, and the mediation sessions booked with them.
public enum SchedulingInterface {
    public static let name = "io.mediationd.Scheduling"

    public static let description = """
    # Mediation sessions (bemiddelingsgesprekken): mediators and their hours and leave, rooms
    # and video places, booking, finding free slots, and calendars (RFC 5545).
    # Times are given as Amsterdam local time "YYYY-MM-DD HH:MM"; replies carry RFC 3339 instants
    # and the local time beside them. Durations are written "90m", "1h30m" or "1h 30min".
    interface io.mediationd.Scheduling

    # Leave as instants: from the start of the first day to the midnight after the last day.
    type Leave (from: string, to: string, reason: string)

    type Mediator (
      # Their Unix login.
      login: string,
      displayName: string,
      # One line per working day, e.g. "mon 09:00-12:30,13:30-17:00".
      hours: []string,
      maximumSessionsPerDay: int,
      leave: []Leave
    )

    type PlaceKind (room, video)

    type Place (name: string, kind: PlaceKind, capacity: int)

    type Session (
      id: int,
      # Stable across reschedules (iCalendar UID).
      uid: string,
      case: string,
      mediator: string,
      place: string,
      start: string,
      end: string,
      startLocal: string,
      endLocal: string,
      # scheduled, cancelled, held, no-show or settled.
      state: string,
      # Raised on every reschedule and on cancellation (iCalendar SEQUENCE).
      sequence: int,
      afterDeadlineReason: ?string
    )

    type SessionHistoryEntry (at: string, uid: int, login: string, action: string, summary: string)

    type Slot (mediator: string, place: string, start: string, end: string, startLocal: string, afterDeadline: bool)

    type Outcome (held, no_show, settled)

    # Adds a mediator. Hours are lines such as "mon-fri 09:00-17:00" or "wed -".
    method AddMediator(login: string, displayName: string, hours: []string, maximumSessionsPerDay: int) -> (mediator: Mediator)
    method ListMediators() -> (mediators: []Mediator)
    # The mediator and their sessions still to come.
    method GetMediator(login: string) -> (mediator: Mediator, sessions: []Session)
    method SetHours(login: string, hours: ?[]string, maximumSessionsPerDay: ?int) -> (mediator: Mediator)
    # Leave or another absence: "YYYY-MM-DD" for whole days (the last one included), or
    # "YYYY-MM-DD HH:MM" for part of a day, such as a training afternoon.
    method AddLeave(login: string, from: string, to: string, reason: string) -> (mediator: Mediator)

    method AddPlace(name: string, kind: PlaceKind, capacity: int) -> (place: Place)
    method ListPlaces() -> (places: []Place)

    # Books a session for a case on the mediation track. After the case's session deadline
    # only with afterDeadline, the reason, which is recorded.
    # A mediator books, moves, cancels and completes the sessions they mediate; a planner or an
    # admin those of every mediator.
    method Book(case: string, mediator: string, place: string, start: string, duration: ?string, afterDeadline: ?string) -> (session: Session)
    method Reschedule(id: int, start: string, duration: ?string, afterDeadline: ?string) -> (session: Session)
    method Cancel(id: int, reason: string) -> (session: Session)
    method Complete(id: int, outcome: Outcome, note: ?string) -> (session: Session)
    # Scheduled sessions (past ones too, until their outcome is recorded), or with all also
    # cancelled and completed ones; from and to are dates "YYYY-MM-DD", inclusive.
    method ListSessions(mediator: ?string, case: ?string, from: ?string, to: ?string, all: ?bool) -> (sessions: []Session)
    method GetSession(id: int) -> (session: Session, history: []SessionHistoryEntry)
    # The earliest free slots meeting every rule, before the case's session deadline when any fit.
    method Suggest(case: string, mediator: ?string, place: ?string, video: ?bool, duration: ?string, count: ?int) -> (slots: []Slot)

    method SessionCalendar(id: int) -> (ics: string)
    method MediatorCalendar(login: string) -> (ics: string)

    # Another session holds the mediator or the room then.
    error SlotTaken (session: int, mediator: string, place: string, start: string, message: string)
    # A booking rule refuses the time; rule names it.
    error BookingRefused (rule: string, message: string)
    error UnknownCase (reference: string, message: string)
    \(CaseErrors.purgedDeclaration)
    error UnknownMediator (login: string, message: string)
    error UnknownPlace (name: string, message: string)
    error UnknownSession (id: int, message: string)
    error MediatorExists (login: string, message: string)
    error PlaceExists (name: string, message: string)
    error SessionNotScheduled (id: int, state: string, message: string)
    # An outcome (held, no-show) for a session that has not started yet.
    error SessionNotStarted (id: int, start: string, message: string)
    error OverlappingLeave (login: string, message: string)
    # A mediator who is not a planner books, moves, cancels and completes only the sessions they
    # mediate; id is the session's, absent for a booking.
    error NotTheMediator (id: ?int, mediator: string, message: string)
    # The mediator has sessions still scheduled in the period of the leave.
    error LeaveOverSessions (login: string, sessions: []int, message: string)
    error InvalidReference (reference: string, message: string)
    error InvalidDate (parameter: string, value: string, message: string)
    \(InterfaceErrors.dateOutOfRangeDeclaration)
    \(TextLimits.declaration)
    error InvalidTime (parameter: string, value: string, message: string)
    error InvalidDuration (parameter: string, value: string, message: string)
    error InvalidHours (value: string, message: string)
    error InvalidLogin (login: string, message: string)
    error InvalidValue (parameter: string, message: string)

    """

    struct AddMediatorInput: Decodable, Sendable { var login: String; var displayName: String; var hours: [String]; var maximumSessionsPerDay: Int }
    struct LoginInput: Decodable, Sendable { var login: String }
    struct SetHoursInput: Decodable, Sendable { var login: String; var hours: [String]?; var maximumSessionsPerDay: Int? }
    struct AddLeaveInput: Decodable, Sendable { var login: String; var from: String; var to: String; var reason: String }
    struct AddPlaceInput: Decodable, Sendable { var name: String; var kind: Place.Kind; var capacity: Int }
    struct BookInput: Decodable, Sendable { var `case`: String; var mediator: String; var place: String; var start: String; var duration: String?; var afterDeadline: String? }
    struct RescheduleInput: Decodable, Sendable { var id: Int64; var start: String; var duration: String?; var afterDeadline: String? }
    struct CancelInput: Decodable, Sendable { var id: Int64; var reason: String }
    struct CompleteInput: Decodable, Sendable { var id: Int64; var outcome: String; var note: String? }
    struct ListInput: Decodable, Sendable { var mediator: String?; var `case`: String?; var from: String?; var to: String?; var all: Bool? }
    struct IDInput: Decodable, Sendable { var id: Int64 }
    struct SuggestInput: Decodable, Sendable { var `case`: String; var mediator: String?; var place: String?; var video: Bool?; var duration: String?; var count: Int? }

    /// - Parameter role: the caller's role, which decides whose sessions they may change.
    public static func make(schedule: ScheduleService, role: @escaping @Sendable (PeerCredentials?) -> AccessRole?) throws -> VarlinkInterface {
        /// The login a caller's session changes are held to; nil for a planner or an admin.
        @Sendable func owner(_ request: VarlinkRequest, _ author: ChangeAuthor) -> String? {
            (role(request.peer) ?? .staff) >= .planner ? nil : author.login
        }
        var methods = VarlinkMethodTable()
        methods.method("AddMediator") { (input: AddMediatorInput, _) in
            guard Mediator.isValidLogin(input.login) else {
                throw errors.make("InvalidLogin", ["login": .string(input.login)], "\"\(input.login)\" is not a Unix login; give the mediator's user name on this machine")
            }
            try requireText(input.displayName, "displayName")
            let mediator = Mediator(login: input.login, displayName: input.displayName, hours: try hours(input.hours),
                                    maximumSessionsPerDay: try maximum(input.maximumSessionsPerDay))
            return WireMediatorReply(mediator: WireMediator(try await run { try await schedule.addMediator(mediator) }))
        }
        methods.method("ListMediators") { (_: VarlinkEmpty, _) in
            WireMediatorList(mediators: try await schedule.mediators().map(WireMediator.init))
        }
        methods.method("GetMediator") { (input: LoginInput, _) in
            let (mediator, sessions) = try await run { try await schedule.mediator(input.login) }
            return WireMediatorDetail(mediator: WireMediator(mediator), sessions: sessions.map(WireSession.init))
        }
        methods.method("SetHours") { (input: SetHoursInput, _) in
            let weekly = try input.hours.map(hours)
            let daily = try input.maximumSessionsPerDay.map(maximum)
            return WireMediatorReply(mediator: WireMediator(try await run { try await schedule.setHours(input.login, hours: weekly, maximumSessionsPerDay: daily) }))
        }
        methods.method("AddLeave") { (input: AddLeaveInput, _) in
            let from = try leaveBound(input.from, parameter: "from", end: false)
            let to = try leaveBound(input.to, parameter: "to", end: true)
            guard from < to else { throw errors.make("InvalidValue", ["parameter": .string("to")], "the leave ends (\(input.to)) before it starts (\(input.from))") }
            try requireText(input.reason, "reason")
            let period = Unavailability(from: from, to: to, reason: input.reason)
            return WireMediatorReply(mediator: WireMediator(try await run { try await schedule.addLeave(input.login, period) }))
        }
        methods.method("AddPlace") { (input: AddPlaceInput, _) in
            try requireText(input.name, "name")
            guard (1...500).contains(input.capacity) else { throw errors.make("InvalidValue", ["parameter": .string("capacity")], "a capacity of \(input.capacity) is not possible; give 1 to 500 people") }
            return WirePlaceReply(place: WirePlace(try await run { try await schedule.addPlace(Place(name: input.name, kind: input.kind, capacity: input.capacity)) }))
        }
        methods.method("ListPlaces") { (_: VarlinkEmpty, _) in
            WirePlaceList(places: try await schedule.places().map(WirePlace.init))
        }
        methods.method("Book") { (input: BookInput, request) in
            let reference = try errors.reference(input.case)
            let start = try instant(input.start, parameter: "start")
            let duration = try input.duration.map { try self.duration($0) }
            try input.afterDeadline.map { try requireText($0, "afterDeadline") }
            let author = await ChangeAuthor.of(request.peer)
            let session = try await run {
                try await schedule.book(case: reference, mediator: input.mediator, place: input.place, start: start, duration: duration,
                                        afterDeadline: input.afterDeadline, owner: owner(request, author), author: author)
            }
            return WireSessionReply(session: WireSession(session))
        }
        methods.method("Reschedule") { (input: RescheduleInput, request) in
            let start = try instant(input.start, parameter: "start")
            let duration = try input.duration.map { try self.duration($0) }
            try input.afterDeadline.map { try requireText($0, "afterDeadline") }
            let author = await ChangeAuthor.of(request.peer)
            let session = try await run {
                try await schedule.reschedule(input.id, to: start, duration: duration, afterDeadline: input.afterDeadline, owner: owner(request, author), author: author)
            }
            return WireSessionReply(session: WireSession(session))
        }
        methods.method("Cancel") { (input: CancelInput, request) in
            try requireText(input.reason, "reason")
            let author = await ChangeAuthor.of(request.peer)
            return WireSessionReply(session: WireSession(try await run {
                try await schedule.settle(input.id, as: .cancelled, note: input.reason, owner: owner(request, author), author: author)
            }))
        }
        methods.method("Complete") { (input: CompleteInput, request) in
            // The description's enum spells no-show with an underscore.
            guard let state = Session.State(rawValue: input.outcome.replacingOccurrences(of: "_", with: "-")), state != .scheduled, state != .cancelled else {
                throw errors.make("InvalidValue", ["parameter": .string("outcome")], "outcome is held, no-show or settled")
            }
            let note = input.note ?? ""
            let author = await ChangeAuthor.of(request.peer)
            return WireSessionReply(session: WireSession(try await run {
                try await schedule.settle(input.id, as: state, note: note, owner: owner(request, author), author: author)
            }))
        }
        methods.method("ListSessions") { (input: ListInput, _) in
            let from = try input.from.map { try errors.date($0, parameter: "from").startOfDay }
            let to = try input.to.map { try errors.date($0, parameter: "to").adding(days: 1).startOfDay }
            let query = SessionQuery(mediator: input.mediator, caseReference: try input.case.map { try errors.reference($0) }, from: from, to: to, includeAll: input.all ?? false)
            return WireSessionList(sessions: try await schedule.sessions(query).map(WireSession.init))
        }
        methods.method("GetSession") { (input: IDInput, _) in
            let (session, history) = try await run { try await schedule.session(input.id) }
            return WireSessionDetail(session: WireSession(session), history: history.map(WireSessionHistoryEntry.init))
        }
        methods.method("Suggest") { (input: SuggestInput, _) in
            let reference = try errors.reference(input.case)
            let duration = try input.duration.map { try self.duration($0) }
            let count = input.count ?? 5
            guard (1...100).contains(count) else { throw errors.make("InvalidValue", ["parameter": .string("count")], "ask for 1 to 100 slots") }
            let place: SlotRequest.PlaceChoice = input.place.map { .named($0) } ?? (input.video == true ? .video : .any)
            let slots = try await run { try await schedule.suggest(case: reference, mediator: input.mediator, place: place, duration: duration, count: count) }
            return WireSlotList(slots: slots.map(WireSlot.init))
        }
        methods.method("SessionCalendar") { (input: IDInput, _) in
            WireCalendar(ics: try await run { try await schedule.calendar(ofSession: input.id) })
        }
        methods.method("MediatorCalendar") { (input: LoginInput, _) in
            WireCalendar(ics: try await run { try await schedule.calendar(of: input.login) })
        }
        return try VarlinkInterface(description: description, methods: methods)
    }

    // MARK: Input
    //
    // The parsers of the times, days and durations mediationctl passes on as the user typed them
    // are internal rather than private so that the fuzz target for them (Fuzz/) runs these very
    // functions.

    private static let errors = InterfaceErrors(interface: name)

    static func instant(_ text: String, parameter: String) throws(VarlinkError) -> Date {
        guard let local = LocalDateTime(text) else {
            throw errors.make("InvalidTime", ["parameter": .string(parameter), "value": .string(text)], "\(parameter) \"\(text)\" is not a time; write it as \"YYYY-MM-DD HH:MM\" (Amsterdam time)")
        }
        try errors.supported(local.date, parameter: parameter)
        switch local.resolution {
        case .instant(let instant):
            return instant
        case .nonexistent:
            throw errors.make("InvalidTime", ["parameter": .string(parameter), "value": .string(text)], "\(text) does not exist in Amsterdam: the clocks skip that hour in spring; pick another time")
        case .ambiguous:
            throw errors.make("InvalidTime", ["parameter": .string(parameter), "value": .string(text)], "\(text) happens twice in Amsterdam: the clocks go back that night; pick a time outside 02:00-03:00")
        }
    }

    /// A whole day (its start, or for the end the midnight after it) or a local time.
    static func leaveBound(_ text: String, parameter: String, end: Bool) throws(VarlinkError) -> Date {
        if let day = CalendarDate(iso: text) {
            try errors.supported(day, parameter: parameter)
            return end ? day.adding(days: 1).startOfDay : day.startOfDay
        }
        guard LocalDateTime(text) != nil else {
            throw errors.make("InvalidDate", ["parameter": .string(parameter), "value": .string(text)],
                              "\(parameter) \"\(text)\" is neither a day (YYYY-MM-DD) nor a time (\"YYYY-MM-DD HH:MM\")")
        }
        return try instant(text, parameter: parameter)
    }

    static func duration(_ text: String) throws(VarlinkError) -> TimeInterval {
        guard !text.allSatisfy(\.isNumber), let seconds = TimeSpan.seconds(text),
              seconds > 0, seconds <= OfficeRules.maximumDuration, seconds.truncatingRemainder(dividingBy: 60) == 0
        else {
            throw errors.make("InvalidDuration", ["parameter": .string("duration"), "value": .string(text)], "duration \"\(text)\" is not possible; give whole minutes above zero and at most a day, e.g. 90m or 1h30m")
        }
        return seconds
    }

    private static func hours(_ lines: [String]) throws(VarlinkError) -> WeeklyHours {
        guard let hours = WeeklyHours(lines: lines) else {
            throw errors.make("InvalidHours", ["value": .string(lines.joined(separator: "; "))],
                              "hours are lines like \"mon-fri 09:00-12:30,13:30-17:00\" or \"wed -\", with ranges that do not overlap")
        }
        return hours
    }

    private static func maximum(_ count: Int) throws(VarlinkError) -> Int {
        guard (1...20).contains(count) else { throw errors.make("InvalidValue", ["parameter": .string("maximumSessionsPerDay")], "a mediator takes 1 to 20 sessions a day") }
        return count
    }

    private static func requireText(_ text: String, _ parameter: String) throws(VarlinkError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw errors.make("InvalidValue", ["parameter": .string(parameter)], "\(parameter) must not be empty")
        }
    }

    // MARK: Errors

    private static func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as BookingRefusal {
            throw mapped(refusal)
        } catch let storeError as ScheduleStoreError {
            throw mapped(storeError)
        } catch CaseStoreError.notFound(let reference) {
            throw errors.make("UnknownCase", ["reference": .string(reference.text)], CaseStoreError.notFound(reference).description)
        } catch CaseStoreError.purged(let reference, let day) {
            throw CaseErrors.purged(reference, on: day, errors)
        }
    }

    private static func mapped(_ refusal: BookingRefusal) -> VarlinkError {
        let message = refusal.description
        switch refusal {
        case .mediatorBusy(_, let session), .placeTaken(_, let session):
            return errors.make("SlotTaken", ["session": .int(session.id), "mediator": .string(session.mediator), "place": .string(session.place),
                                             "start": .string(LocalDateTime(session.start).description)], message)
        default:
            return errors.make("BookingRefused", ["rule": .string(rule(refusal))], message)
        }
    }

    private static func rule(_ refusal: BookingRefusal) -> String {
        switch refusal {
        case .caseNotOnMediationTrack: "mediation-track"
        case .caseClosed: "case-closed"
        case .invalidDuration: "duration"
        case .inThePast: "in-the-past"
        case .tooSoon: "minimum-notice"
        case .officeClosed: "office-closed"
        case .outsideOfficeHours: "office-hours"
        case .outsideMediatorHours: "mediator-hours"
        case .mediatorUnavailable: "mediator-unavailable"
        case .dailyMaximum: "daily-maximum"
        case .mediatorBusy, .placeTaken: "slot-taken"
        case .caseAlreadyBooked: "one-session-per-case"
        case .afterDeadline: "session-deadline"
        }
    }

    private static func mapped(_ error: ScheduleStoreError) -> VarlinkError {
        let message = error.description
        return switch error {
        case .mediatorExists(let login): errors.make("MediatorExists", ["login": .string(login)], message)
        case .unknownMediator(let login): errors.make("UnknownMediator", ["login": .string(login)], message)
        case .placeExists(let name): errors.make("PlaceExists", ["name": .string(name)], message)
        case .unknownPlace(let name): errors.make("UnknownPlace", ["name": .string(name)], message)
        case .unknownSession(let id): errors.make("UnknownSession", ["id": .int(id)], message)
        case .sessionNotScheduled(let id, let state): errors.make("SessionNotScheduled", ["id": .int(id), "state": .string(state.rawValue)], message)
        case .overlappingLeave(let login, _): errors.make("OverlappingLeave", ["login": .string(login)], message)
        case .notTheMediator(let session, let mediator, _):
            errors.make("NotTheMediator", ["mediator": .string(mediator)].merging(session.map { ["id": .int($0)] } ?? [:]) { $1 }, message)
        case .leaveOverSessions(let login, let sessions):
            errors.make("LeaveOverSessions", ["login": .string(login), "sessions": .array(sessions.map { .int($0) })], message)
        case .sessionNotStarted(let id, let start): errors.make("SessionNotStarted", ["id": .int(id), "start": .string(LocalDateTime(start).description)], message)
        }
    }
}
