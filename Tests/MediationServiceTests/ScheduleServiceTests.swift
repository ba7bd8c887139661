import Foundation
import Logging
import MediationCore
import MediationService
import MediationStore
import TestSupport
import Testing

/// Booking through the service against a real database, with a movable clock.
@Suite("Schedule service")
struct ScheduleServiceTests {
    let directory = TemporaryDirectory()
    let storage: SQLiteStorage
    let clock = TestClock(ReminderEngineTests.at("2026-11-30", 12))
    let events = CaseEventHub()
    let delivery = RecordingDelivery()
    let cases: CaseService
    let schedule: ScheduleService
    let author = ChangeAuthor(uid: 1000, login: "anna")

    init() throws {
        storage = try SQLiteStorage.open(directory: directory.path)
        let workflow = CaseWorkflow(terms: .standard, calendar: WorkingDayCalendar(), reminders: ReminderPolicies())
        cases = CaseService(store: storage, clock: clock, workflow: workflow, events: events, scheduleChanged: {})
        schedule = ScheduleService(store: storage, clock: clock, rules: BookingRules(office: .standard, calendar: WorkingDayCalendar()),
                                   reminderTime: LocalTime(hour: 9, minute: 0)!, events: events, calendarDirectory: directory.file("calendars"),
                                   calendarDelay: .zero, logger: Logger(label: "test"), reminderScheduled: { _ in })
    }

    private func local(_ text: String) -> Date {
        guard case .instant(let instant) = LocalDateTime(text)!.resolution else { fatalError() }
        return instant
    }

    private func prepare() async throws {
        _ = try await schedule.addMediator(Mediator(login: "anna", displayName: "Anna de Boer", hours: WeeklyHours(lines: ["mon-fri 09:00-17:00"])!, maximumSessionsPerDay: 3))
        _ = try await schedule.addPlace(Place(name: "Kamer 1", kind: .room, capacity: 6))
        _ = try await cases.register(reference: CaseReference("C1")!, received: nil, agency: "UWV", subject: "s",
                                     complainant: Complainant(name: "Marieke de Vries", contact: "m@example.nl"), author: author)
        _ = try await cases.decide(CaseReference("C1")!, track: .mediation, reason: "r", referredTo: nil, author: author)
    }

    @Test func theMediatorIsRemindedTheWorkingDayBeforeOnceAndWithoutThePartiesNames() async throws {
        try await prepare()
        // Monday 7 December: reminded on Friday the 4th at 09:00.
        let session = try await schedule.book(case: CaseReference("C1")!, mediator: "anna", place: "Kamer 1", start: local("2026-12-07 10:00"),
                                              duration: nil, afterDeadline: nil, author: author)
        #expect(session.end == local("2026-12-07 11:30"), "the office's default length")
        #expect(try await storage.earliestSessionReminder() == local("2026-12-04 09:00"))
        let engine = ReminderEngine(store: storage, schedule: storage, workflow: { [cases] in cases.workflow }, clock: clock, delivery: delivery,
                                    pacer: ReminderPacer(), events: events, logger: Logger(label: "test"))
        clock.now = local("2026-12-04 09:00")
        _ = try await engine.sendDue()
        _ = try await engine.sendDue()
        #expect(delivery.sessionNotices.map(\.session.id) == [session.id])
        let message = try #require(delivery.sessionNotices.first?.message)
        #expect(message.contains("anna") && message.contains("2026-12-07") && message.contains("10:00"))
        #expect(!message.contains("Marieke") && !message.contains("example.nl"))
    }

