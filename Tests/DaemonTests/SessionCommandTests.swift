import Foundation
import Glibc
import MediationCore
import MediationService
import TestSupport
import Testing

/// `mediationctl mediator`, `room` and `session` against the real daemon: what each command
/// prints, what it refuses, and that a refusal changes nothing.
///
/// The daemon books by the real clock, so no test names a session time of its own: times come
/// from `session suggest` (the earliest free slots, which meet every rule on whatever day the
/// tests run), and dates such as leave are counted from today. The harness's daemon keeps the
/// office's standard rules: working days only, one working day's notice, office hours
/// 08:30-17:30, sessions of 90 minutes with 15 minutes between a mediator's sessions, and a
/// session deadline four weeks after the case is decided.
@Suite("mediationctl mediator, room and session", .timeLimit(.minutes(10)))
struct SessionCommandTests {
    // MARK: Mediators and rooms

    @Test func mediatorsAndRoomsAreAddedListedAndChanged() async throws {
        let desk = try await SchedulingDesk.open()
        let added = try await desk.succeed(["mediator", "add", "anna", "--name", "Anna de Boer", "--hours", "mon-fri 09:00-12:30,13:30-17:00"])
        #expect(added.hasPrefix("Added mediator anna (bemiddelaar).\n"), "\(added)")
        #expect(added.contains(/Name\s+Anna de Boer/), "\(added)")
        #expect(added.contains(/Hours\s+mon-fri 09:00-12:30,13:30-17:00/), "consecutive days with the same hours read as typed: \(added)")
        #expect(added.contains(/Per day\s+at most 4 session/), "\(added)")
        #expect(added.contains(/Leave\s+none/), "\(added)")

        let bob = try await desk.reply(WireMediatorReply.self, ["mediator", "add", "bob", "--name", "Bob Jansen", "--hours", "mon-fri 09:00-17:00", "--hours", "wed -", "--max-per-day", "2"]).mediator
        #expect(bob.hours == ["mon 09:00-17:00", "tue 09:00-17:00", "thu 09:00-17:00", "fri 09:00-17:00"], "a later line overrides an earlier one")
        #expect(bob.maximumSessionsPerDay == 2)
        let carl = try await desk.reply(WireMediatorReply.self, ["mediator", "add", "carl", "--name", "Carl Smit"]).mediator
        #expect(carl.hours == ["mon", "tue", "wed", "thu", "fri"].map { "\($0) 09:00-17:00" }, "the default week")
        #expect(carl.maximumSessionsPerDay == 4)

        let list = try await desk.succeed(["mediator", "list"])
        let rows = list.split(separator: "\n").map(String.init)
        #expect(rows.first?.hasPrefix("LOGIN") == true, "\(list)")
        #expect(rows.contains { $0.hasPrefix("anna ") && $0.contains("Anna de Boer") && $0.contains("mon-fri 09:00-12:30,13:30-17:00") }, "\(list)")
        #expect(rows.contains { $0.hasPrefix("bob ") && $0.contains("mon-tue 09:00-17:00; thu-fri 09:00-17:00") }, "\(list)")
        #expect(list.hasSuffix("3 in all\n"), "\(list)")
        #expect(try await desk.reply(WireMediatorList.self, ["mediator", "list"]).mediators.map(\.login) == ["anna", "bob", "carl"])

        let fewer = try await desk.reply(WireMediatorReply.self, ["mediator", "set-hours", "bob", "--max-per-day", "3"]).mediator
        #expect(fewer.maximumSessionsPerDay == 3)
        #expect(fewer.hours == bob.hours, "hours not given stay as they were")
        let moved = try await desk.succeed(["mediator", "set-hours", "bob", "--hours", "mon-thu 10:00-16:00"])
        #expect(moved.hasPrefix("Changed the hours of mediator bob.\n"), "\(moved)")
        #expect(moved.contains(/Hours\s+mon-thu 10:00-16:00/) && moved.contains(/Per day\s+at most 3/), "\(moved)")
        let nothing = try await desk.ctl(["mediator", "set-hours", "bob"])
        #expect(nothing.status == 64 && nothing.error.contains("--hours, --max-per-day or both"), "\(nothing.error)")

        // Leave far enough ahead that it is in the future on any day the tests run.
        let first = CalendarDate(Date()).adding(days: 60)
        let last = first.adding(days: 4)
        let leave = try await desk.succeed(["mediator", "leave", "anna", "--from", "\(first)", "--to", "\(last)", "--reason", "vakantie"])
        #expect(leave.hasPrefix("Recorded leave (verlof) for anna from \(first) to \(last).\n"), "\(leave)")
        #expect(leave.contains("\(first) to \(last) (vakantie)"), "the last day is shown as given, not the midnight after it: \(leave)")
        let shown = try await desk.reply(WireMediatorDetail.self, ["mediator", "show", "anna"])
        #expect(shown.mediator.leave.map(\.reason) == ["vakantie"])
        #expect(shown.sessions.isEmpty)
        let sheet = try await desk.succeed(["mediator", "show", "anna"])
        #expect(sheet.hasPrefix("Mediator anna\n"), "\(sheet)")
        #expect(sheet.contains("\(first) to \(last) (vakantie)") && sheet.hasSuffix("Upcoming sessions\nnone\n"), "\(sheet)")

        // An absence for part of a day, given as times: bob's training afternoon.
        let training = first.adding(days: 10)
        let partial = try await desk.reply(WireMediatorReply.self, ["mediator", "leave", "bob", "--from", "\(training) 13:00", "--to", "\(training) 17:00", "--reason", "training"]).mediator
        #expect(partial.leave.count == 1)
        #expect((partial.leave.first.map { $0.to.timeIntervalSince($0.from) } ?? 0) == 14_400, "13:00 to 17:00")
        let bobSheet = try await desk.succeed(["mediator", "show", "bob"])
        #expect(bobSheet.contains("\(training) 13:00") && bobSheet.contains("\(training) 17:00") && bobSheet.contains("(training)"), "\(bobSheet)")
        await desk.expectRefused(["mediator", "leave", "bob", "--from", "\(training) 16:00", "--to", "\(training) 18:00", "--reason", "more"], saying: "overlaps")
        await desk.expectRefused(["mediator", "leave", "bob", "--from", "\(training) 17:00", "--to", "\(training) 13:00", "--reason", "x"], saying: "before it starts")

        let room = try await desk.succeed(["room", "add", "Kamer 1", "--capacity", "6"])
        #expect(room == "Added room Kamer 1 for 6 people.\n")
        let video = try await desk.succeed(["room", "add", "Beeldbellen", "--capacity", "8", "--video"])
        #expect(video == "Added video place Beeldbellen for 8 people.\n")
        let places = try await desk.reply(WirePlaceList.self, ["room", "list"]).places
        #expect(places.map(\.name).sorted() == ["Beeldbellen", "Kamer 1"])
        #expect(places.first { $0.name == "Beeldbellen" }?.kind == .video)
        #expect(places.first { $0.name == "Kamer 1" }?.kind == .room && places.first { $0.name == "Kamer 1" }?.capacity == 6)
        let table = try await desk.succeed(["room", "list"])
        #expect(table.split(separator: "\n").contains { $0.hasPrefix("Kamer 1") && $0.contains("room") && $0.hasSuffix("6") }, "\(table)")
        #expect(table.split(separator: "\n").contains { $0.hasPrefix("Beeldbellen") && $0.contains("video place") }, "\(table)")
        #expect(table.hasSuffix("2 in all\n"), "\(table)")
        await desk.stop()
    }

