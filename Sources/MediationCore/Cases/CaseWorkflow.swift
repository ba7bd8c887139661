import Foundation

/// The process's rules: what each step does to a case and its deadlines, and what it refuses.
/// Pure: the caller reads the case, applies a step with the current time, and stores the result
/// and the change together.
public struct CaseWorkflow: Sendable {
    public let terms: CaseTerms
    public let calendar: WorkingDayCalendar
    public let reminders: ReminderPolicies

    public init(terms: CaseTerms, calendar: WorkingDayCalendar, reminders: ReminderPolicies) {
        self.terms = terms
        self.calendar = calendar
        self.reminders = reminders
    }

    /// A new complaint with its intake deadline: received + the intake term.
    public func register(reference: CaseReference, received: CalendarDate, agency: String, subject: String,
                         complainant: Complainant, now: Date) throws(CaseRuleViolation) -> (CaseRecord, CaseChange) {
        let today = CalendarDate(now)
        guard received <= today else { throw .receivedInFuture(received: received, today: today) }
        try requireSupported(received, for: "the received date")
        try requireText(agency, "the agency")
        try requireText(subject, "the subject")
        try requireText(complainant.name, "the complainant's name")
        try requireText(complainant.contact, "the complainant's contact details")
        let file = CaseFile(reference: reference, received: received, agency: agency, subject: subject, complainant: complainant)
        let due = try end(of: terms.intake, after: received, for: "the intake deadline")
        let record = CaseRecord(file: file, deadlines: [scheduled(Deadline(kind: .intake, due: due), now: now)])
        return (record, CaseChange(action: .registered, summary: "registered, received \(received), about \(agency); intake due \(due)"))
    }

    /// Records the track. This meets the intake deadline and starts the track's own.
    public func decide(_ record: inout CaseRecord, track: Track, reason: String, referredTo: String?, now: Date) throws(CaseRuleViolation) -> CaseChange {
        let reference = record.file.reference
        try requireChangeable(record)
        if let decision = record.file.decision { throw .alreadyDecided(reference, decision.track) }
        if record.file.suspension != nil { throw .suspended(reference) }
        try requireText(reason, "the reason")
        let body = referredTo?.trimmingCharacters(in: .whitespaces)
        if track == .referral, body?.isEmpty ?? true { throw .referralWithoutBody }
        if track != .referral, body != nil { throw .bodyWithoutReferral(track) }
        let today = CalendarDate(now)
        settleOpenDeadline(&record, as: .met, on: today)
        record.file.decision = TrackDecision(track: track, reason: reason, referredTo: body, decidedOn: today)
        var summary = "decided: \(track.rawValue)"
        if let term = terms.tracks[track] {
            let due = try end(of: term, after: today, for: "the \(track.rawValue) deadline")
            record.deadlines.append(scheduled(Deadline(kind: .track(track), due: due), now: now))
            summary += ", \(track.rawValue) due \(due)"
        }
        return CaseChange(action: .decided, summary: summary)
    }

    /// Opschorting: the terms stand still and no reminders are sent until the case resumes.
    public func suspend(_ record: inout CaseRecord, reason: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireChangeable(record)
        if let suspension = record.file.suspension { throw .alreadySuspended(record.file.reference, since: suspension.since) }
        try requireText(reason, "the reason")
        record.file.suspension = Suspension(since: CalendarDate(now), reason: reason)
        for index in record.deadlines.indices where record.deadlines[index].standsStill {
            record.deadlines[index].nextReminder = nil
        }
        return CaseChange(action: .suspended, summary: "suspended: \(reason)")
    }

    /// Moves the open terms by the calendar days the case was suspended, onto a working day.
    public func resume(_ record: inout CaseRecord, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireChangeable(record)
        guard let suspension = record.file.suspension else { throw .notSuspended(record.file.reference) }
        let days = suspension.since.days(until: CalendarDate(now))
        for deadline in record.deadlines where deadline.standsStill {
            try requireSupported(deadline.due.adding(days: days), for: "\(deadline.label)")
        }
        record.file.suspension = nil
        var summary = "resumed after \(days) day(s)"
        for index in record.deadlines.indices where record.deadlines[index].standsStill {
            let deadline = record.deadlines[index]
            let due = calendar.firstWorkingDay(onOrAfter: deadline.due.adding(days: days))
            record.deadlines[index] = scheduled(Deadline(kind: deadline.kind, subject: deadline.subject, due: due), now: now)
            summary += "; \(deadline.label) due \(due) (was \(deadline.due))"
        }
        return CaseChange(action: .resumed, summary: summary)
    }