    @Test func aRescheduleRaisesTheSequenceAndTheCalendarFileFollowsEveryChange() async throws {
        try await prepare()
        let booked = try await schedule.book(case: CaseReference("C1")!, mediator: "anna", place: "Kamer 1", start: local("2026-12-07 10:00"),
                                             duration: 60 * 60, afterDeadline: nil, author: author)
        let file = directory.file("calendars/anna.ics")
        await schedule.calendarsWritten()
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("UID:\(booked.uid)"))
        let moved = try await schedule.reschedule(booked.id, to: local("2026-12-08 14:00"), duration: nil, afterDeadline: nil, author: author)
        #expect(moved.sequence == 1)
        #expect(moved.uid == booked.uid)
        #expect(moved.end.timeIntervalSince(moved.start) == 3600, "the length stays")
        await schedule.calendarsWritten()
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("SEQUENCE:1"))
        let cancelled = try await schedule.settle(booked.id, as: .cancelled, note: "complainant ill", author: author)
        #expect(cancelled.sequence == 2)
        await schedule.calendarsWritten()
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("STATUS:CANCELLED") && text.contains("SEQUENCE:2"))
        #expect(!text.contains("Marieke"))
        let (_, history) = try await schedule.session(booked.id)
        #expect(history.map(\.action) == ["booked", "rescheduled", "cancelled"])
        await #expect(throws: ScheduleStoreError.sessionNotScheduled(booked.id, .cancelled)) {
            try await schedule.settle(booked.id, as: .held, note: "", author: author)
        }
    }

    @Test func leaveMayNotOverlapAndBlocksBookings() async throws {
        try await prepare()
        let leave = Unavailability(days: CalendarDate(iso: "2026-12-07")!, through: CalendarDate(iso: "2026-12-11")!, reason: "verlof")
        _ = try await schedule.addLeave("anna", leave)
        await #expect(throws: ScheduleStoreError.overlappingLeave("anna", leave)) {
            try await schedule.addLeave("anna", Unavailability(days: CalendarDate(iso: "2026-12-11")!, through: CalendarDate(iso: "2026-12-14")!, reason: "more"))
        }
        await #expect(throws: BookingRefusal.mediatorUnavailable(login: "anna", leave)) {
            try await schedule.book(case: CaseReference("C1")!, mediator: "anna", place: "Kamer 1", start: local("2026-12-08 10:00"),
                                    duration: nil, afterDeadline: nil, author: author)
        }
        let slots = try await schedule.suggest(case: CaseReference("C1")!, mediator: nil, place: .any, duration: nil, count: 1)
        #expect(slots.first?.start == local("2026-12-01 09:00"), "the first working day with notice, before the leave")
        #expect(try await storage.sessions(SessionQuery()).isEmpty, "nothing was booked by a refusal")
    }

    @Test func leaveRecordedWhileBookingsRaceInLeavesNoSessionInsideIt() async throws {
        _ = try await schedule.addMediator(Mediator(login: "anna", displayName: "Anna de Boer", hours: WeeklyHours(lines: ["mon-fri 09:00-17:00"])!, maximumSessionsPerDay: 8))
        _ = try await schedule.addPlace(Place(name: "Kamer 1", kind: .room, capacity: 6))
        _ = try await schedule.addPlace(Place(name: "Kamer 2", kind: .room, capacity: 6))
        // One live session per case: a case for every booking.
        let days = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"]
        let times = ["09:00", "10:30", "12:00", "13:30", "15:00"]
        for number in 0..<(days.count * times.count) {
            let reference = CaseReference("R\(number)")!
            _ = try await cases.register(reference: reference, received: nil, agency: "UWV", subject: "s",
                                         complainant: Complainant(name: "n", contact: "c"), author: author)
            _ = try await cases.decide(reference, track: .mediation, reason: "r", referredTo: nil, author: author)
        }
        // A booking on another day first, so the bookings' cache of the mediators is filled.
        _ = try await cases.register(reference: CaseReference("WARM")!, received: nil, agency: "UWV", subject: "s",
                                     complainant: Complainant(name: "n", contact: "c"), author: author)
        _ = try await cases.decide(CaseReference("WARM")!, track: .mediation, reason: "r", referredTo: nil, author: author)
        _ = try await schedule.book(case: CaseReference("WARM")!, mediator: "anna", place: "Kamer 2", start: local("2026-12-04 09:00"),
                                    duration: nil, afterDeadline: nil, author: author)

        var leaves: [Unavailability] = []
        for (index, day) in days.enumerated() {
            let leave = Unavailability(days: CalendarDate(iso: day)!, through: CalendarDate(iso: day)!, reason: "verlof")
            let recorded = await withTaskGroup(of: Bool.self) { group in
                for (slot, time) in times.enumerated() {
                    group.addTask { [schedule, author] in
                        _ = try? await schedule.book(case: CaseReference("R\(index * times.count + slot)")!, mediator: "anna", place: "Kamer 1",
                                                     start: self.local("\(day) \(time)"), duration: nil, afterDeadline: nil, author: author)
                        return false
                    }
                }
                group.addTask { [schedule] in (try? await schedule.addLeave("anna", leave)) != nil }
                return await group.reduce(false) { $0 || $1 }
            }
            if recorded { leaves.append(leave) }
        }
        let live = try await storage.sessions(SessionQuery())
        for leave in leaves {
            let inside = live.filter { $0.mediator == "anna" && $0.start < leave.to && leave.from < $0.end }
            #expect(inside.isEmpty, "sessions \(inside.map(\.id)) lie inside leave from \(LocalDateTime(leave.from))")
        }
    }

    @Test func leaveOverAScheduledSessionIsRefusedUntilItIsMoved() async throws {
        try await prepare()
        let session = try await schedule.book(case: CaseReference("C1")!, mediator: "anna", place: "Kamer 1", start: local("2026-12-08 10:00"),
                                              duration: nil, afterDeadline: nil, author: author)
        let leave = Unavailability(days: CalendarDate(iso: "2026-12-07")!, through: CalendarDate(iso: "2026-12-11")!, reason: "verlof")
        await #expect(throws: ScheduleStoreError.leaveOverSessions("anna", sessions: [session.id])) {
            try await schedule.addLeave("anna", leave)
        }
        _ = try await schedule.reschedule(session.id, to: local("2026-12-14 10:00"), duration: nil, afterDeadline: nil, author: author)
        _ = try await schedule.addLeave("anna", leave)
    }
}

@Suite("Calendar files at shutdown", .timeLimit(.minutes(1)))
struct CalendarFlushTests {
    @Test func aFlushWritesPendingFilesWithoutWaitingOutTheDelay() async throws {
        let directory = TemporaryDirectory()
        let storage = try SQLiteStorage.open(directory: directory.path)
        // A delay far beyond the suite's time limit: only a flush that cuts it short passes.
        let schedule = ScheduleService(store: storage, clock: TestClock(Date()), rules: BookingRules(office: .standard, calendar: WorkingDayCalendar()),
                                       reminderTime: LocalTime(hour: 9, minute: 0)!, events: CaseEventHub(), calendarDirectory: directory.file("calendars"),
                                       calendarDelay: .seconds(600), logger: Logger(label: "test"), reminderScheduled: { _ in })
        _ = try await schedule.addMediator(Mediator(login: "anna", displayName: "Anna", hours: WeeklyHours(lines: ["mon-fri 09:00-17:00"])!, maximumSessionsPerDay: 3))
        #expect(!FileManager.default.fileExists(atPath: directory.file("calendars/anna.ics")), "not before the delay")
        await schedule.flushCalendars()
        #expect(try String(contentsOfFile: directory.file("calendars/anna.ics"), encoding: .utf8).hasPrefix("BEGIN:VCALENDAR"))
    }
}