    // MARK: Suggest, book, reschedule

    @Test func aSuggestedSlotIsBookedOnceThenRescheduled() async throws {
        let desk = try await SchedulingDesk.open()
        try await desk.furnish()
        try await desk.fileCase("M-1", track: "mediation")
        try await desk.fileCase("M-2", track: "mediation")
        let earliest = bookingRules.calendar.adding(workingDays: 1, to: CalendarDate(Date()))

        let slots = try await desk.reply(WireSlotList.self, ["session", "suggest", "--case", "M-1"]).slots
        #expect(slots.count == 5, "five unless --count says otherwise")
        #expect(slots.allSatisfy { !$0.afterDeadline && $0.mediator == "anna" }, "\(slots)")
        #expect(slots.first?.place == "Kamer 1", "a room before a video place")
        #expect(slots.allSatisfy { $0.end.timeIntervalSince($0.start) == 90 * 60 }, "the office's session length")
        let slot = try #require(slots.first)
        let day = try #require(CalendarDate(iso: String(slot.startLocal.prefix(10))))
        #expect(day >= earliest, "one working day's notice: \(slot.startLocal)")
        #expect(slot.startLocal.hasSuffix(" 09:00"), "anna starts at nine: \(slot.startLocal)")

        let table = try await desk.succeed(["session", "suggest", "--case", "M-1", "--count", "3"])
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines[0].hasPrefix("START") && lines[0].contains("MEDIATOR") && lines[0].contains("PLACE"), "\(table)")
        #expect(lines[1].hasPrefix(slot.startLocal) && lines[1].contains("anna") && lines[1].hasSuffix("Kamer 1"), "\(table)")
        #expect(!table.contains("deadline"), "no slot is after the deadline: \(table)")
        let byVideo = try await desk.reply(WireSlotList.self, ["session", "suggest", "--case", "M-1", "--video", "--duration", "1h", "--count", "2"]).slots
        #expect(byVideo.count == 2 && byVideo.allSatisfy { $0.place == "Beeldbellen" && $0.end.timeIntervalSince($0.start) == 3600 }, "\(byVideo)")