    /// Verlenging: the open deadline moves by `term` from its current due date.
    public func extend(_ record: inout CaseRecord, by term: Term, reason: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireChangeable(record)
        try requireText(reason, "the reason")
        guard let index = record.openDeadlineIndex else { throw .nothingToExtend(record.file.reference) }
        return try extend(&record, at: index, by: term, reason: reason, now: now)
    }

    func extend(_ record: inout CaseRecord, at index: Int, by term: Term, reason: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        let deadline = record.deadlines[index]
        let due = try end(of: term, after: deadline.due, for: "\(deadline.label) extended by \(term)")
        var extended = Deadline(kind: deadline.kind, subject: deadline.subject, due: due)
        if record.file.suspension == nil || !deadline.kind.standsStillWhileSuspended { extended = scheduled(extended, now: now) }
        record.deadlines[index] = extended
        return CaseChange(action: .extended, summary: "\(deadline.label) extended by \(term): due \(due) (was \(deadline.due)); \(reason)")
    }

    /// Ends the case with its outcome; an open deadline is met by closing, the investigation's
    /// open terms lapse, and a suspension ends. Agreements are followed up after closing.
    public func close(_ record: inout CaseRecord, outcome: String, now: Date) throws(CaseRuleViolation) -> CaseChange {
        try requireChangeable(record)
        try requireText(outcome, "the outcome")
        let today = CalendarDate(now)
        settleOpenDeadline(&record, as: .met, on: today)
        cancelOpenTerms(&record, on: today)
        record.file.suspension = nil
        record.file.closure = Closure(on: today, outcome: outcome)
        return CaseChange(action: .closed, summary: "closed: \(outcome)")
    }

    /// The reminder to send after `sent`, for a deadline still open.
    public func reminder(after sent: ScheduledReminder, for deadline: Deadline) -> ScheduledReminder? {
        reminders.policy(for: deadline.kind).reminder(after: sent, due: deadline.due, calendar: calendar)
    }

    /// What to send when `stored` is due at `now`: the deadline's state now, which after an outage
    /// may be a later stage than the one that was stored.
    public func reminderToSend(_ stored: ScheduledReminder, for deadline: Deadline, now: Date) -> ScheduledReminder {
        let latest = reminders.policy(for: deadline.kind).latestReminder(due: deadline.due, notAfter: now, calendar: calendar)
        guard let latest, latest.instant > stored.instant else { return stored }
        return latest
    }

    func scheduled(_ deadline: Deadline, now: Date) -> Deadline {
        var deadline = deadline
        deadline.nextReminder = reminders.policy(for: deadline.kind).firstReminder(due: deadline.due, at: now, calendar: calendar)
        return deadline
    }

    func settleOpenDeadline(_ record: inout CaseRecord, as state: Deadline.State, on day: CalendarDate) {
        guard let index = record.openDeadlineIndex else { return }
        settle(&record, at: index, as: state, on: day)
    }

    func settle(_ record: inout CaseRecord, at index: Int, as state: Deadline.State, on day: CalendarDate) {
        record.deadlines[index].state = state
        record.deadlines[index].settledOn = day
        record.deadlines[index].nextReminder = nil
    }

    /// The investigation's answer and reaction terms still open lapse with it.
    func cancelOpenTerms(_ record: inout CaseRecord, on day: CalendarDate) {
        for index in record.deadlines.indices {
            let deadline = record.deadlines[index]
            if deadline.state == .open, deadline.kind == .answer || deadline.kind == .reaction {
                settle(&record, at: index, as: .cancelled, on: day)
            }
        }
    }

    /// The end of `term` after `day`, refused when it would leave the dates the office works with.
    func end(of term: Term, after day: CalendarDate, for what: String) throws(CaseRuleViolation) -> CalendarDate {
        let due = term.end(after: day, in: calendar)
        try requireSupported(due, for: what)
        return due
    }

    func requireSupported(_ date: CalendarDate, for what: String) throws(CaseRuleViolation) {
        let range = CalendarDate.supportedRange
        if !range.contains(date) { throw .dateOutOfRange(what: what, date: date, range: range) }
    }

    func requireChangeable(_ record: CaseRecord) throws(CaseRuleViolation) {
        if record.file.closure != nil { throw .closed(record.file.reference) }
    }

    func requireText(_ text: String, _ field: String) throws(CaseRuleViolation) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .emptyText(field: field) }
    }
}
