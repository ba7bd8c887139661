import Foundation
import GRDB
import MediationCore

extension SQLiteStorage: ScheduleStore {
    public func addMediator(_ mediator: Mediator, at: Date) async throws {
        return try await pool.write { db in
            self.mediatorCache.invalidate()
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM mediator WHERE login = ?)", arguments: [mediator.login]) == true {
                throw ScheduleStoreError.mediatorExists(mediator.login)
            }
            try db.execute(sql: "INSERT INTO mediator (login, display_name, hours, max_per_day, added_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [mediator.login, mediator.displayName, mediator.hours.lines.joined(separator: "\n"), mediator.maximumSessionsPerDay, at])
            for period in mediator.unavailable { try Self.insert(period, for: mediator.login, db) }
        }
    }

    public func mediators() async throws -> [Mediator] {
        try await pool.read { db in try Self.fetchMediators(login: nil, db) }
    }

    public func mediator(_ login: String) async throws -> Mediator? {
        try await pool.read { db in try Self.fetchMediators(login: login, db).first }
    }

    public func updateMediator(_ login: String, hours: WeeklyHours?, maximumSessionsPerDay: Int?) async throws -> Mediator {
        return try await pool.write { db in
            self.mediatorCache.invalidate()
            guard var mediator = try Self.fetchMediators(login: login, db).first else { throw ScheduleStoreError.unknownMediator(login) }
            if let hours { mediator.hours = hours }
            if let maximumSessionsPerDay { mediator.maximumSessionsPerDay = maximumSessionsPerDay }
            try db.execute(sql: "UPDATE mediator SET hours = ?, max_per_day = ? WHERE login = ?",
                           arguments: [mediator.hours.lines.joined(separator: "\n"), mediator.maximumSessionsPerDay, login])
            return mediator
        }
    }

    public func addUnavailability(_ login: String, _ period: Unavailability) async throws -> Mediator {
        return try await pool.write { db in
            self.mediatorCache.invalidate()
            guard var mediator = try Self.fetchMediators(login: login, db).first else { throw ScheduleStoreError.unknownMediator(login) }
            if let clash = mediator.unavailability(overlapping: period.from..<period.to) { throw ScheduleStoreError.overlappingLeave(login, clash) }
            let booked = try Int64.fetchAll(db, sql: """
                SELECT id FROM session WHERE mediator = ? AND state = 'scheduled' AND starts < ? AND ends > ? ORDER BY starts
                """, arguments: [login, Self.milliseconds(period.to), Self.milliseconds(period.from)])
            if !booked.isEmpty { throw ScheduleStoreError.leaveOverSessions(login, sessions: booked) }
            try Self.insert(period, for: login, db)
            mediator.unavailable = (mediator.unavailable + [period]).sorted { $0.from < $1.from }
            return mediator
        }
    }

    public func addPlace(_ place: Place) async throws {
        try await pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place WHERE name = ?)", arguments: [place.name]) == true {
                throw ScheduleStoreError.placeExists(place.name)
            }
            try db.execute(sql: "INSERT INTO place (name, kind, capacity) VALUES (?, ?, ?)", arguments: [place.name, place.kind.rawValue, place.capacity])
        }
    }

    public func places() async throws -> [Place] {
        try await pool.read { db in try Self.fetchPlaces(db) }
    }

    public func book(_ bookings: [Booking], author: [ChangeAuthor], at: Date) async throws -> [Result<Session, any Error>] {
        try await pool.write { db in
            // Mediators change rarely and bookings often: read them all once and keep them. The
            // cache is read and filled only here, inside a write transaction, and emptied inside
            // the transaction of every change to a mediator; write transactions run one at a
            // time, so the hours and leave a booking is checked against are those stored.
            let cachedMediators = try self.mediatorCache.current ?? {
                let all = try Self.fetchMediators(login: nil, db)
                self.mediatorCache.fill(all)
                return all
            }()
            // Each booking is checked before anything of it is written, so a refused one leaves
            // nothing to roll back; a database error fails the whole batch.
            let results: [Result<Session, any Error>] = try zip(bookings, author).map { booking, author in
                do {
                    return .success(try Self.book(booking, author: author, at: at, cachedMediators: cachedMediators, db))
                } catch let error as DatabaseError {
                    throw error
                } catch {
                    return .failure(error)
                }
            }
            // For round robin in slot suggestions: once per mediator booked in this batch.
            let booked = Set(results.compactMap { try? $0.get().mediator })
            for login in booked.sorted() {
                try db.cachedStatement(sql: "UPDATE mediator SET last_booked_at = ? WHERE login = ?").execute(arguments: [Self.milliseconds(at), login])
            }
            return results
        }
    }

    private static func book(_ booking: Booking, author: ChangeAuthor, at: Date, cachedMediators: [Mediator]?, _ db: Database) throws -> Session {
        let span = booking.start..<booking.start.addingTimeInterval(booking.duration)
        try Self.check(booking.caseReference, mediator: booking.mediator, place: booking.place, span: span, excluding: nil, change: booking.change,
                       cachedMediators: cachedMediators, db)
        let uid = SessionUID(bookedAt: at).description
        try db.cachedStatement(sql: """
            INSERT INTO session (uid, case_reference, mediator, place, starts, ends, state, sequence, after_deadline_reason, reminder_at, booked_at, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, 'scheduled', 0, ?, ?, ?, ?)
            """).execute(arguments: [uid, booking.caseReference.text, booking.mediator, booking.place, Self.milliseconds(span.lowerBound), Self.milliseconds(span.upperBound),
                                     booking.change.afterDeadlineReason, booking.change.reminder(span.lowerBound).map(Self.milliseconds), Self.milliseconds(at), Self.milliseconds(at)])
        let id = db.lastInsertedRowID
        var summary = "booked \(LocalDateTime(span.lowerBound)) to \(LocalDateTime(span.upperBound).time) with \(booking.mediator) in \(booking.place)"
        if let reason = booking.change.afterDeadlineReason { summary += "; after the session deadline: \(reason)" }
        try Self.appendHistory(id, author: author, at: at, action: "booked", summary: summary, db)
        // Milliseconds are what is stored, so the session is given back as it reads back.
        return Session(id: id, uid: uid, caseReference: booking.caseReference, mediator: booking.mediator, place: booking.place,
                       start: instant(milliseconds(span.lowerBound)), end: instant(milliseconds(span.upperBound)),
                       afterDeadlineReason: booking.change.afterDeadlineReason, changedAt: instant(milliseconds(at)))
    }

    public func reschedule(_ id: Int64, to start: Date, duration: TimeInterval?, booking change: BookingChange, owner: String?,
                           author: ChangeAuthor, at: Date) async throws -> Session {
        try await pool.write { db in
            guard let session = try Self.fetchSession(id, db) else { throw ScheduleStoreError.unknownSession(id) }
            try Self.require(session, ownedBy: owner, author: author)
            try Self.requireNotPurged(session.caseReference, db)
            guard session.isLive else { throw ScheduleStoreError.sessionNotScheduled(id, session.state) }
            let span = start..<start.addingTimeInterval(duration ?? session.end.timeIntervalSince(session.start))
            try Self.check(session.caseReference, mediator: session.mediator, place: session.place, span: span, excluding: id, change: change,
                           cachedMediators: nil, db)
            try db.execute(sql: """
                UPDATE session SET starts = ?, ends = ?, sequence = sequence + 1, reminder_at = ?,
                  after_deadline_reason = COALESCE(?, after_deadline_reason), changed_at = ? WHERE id = ?
                """, arguments: [Self.milliseconds(span.lowerBound), Self.milliseconds(span.upperBound), change.reminder(span.lowerBound).map(Self.milliseconds),
                                 change.afterDeadlineReason, Self.milliseconds(at), id])
            try Self.appendHistory(id, author: author, at: at, action: "rescheduled",
                                   summary: "moved from \(LocalDateTime(session.start)) to \(LocalDateTime(span.lowerBound))", db)
            return try Self.fetchSession(id, db)!
        }
    }

    public func settle(_ id: Int64, state: Session.State, note: String, owner: String?, author: ChangeAuthor, at: Date) async throws -> Session {
        try await pool.write { db in
            guard let session = try Self.fetchSession(id, db) else { throw ScheduleStoreError.unknownSession(id) }
            try Self.require(session, ownedBy: owner, author: author)
            try Self.requireNotPurged(session.caseReference, db)
            guard session.isLive else { throw ScheduleStoreError.sessionNotScheduled(id, session.state) }
            if state == .held || state == .noShow, session.start > at { throw ScheduleStoreError.sessionNotStarted(id, session.start) }
            // A cancellation is news to calendar clients; an outcome is not.
            let raise = state == .cancelled ? 1 : 0
            try db.execute(sql: "UPDATE session SET state = ?, sequence = sequence + ?, reminder_at = NULL, changed_at = ? WHERE id = ?",
                           arguments: [state.rawValue, raise, Self.milliseconds(at), id])
            try Self.appendHistory(id, author: author, at: at, action: state == .cancelled ? "cancelled" : "completed", summary: "\(state.rawValue): \(note)", db)
            return try Self.fetchSession(id, db)!
        }
    }

    private static func require(_ session: Session, ownedBy owner: String?, author: ChangeAuthor) throws {
        if let owner, session.mediator != owner {
            throw ScheduleStoreError.notTheMediator(session: session.id, mediator: session.mediator, caller: author.login)
        }
    }

    public func session(_ id: Int64) async throws -> (Session, [SessionHistoryEntry])? {
        try await pool.read { db in
            guard let session = try Self.fetchSession(id, db) else { return nil }
            let history = try Row.fetchAll(db, sql: "SELECT * FROM session_history WHERE session_id = ? ORDER BY id", arguments: [id]).map { row in
                SessionHistoryEntry(at: Self.instant(row["at"]), author: ChangeAuthor(uid: UInt32(truncatingIfNeeded: row["uid"] as Int64), login: row["login"]),
                                    action: row["action"], summary: row["summary"])
            }
            return (session, history)
        }
    }

    public func sessions(_ query: SessionQuery) async throws -> [Session] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !query.includeAll { conditions.append("state = 'scheduled'") }
        if let mediator = query.mediator {
            conditions.append("mediator = ?")
            arguments += [mediator]
        }
        if let reference = query.caseReference {
            conditions.append("case_reference = ?")
            arguments += [reference.text]
        }
        if let from = query.from {
            conditions.append("ends > ?")
            arguments += [Self.milliseconds(from)]
        }
        if let to = query.to {
            conditions.append("starts < ?")
            arguments += [Self.milliseconds(to)]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let finalArguments = arguments
        return try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.sessionColumns) FROM session \(filter) ORDER BY starts, id", arguments: finalArguments).map(Self.session)
        }
    }

    public func suggest(_ request: SlotRequest) async throws -> [SlotFinder.Slot] {
        // A suggestion may use the bookings' cache but never fills it: what it read may predate
        // a change that commits while it reads.
        let cached = mediatorCache.current
        return try await pool.read { db in
            let (_, deadline) = try Self.mediationCase(request.caseReference, db)
            var mediators: [Mediator]
            if let login = request.mediator {
                mediators = try Self.fetchMediators(login: login, db)
            } else {
                mediators = try cached ?? Self.fetchMediators(login: nil, db)
            }
            if let login = request.mediator, mediators.isEmpty { throw ScheduleStoreError.unknownMediator(login) }
            mediators.removeAll { $0.hours.isEmpty }
            let places: [Place]
            switch request.place {
            case .named(let name):
                places = try Self.fetchPlaces(db).filter { $0.name == name }
                if places.isEmpty { throw ScheduleStoreError.unknownPlace(name) }
            case .video:
                places = try Self.fetchPlaces(db).filter { $0.kind == .video }
            case .any:
                // Rooms first: a meeting in person is the office's first choice.
                places = try Self.fetchPlaces(db).sorted { ($0.kind == .room ? 0 : 1, $0.name) < ($1.kind == .room ? 0 : 1, $1.name) }
            }
            var lastBooked: [String: Date] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT login, last_booked_at FROM mediator WHERE last_booked_at IS NOT NULL") {
                lastBooked[row["login"]] = Self.instant(row["last_booked_at"])
            }
            let query = SlotFinder.Query(mediators: mediators, places: places, duration: request.duration, deadline: deadline,
                                         count: request.count, lastBooked: lastBooked, now: request.now)
            return try SlotFinder(rules: request.rules).find(query, sessionsOn: { day in
                // The finder looks only at who, where and when: the rest of each session is not
                // read, and a cursor decodes each row where it lies.
                try Array(Row.fetchCursor(db.cachedStatement(sql: "SELECT mediator, place, starts, ends FROM session WHERE state = 'scheduled' AND starts >= ? AND starts < ?"),
                                          arguments: [Self.milliseconds(day.startOfDay), Self.milliseconds(day.adding(days: 1).startOfDay)]).map { row in
                    Session(id: 0, uid: "", caseReference: Self.anyReference, mediator: row[0], place: row[1], start: Self.instant(row[2]), end: Self.instant(row[3]))
                })
            }, weekLoad: { monday in
                var load: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT mediator, COUNT(*) AS sessions FROM session WHERE state = 'scheduled' AND starts >= ? AND starts < ? GROUP BY mediator",
                                            arguments: [Self.milliseconds(monday.startOfDay), Self.milliseconds(monday.adding(days: 7).startOfDay)]) {
                    load[row["mediator"]] = row["sessions"]
                }
                return load
            })
        }
    }

    public func dueSessionReminders(notAfter instant: Date, limit: Int) async throws -> [Session] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.sessionColumns) FROM session WHERE reminder_at IS NOT NULL AND reminder_at <= ? ORDER BY reminder_at, id LIMIT ?",
                             arguments: [Self.milliseconds(instant), limit]).map(Self.session)
        }
    }

    public func recordSessionReminderSent(_ session: Session) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE session SET reminder_at = NULL WHERE id = ? AND sequence = ? AND state = 'scheduled'", arguments: [session.id, session.sequence])
        }
    }

    public func earliestSessionReminder() async throws -> Date? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(reminder_at) FROM session WHERE reminder_at IS NOT NULL").map(Self.instant)
        }
    }

    // MARK: Rules inside the transaction

    /// Every query here runs inside the booking's write transaction, where SQLite takes one
    /// writer at a time: they are prepared once per connection (cached) and read only what the
    /// rules need.
    private static func check(_ reference: CaseReference, mediator login: String, place name: String, span: Range<Date>,
                              excluding id: Int64?, change: BookingChange, cachedMediators: [Mediator]?, _ db: Database) throws {
        guard let standing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT track, closed_on IS NOT NULL,
              (SELECT due FROM deadline WHERE case_reference = reference AND kind = 'mediation' AND state = 'open' ORDER BY position DESC LIMIT 1)
            FROM case_file WHERE reference = ?
            """), arguments: [reference.text]) else { throw CaseStoreError.notFound(reference) }
        guard let mediator = try cachedMediators?.first(where: { $0.login == login }) ?? fetchMediators(login: login, db).first else {
            throw ScheduleStoreError.unknownMediator(login)
        }
        guard let place = try fetchPlace(name, db) else { throw ScheduleStoreError.unknownPlace(name) }
        let day = CalendarDate(span.lowerBound)
        // Three queries, not one with OR: each uses its own index, where SQLite would scan the
        // whole table for the combination.
        func live(_ condition: String, _ arguments: StatementArguments) throws -> [Session] {
            try Array(Row.fetchCursor(db.cachedStatement(sql: "SELECT \(sessionColumns) FROM session WHERE state = 'scheduled' AND \(condition)"),
                                      arguments: arguments).map(session)).filter { $0.id != id }
        }
        let context = BookingRules.Context(
            track: (standing[0] as String?).flatMap(Track.init(rawValue:)), closed: standing[1], sessionDeadline: (standing[2] as String?).flatMap { CalendarDate(iso: $0) },
            mediatorSessions: try live("mediator = ? AND starts >= ? AND starts < ?", [login, milliseconds(day.startOfDay), milliseconds(day.adding(days: 1).startOfDay)]),
            // No session lasts longer than a day, so one that overlaps started less than a day
            // before: that bound keeps the index range to a day, not the room's whole history.
            placeSessions: try live("place = ? AND starts > ? AND starts < ? AND ends > ?",
                                    [name, milliseconds(span.lowerBound) - Int64(OfficeRules.maximumDuration * 1000), milliseconds(span.upperBound), milliseconds(span.lowerBound)]),
            caseSessions: try live("case_reference = ?", [reference.text]))
        try change.rules.check(case: reference, mediator: mediator, place: place, span: span,
                               afterDeadline: change.afterDeadlineReason != nil, context: context, now: change.now)
    }

    /// The case and the due date of its open mediation deadline.
    private static func mediationCase(_ reference: CaseReference, _ db: Database) throws -> (CaseRecord, CalendarDate?) {
        guard let record = try fetchRecord(reference, db) else { throw CaseStoreError.notFound(reference) }
        if record.file.closure != nil { throw BookingRefusal.caseClosed(reference) }
        if record.file.decision?.track != .mediation { throw BookingRefusal.caseNotOnMediationTrack(reference, record.file.decision?.track) }
        let deadline = record.deadlines.last { $0.kind == .track(.mediation) && $0.state == .open }?.due
        return (record, deadline)
    }

    // MARK: Rows

    private static func fetchMediators(login: String?, _ db: Database) throws -> [Mediator] {
        let filter = login == nil ? "" : "WHERE login = ?"
        let arguments: StatementArguments = login.map { [$0] } ?? []
        // Leave for all of them in one query, not one per mediator.
        var leave: [String: [Unavailability]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM mediator_unavailability \(filter) ORDER BY starts", arguments: arguments) {
            leave[row["login"], default: []].append(Unavailability(from: instant(row["starts"]), to: instant(row["ends"]), reason: row["reason"]))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM mediator \(filter) ORDER BY login", arguments: arguments).map { row in
            let login: String = row["login"]
            let hours = try WeeklyHours(lines: (row["hours"] as String).split(separator: "\n").map(String.init)).orCorrupt("hours of \(login)")
            return Mediator(login: login, displayName: row["display_name"], hours: hours, maximumSessionsPerDay: row["max_per_day"], unavailable: leave[login] ?? [])
        }
    }

    private static func fetchPlace(_ name: String, _ db: Database) throws -> Place? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM place WHERE name = ?"), arguments: [name]).map {
            Place(name: $0["name"], kind: try Place.Kind(rawValue: $0["kind"]).orCorrupt("place kind"), capacity: $0["capacity"])
        }
    }

    private static func fetchPlaces(_ db: Database) throws -> [Place] {
        try Row.fetchAll(db, sql: "SELECT * FROM place ORDER BY name").map {
            Place(name: $0["name"], kind: try Place.Kind(rawValue: $0["kind"]).orCorrupt("place kind"), capacity: $0["capacity"])
        }
    }

    private static func insert(_ period: Unavailability, for login: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO mediator_unavailability (login, starts, ends, reason) VALUES (?, ?, ?, ?)",
                       arguments: [login, milliseconds(period.from), milliseconds(period.to), period.reason])
    }

    static func fetchSession(_ id: Int64, _ db: Database) throws -> Session? {
        try Row.fetchOne(db, sql: "SELECT \(Self.sessionColumns) FROM session WHERE id = ?", arguments: [id]).map(session)
    }

    /// Stands in for the case of a session read only for its time, mediator and place.
    private static let anyReference = CaseReference("0")!

    /// The columns `session(_:)` reads, by position: looking columns up by name costs more than
    /// the rest of a slot search.
    static let sessionColumns = "id, uid, case_reference, mediator, place, starts, ends, state, sequence, after_deadline_reason, changed_at"

    static func session(_ row: Row) throws -> Session {
        Session(id: row[0], uid: row[1], caseReference: try reference(row[2]), mediator: row[3], place: row[4],
                start: instant(row[5]), end: instant(row[6]),
                state: try Session.State(rawValue: row[7]).orCorrupt("session state"), sequence: row[8],
                afterDeadlineReason: row[9], changedAt: instant(row[10]))
    }

    private static func appendHistory(_ id: Int64, author: ChangeAuthor, at: Date, action: String, summary: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO session_history (session_id, at, uid, login, action, summary) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [id, milliseconds(at), Int64(author.uid), author.login, action, summary])
    }
}