        let booked = try await desk.succeed(["session", "book", "--case", "M-1", "--mediator", "anna", "--room", "Kamer 1", "--start", slot.startLocal])
        #expect(booked.hasPrefix("Booked session 1 (bemiddelingsgesprek) for case M-1.\n"), "\(booked)")
        #expect(booked.contains(/When\s+\d{4}-\d{2}-\d{2} 09:00-10:30/), "\(booked)")
        #expect(booked.contains(/State\s+scheduled/), "\(booked)")

        // The same time for another case: the mediator is taken, and so is the room.
        await desk.expectRefused(["session", "book", "--case", "M-2", "--mediator", "anna", "--room", "Beeldbellen", "--start", slot.startLocal], saying: "session 1")
        try await desk.succeed(["mediator", "add", "bob", "--name", "Bob Jansen"])
        await desk.expectRefused(["session", "book", "--case", "M-2", "--mediator", "bob", "--room", "Kamer 1", "--start", slot.startLocal], saying: "Kamer 1 is taken by session 1")

        let shown = try await desk.reply(WireSessionDetail.self, ["session", "show", "1"])
        #expect(shown.session.case == "M-1" && shown.session.mediator == "anna" && shown.session.place == "Kamer 1")
        #expect(shown.session.startLocal == slot.startLocal && shown.session.start == slot.start)
        #expect(shown.session.state == "scheduled" && shown.session.sequence == 0 && shown.session.afterDeadlineReason == nil)
        #expect(shown.history.map(\.action) == ["booked"])
        #expect(shown.history.first?.login == callerLogin)

        let listed = try await desk.succeed(["session", "list"])
        #expect(listed.split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains("M-1") && $0.contains("anna") && $0.contains("Kamer 1") && $0.contains("scheduled") }, "\(listed)")
        #expect(listed.hasSuffix("1 in all\n"), "\(listed)")
        let filters: [(arguments: [String], ids: [Int64])] = [
            (["--mediator", "anna"], [1]),
            (["--mediator", "bob"], []),
            (["--case", "M-1"], [1]),
            (["--case", "M-2"], []),
            (["--from", "\(day)", "--to", "\(day)"], [1]),
            (["--from", "\(day.adding(days: 1))"], []),
            (["--to", "\(day.adding(days: -1))"], []),
        ]
        for filter in filters {
            let sessions = try await desk.reply(WireSessionList.self, ["session", "list"] + filter.arguments).sessions
            #expect(sessions.map(\.id) == filter.ids, "session list \(filter.arguments)")
        }
        #expect(try await desk.succeed(["session", "list", "--case", "M-2"]) == "No sessions match.\n")
        let anna = try await desk.succeed(["mediator", "show", "anna"])
        #expect(anna.split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains("M-1") }, "upcoming sessions: \(anna)")

        // A slot that is free now for the same mediator and room: the session moves there.
        let free = try #require(try await desk.reply(WireSlotList.self, ["session", "suggest", "--case", "M-2", "--mediator", "anna", "--room", "Kamer 1", "--count", "1"]).slots.first)
        #expect(free.start >= slot.end.addingTimeInterval(15 * 60), "the booked session and its break are not offered: \(free.startLocal)")
        let moved = try await desk.succeed(["session", "reschedule", "1", "--start", free.startLocal])
        #expect(moved.hasPrefix("Rescheduled session 1 to \(free.startLocal).\n"), "\(moved)")
        let after = try await desk.reply(WireSessionDetail.self, ["session", "show", "1"])
        #expect(after.session.startLocal == free.startLocal)
        #expect(after.session.end.timeIntervalSince(after.session.start) == 90 * 60, "the session keeps its length")
        #expect(after.session.sequence == 1)
        #expect(after.session.uid == shown.session.uid, "the calendar event stays the same one")
        #expect(after.history.map(\.action) == ["booked", "rescheduled"])
        #expect(after.history.last?.summary.contains("moved from \(slot.startLocal) to \(free.startLocal)") == true, "\(after.history)")
        let sheet = try await desk.succeed(["session", "show", "1"])
        #expect(sheet.hasPrefix("Session 1\n"), "\(sheet)")
        #expect(sheet.contains(/Calendar\s+\S+@mediationd, sequence 1/), "\(sheet)")
        for action in ["booked", "rescheduled"] {
            #expect(sheet.split(separator: "\n").contains { $0.contains("\(callerLogin) (\(getuid()))") && $0.contains(action) }, "history line for \(action): \(sheet)")
        }

        let event = try await desk.succeed(["session", "ics", "1"])
        expectCalendar(event, holding: [after.session.uid])
        #expect(event.contains("SEQUENCE:1\r\n") && event.contains("STATUS:CONFIRMED\r\n"), "\(event)")
        #expect(event.contains("SUMMARY:Bemiddelingsgesprek M-1\r\n"), "\(event)")
        try await desk.expectPublishedCalendar(of: "anna", holding: [after.session.uid])
        await desk.stop()
    }

    // MARK: Cancel and complete

    @Test func cancelAndCompleteSettleSessionsAndTheCalendarsFollow() async throws {
        let desk = try await SchedulingDesk.open()
        try await desk.furnish()
        try await desk.fileCase("M-1", track: "mediation")
        try await desk.fileCase("M-2", track: "mediation")
        let first = try await desk.bookFirstSlot(for: "M-1", room: "Kamer 1")
        let second = try await desk.bookFirstSlot(for: "M-2", room: "Beeldbellen")
        #expect(first.id == 1 && second.id == 2)

        let cancelled = try await desk.succeed(["session", "cancel", "1", "--reason", "complainant ill"])
        #expect(cancelled.hasPrefix("Cancelled session 1.\n") && cancelled.contains(/State\s+cancelled/), "\(cancelled)")
        let shown = try await desk.reply(WireSessionDetail.self, ["session", "show", "1"])
        #expect(shown.session.state == "cancelled" && shown.session.sequence == 1, "calendars must hear of a cancellation")
        #expect(shown.history.map(\.action) == ["booked", "cancelled"])
        #expect(shown.history.last?.summary == "cancelled: complainant ill")
        let event = try await desk.succeed(["session", "ics", "1"])
        expectCalendar(event, holding: [first.uid])
        #expect(event.contains("STATUS:CANCELLED\r\n") && event.contains("SEQUENCE:1\r\n"), "\(event)")
        await desk.expectRefused(["session", "cancel", "1", "--reason", "again"], saying: "session 1 is cancelled, not scheduled")
        await desk.expectRefused(["session", "reschedule", "1", "--start", first.startLocal], saying: "session 1 is cancelled, not scheduled")

        // Held and no-show need the session to have taken place; a settlement can come before.
        await desk.expectRefused(["session", "complete", "2", "--outcome", "no-show"], saying: "session 2 starts \(second.startLocal)")
        let completed = try await desk.succeed(["session", "complete", "2", "--outcome", "settled", "--note", "the parties agreed by phone"])
        #expect(completed.hasPrefix("Recorded session 2 as settled.\n") && completed.contains(/State\s+settled/), "\(completed)")
        let held = try await desk.reply(WireSessionDetail.self, ["session", "show", "2"])
        #expect(held.session.state == "settled" && held.session.sequence == 0, "an outcome is no news to calendars")
        #expect(held.history.map(\.action) == ["booked", "completed"])
        #expect(held.history.last?.summary == "settled: the parties agreed by phone")
        await desk.expectRefused(["session", "complete", "2", "--outcome", "held"], saying: "session 2 is settled, not scheduled")
        let wrong = try await desk.ctl(["session", "complete", "2", "--outcome", "no_show"])
        #expect(wrong.status == 64 && wrong.error.contains("no-show"), "the command line spells outcomes as people do: \(wrong.error)")

        #expect(try await desk.reply(WireSessionList.self, ["session", "list"]).sessions.isEmpty, "only planned sessions by default")
        #expect(try await desk.reply(WireSessionList.self, ["session", "list", "--all"]).sessions.map(\.id) == [1, 2])
        let all = try await desk.succeed(["session", "list", "--all"])
        #expect(all.split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains("cancelled") }, "\(all)")
        #expect(all.split(separator: "\n").contains { $0.hasPrefix("2 ") && $0.contains("settled") }, "\(all)")

        // The cancelled session freed its case and its time.
        let again = try await desk.reply(WireSessionReply.self, ["session", "book", "--case", "M-1", "--mediator", "anna", "--room", "Kamer 1", "--start", first.startLocal]).session
        #expect(again.id == 3 && again.uid != first.uid && again.sequence == 0)

        let calendar = try await desk.succeed(["mediator", "calendar", "anna"])
        expectCalendar(calendar, holding: [first.uid, second.uid, again.uid])
        #expect(calendar.contains("STATUS:CANCELLED\r\n") && calendar.contains("X-WR-CALNAME:Bemiddelingsgesprekken anna\r\n"), "\(calendar)")
        try await desk.expectPublishedCalendar(of: "anna", holding: [first.uid, second.uid, again.uid])
        await desk.stop()
    }

    // MARK: The session deadline

    @Test func slotsAfterTheSessionDeadlineAreMarkedAndNeedAReason() async throws {
        let desk = try await SchedulingDesk.open()
        try await desk.furnish()
        // Bob is away past the case's four-week session deadline, so nothing of his fits before it.
        try await desk.succeed(["mediator", "add", "bob", "--name", "Bob Jansen"])
        let today = CalendarDate(Date())
        try await desk.succeed(["mediator", "leave", "bob", "--from", "\(today)", "--to", "\(today.adding(days: 42))", "--reason", "sabbatical"])
        try await desk.fileCase("M-1", track: "mediation")

        let slots = try await desk.reply(WireSlotList.self, ["session", "suggest", "--case", "M-1", "--mediator", "bob", "--count", "2"]).slots
        #expect(slots.count == 2 && slots.allSatisfy(\.afterDeadline), "\(slots)")
        let slot = try #require(slots.first)
        #expect(CalendarDate(iso: String(slot.startLocal.prefix(10)))! > today.adding(days: 42), "after the leave: \(slot.startLocal)")
        let table = try await desk.succeed(["session", "suggest", "--case", "M-1", "--mediator", "bob", "--count", "2"])
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first == "nothing fits before the session deadline; the first slots after it:", "\(table)")
        #expect(lines.contains { $0.hasPrefix("\(slot.startLocal) (after deadline)") && $0.contains("bob") }, "\(table)")
        #expect(table.contains("--after-deadline"), "says how to book one anyway: \(table)")
        // Anna has time before the deadline, so an open search offers hers.
        #expect(try await desk.reply(WireSlotList.self, ["session", "suggest", "--case", "M-1"]).slots.allSatisfy { !$0.afterDeadline && $0.mediator == "anna" })

        let booking = ["session", "book", "--case", "M-1", "--mediator", "bob", "--room", "Kamer 1", "--start", slot.startLocal]
        await desk.expectRefused(booking, saying: "add --after-deadline with the reason")
        await desk.expectRefused(booking + ["--after-deadline", " "], saying: "--after-deadline must not be empty")
        let booked = try await desk.succeed(booking + ["--after-deadline", "only bob speaks the complainant's language"])
        #expect(booked.contains(/After deadline\s+only bob speaks the complainant's language/), "\(booked)")
        let session = try await desk.reply(WireSessionDetail.self, ["session", "show", "1"])
        #expect(session.session.afterDeadlineReason == "only bob speaks the complainant's language")
        #expect(session.history.first?.summary.contains("after the session deadline") == true, "\(session.history)")
        let listed = try await desk.succeed(["session", "list"])
        #expect(listed.split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains("(after deadline)") }, "\(listed)")
        await desk.stop()
    }

    // MARK: Refusals

    @Test func badInputIsRefusedWithTheReasonAndChangesNothing() async throws {
        let desk = try await SchedulingDesk.open()
        try await desk.furnish()
        let away = CalendarDate(Date()).adding(days: 60)
        try await desk.succeed(["mediator", "leave", "anna", "--from", "\(away)", "--to", "\(away.adding(days: 4))", "--reason", "vakantie"])
        try await desk.fileCase("M-1", track: "mediation")
        try await desk.fileCase("M-2", track: "mediation")
        try await desk.fileCase("I-1", track: "intervention")
        try await desk.fileCase("U-1", track: nil)
        let booked = try await desk.bookFirstSlot(for: "M-1", room: "Kamer 1")
        let free = try #require(try await desk.reply(WireSlotList.self, ["session", "suggest", "--case", "M-2", "--room", "Kamer 1", "--count", "1"]).slots.first)
        let before = try await desk.snapshot()

        func book(_ reference: String = "M-2", mediator: String = "anna", room: String = "Kamer 1", start: String? = nil, with extra: [String] = []) -> [String] {
            ["session", "book", "--case", reference, "--mediator", mediator, "--room", room, "--start", start ?? free.startLocal] + extra
        }
        // A working day of anna's leave; being after the session deadline needs saying first.
        let onLeave = "\(bookingRules.calendar.firstWorkingDay(onOrAfter: away)) 10:00"
        let refusals: [(arguments: [String], saying: String)] = [
            (book(start: "2020-01-06 10:00"), "2020-01-06 10:00 has passed"),
            (book(start: "2027-03-28 02:30"), "2027-03-28 02:30 does not exist in Amsterdam"),
            (book(start: "2026-10-25 02:30"), "2026-10-25 02:30 happens twice in Amsterdam"),
            (book(start: "tomorrow 10:00"), "--start \"tomorrow 10:00\" is not a time"),
            (book(mediator: "nobody"), "there is no mediator nobody"),
            (book(room: "Zaal 9"), "there is no room or video place Zaal 9"),
            (book("NOPE-1"), "there is no case NOPE-1"),
            (book("not a reference"), "\"not a reference\" is not a case reference"),
            (book(with: ["--duration", "0m"]), "--duration \"0m\" is not possible"),
            (book(with: ["--duration", "25h"]), "--duration \"25h\" is not possible"),
            (book(with: ["--duration", "-90m"]), "--duration \"-90m\" is not possible"),
            (book(with: ["--duration", "90"]), "--duration \"90\" is not possible"),
            (book("I-1"), "case I-1 is on the intervention track"),
            (book("U-1"), "case U-1 is not decided yet"),
            (book("M-1"), "case M-1 already has session 1"),
            (book(start: onLeave, with: ["--after-deadline", "x"]), "anna is not available"),
            (["session", "reschedule", "1", "--start", "2020-01-06 10:00"], "has passed"),
            (["session", "reschedule", "1", "--start", "2027-03-28 02:30"], "does not exist in Amsterdam"),
            (["session", "reschedule", "1", "--start", free.startLocal, "--duration", "25h"], "--duration \"25h\" is not possible"),
            (["session", "reschedule", "99", "--start", free.startLocal], "there is no session 99"),
            (["session", "cancel", "99", "--reason", "x"], "there is no session 99"),
            (["session", "cancel", "1", "--reason", "  "], "--reason must not be empty"),
            (["session", "complete", "99", "--outcome", "held"], "there is no session 99"),
            (["session", "show", "99"], "there is no session 99"),
            (["session", "ics", "99"], "there is no session 99"),
            (["session", "list", "--from", "2026-13-01"], "--from \"2026-13-01\" is not a date"),
            (["session", "suggest", "--case", "NOPE-1"], "there is no case NOPE-1"),
            (["session", "suggest", "--case", "I-1"], "case I-1 is on the intervention track"),
            (["session", "suggest", "--case", "M-2", "--mediator", "nobody"], "there is no mediator nobody"),
            (["session", "suggest", "--case", "M-2", "--room", "Zaal 9"], "there is no room or video place Zaal 9"),
            (["session", "suggest", "--case", "M-2", "--duration", "0m"], "--duration \"0m\" is not possible"),
            (["session", "suggest", "--case", "M-2", "--count", "0"], "ask for 1 to 100 slots"),
            (["mediator", "show", "nobody"], "there is no mediator nobody"),
            (["mediator", "calendar", "nobody"], "there is no mediator nobody"),
            (["mediator", "set-hours", "nobody", "--max-per-day", "2"], "there is no mediator nobody"),
            (["mediator", "set-hours", "anna", "--max-per-day", "0"], "1 to 20 sessions a day"),
            (["mediator", "set-hours", "anna", "--hours", "mon 17:00-09:00"], "hours are lines like"),
            (["mediator", "leave", "nobody", "--from", "\(away)", "--to", "\(away)", "--reason", "x"], "there is no mediator nobody"),
            (["mediator", "leave", "anna", "--from", "\(away.adding(days: 4))", "--to", "\(away.adding(days: 9))", "--reason", "x"], "overlaps"),
            (["mediator", "leave", "anna", "--from", "\(away.adding(days: 20))", "--to", "\(away.adding(days: 19))", "--reason", "x"], "the leave ends"),
            (["mediator", "leave", "anna", "--from", "2026-02-30", "--to", "\(away)", "--reason", "x"], "--from \"2026-02-30\" is neither a day (YYYY-MM-DD) nor a time"),
            (["mediator", "add", "anna", "--name", "Anna Bakker"], "mediator anna already exists"),
            (["mediator", "add", "9lives", "--name", "X"], "\"9lives\" is not a Unix login"),
            (["mediator", "add", "dirk", "--name", "  "], "--name must not be empty"),
            (["mediator", "add", "dirk", "--name", "Dirk", "--hours", "someday 09:00-17:00"], "hours are lines like"),
            (["mediator", "add", "dirk", "--name", "Dirk", "--max-per-day", "21"], "1 to 20 sessions a day"),
            (["room", "add", "Kamer 1", "--capacity", "4"], "a place called Kamer 1 already exists"),
            (["room", "add", "Zaal 9", "--capacity", "0"], "a capacity of 0 is not possible"),
        ]
        for refusal in refusals {
            await desk.expectRefused(refusal.arguments, saying: refusal.saying)
        }
        #expect(try await desk.snapshot() == before, "a refused command changes nothing")
        #expect(booked.id == 1)

        for usage in [["session", "suggest", "--case", "M-2", "--room", "Kamer 1", "--video"], ["session", "show", "one"], ["room", "add", "Zaal 9"]] {
            let result = try await desk.ctl(usage)
            #expect(result.status == 64, "\(usage): \(result.error)")
        }
        await desk.stop()
    }

    // MARK: Help and reachability

    @Test func helpNamesTheTermsStaffUse() async throws {
        let expectations: [(arguments: [String], saying: [String])] = [
            (["--help"], ["mediator", "room", "session"]),
            (["mediator", "--help"], ["bemiddelaar", "verlof", "add", "list", "show", "set-hours", "leave", "calendar"]),
            (["mediator", "add", "--help"], ["--name", "--hours", "--max-per-day", "09:00-17:00", "bemiddelingsgesprek"]),
            (["mediator", "leave", "--help"], ["verlof", "--from", "--to", "--reason", "YYYY-MM-DD"]),
            (["mediator", "calendar", "--help"], ["iCalendar", "calendars/LOGIN.ics"]),
            (["room", "add", "--help"], ["--capacity", "--video"]),
            (["session", "--help"], ["bemiddelingsgesprek", "suggest", "book", "reschedule", "cancel", "complete", "list", "show", "ics", "verlof"]),
            (["session", "book", "--help"], ["--case", "--mediator", "--room", "--start", "--duration", "--after-deadline", "YYYY-MM-DD"]),
            (["session", "complete", "--help"], ["held", "no-show", "settled", "--note"]),
            (["session", "suggest", "--help"], ["--video", "--count", "--after-deadline", "bemiddelaar"]),
            (["session", "list", "--help"], ["--all", "--from", "--to", "--mediator", "--case"]),
        ]
        for expectation in expectations {
            let result = try await runCommand(BuiltProducts.mediationctl, expectation.arguments)
            #expect(result.status == 0, "\(expectation.arguments): \(result.error)")
            for text in expectation.saying {
                #expect(result.output.contains(text), "mediationctl \(expectation.arguments.joined(separator: " ")) mentions \(text)")
            }
        }
    }

    @Test func withoutADaemonEveryCommandSaysSoWithUnavailable() async throws {
        let directory = TemporaryDirectory()
        for arguments in [["mediator", "list"], ["room", "list"], ["session", "list"], ["session", "ics", "1"], ["mediator", "calendar", "anna"]] {
            let result = try await runCommand(BuiltProducts.mediationctl, arguments + ["--socket", directory.file("absent.sock")])
            #expect(result.status == 69, "\(arguments)")
            #expect(result.error.contains("mediationd is not running"), "\(result.error)")
        }
    }
}

// MARK: - Helpers

/// The caller's login as the daemon reads it from the socket's peer.
private let callerLogin: String = {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return String(getuid()) }
    return String(cString: name)
}()

/// A whole iCalendar document as `session ics` and `mediator calendar` must print it: RFC 5545
/// text from the first byte to the last, one event per session.
private func expectCalendar(_ text: String, holding uids: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"), "nothing but the calendar: \(text)", sourceLocation: sourceLocation)
    #expect(text.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == uids.count, "\(text)", sourceLocation: sourceLocation)
    for uid in uids {
        #expect(text.contains("UID:\(uid)\r\n"), "\(uid) in \(text)", sourceLocation: sourceLocation)
    }
}

/// The rules the harness's daemon books by: its configuration sets no [scheduling] or holidays.
private let bookingRules = DaemonConfiguration.defaults().bookingRules

/// A daemon of the test's own, furnished for booking, and mediationctl pointed at it.
private struct SchedulingDesk: CommandDesk {
    let daemon: DaemonHarness

    static func open() async throws -> SchedulingDesk {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        return SchedulingDesk(daemon: daemon)
    }

    /// Anna (with a lunch break), a room and a video place.
    func furnish() async throws {
        try await succeed(["mediator", "add", "anna", "--name", "Anna de Boer", "--hours", "mon-fri 09:00-12:30,13:30-17:00"])
        try await succeed(["room", "add", "Kamer 1", "--capacity", "6"])
        try await succeed(["room", "add", "Beeldbellen", "--capacity", "8", "--video"])
    }

    /// Registers a complaint received today and, given a track, decides it: a mediation
    /// decision starts the four-week session deadline today.
    func fileCase(_ reference: String, track: String?) async throws {
        try await succeed(["case", "register", "--reference", reference, "--agency", "Belastingdienst", "--subject", "allowance paid late",
                           "--complainant-name", "Anna de Vries", "--complainant-contact", "anna@example.nl"])
        if let track {
            try await succeed(["case", "decide", reference, "--track", track, "--reason", "both sides want to talk"])
        }
    }

    /// Books the first slot `session suggest` offers for the case in the place.
    func bookFirstSlot(for reference: String, room: String) async throws -> WireSession {
        let slot = try #require(try await reply(WireSlotList.self, ["session", "suggest", "--case", reference, "--room", room, "--count", "1"]).slots.first)
        return try await reply(WireSessionReply.self, ["session", "book", "--case", reference, "--mediator", slot.mediator, "--room", slot.place, "--start", slot.startLocal]).session
    }

    /// The published file `calendars/LOGIN.ics` in the state directory is what `mediator calendar` prints.
    func expectPublishedCalendar(of login: String, holding uids: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let printed = try await succeed(["mediator", "calendar", login], sourceLocation: sourceLocation)
        let published = try await publishedCalendar(of: login, matching: printed)
        #expect(published == printed, "calendars/\(login).ics holds what mediator calendar prints", sourceLocation: sourceLocation)
        expectCalendar(printed, holding: uids, sourceLocation: sourceLocation)
    }

    /// Everything a refused command must leave alone, as the daemon reports it, and the
    /// published calendar file.
    func snapshot() async throws -> [String] {
        var state: [String] = []
        for arguments in [["mediator", "list", "--json"], ["mediator", "show", "anna", "--json"], ["room", "list", "--json"],
                          ["session", "list", "--all", "--json"], ["session", "show", "1", "--json"], ["mediator", "calendar", "anna"]] {
            state.append(try await succeed(arguments))
        }
        state.append(try await publishedCalendar(of: "anna", matching: state.last!))
        return state
    }

    /// The published calendar file, once it shows `expected`: the daemon rewrites it a few
    /// seconds after a change, so that a run of bookings makes one write. Gives up after 30 s
    /// and returns what the file holds then.
    func publishedCalendar(of login: String, matching expected: String) async throws -> String {
        let path = daemon.stateDirectory + "/calendars/\(login).ics"
        var published = ""
        for _ in 0..<300 {
            published = try await offThread { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
            if published == expected { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return published
    }

    func stop() async {
        #expect(await daemon.stop() == 0)
    }
}
