import Foundation
import MediationCore
import Testing

@Suite("Booking rules and slot search")
struct SchedulingTests {
    let rules = BookingRules(office: .standard, calendar: WorkingDayCalendar())
    let room = Place(name: "Kamer 1", kind: .room, capacity: 6)
    let video = Place(name: "Video", kind: .video, capacity: 10)
    let reference = CaseReference("2026-0001")!

    private func at(_ text: String) -> Date {
        guard case .instant(let instant) = LocalDateTime(text)!.resolution else { fatalError("\(text) is not one instant") }
        return instant
    }

    private func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func mediator(_ login: String, hours: [String] = ["mon-fri 09:00-12:30,13:30-17:00"], maximum: Int = 3, leave: [Unavailability] = []) -> Mediator {
        Mediator(login: login, displayName: login.capitalized, hours: WeeklyHours(lines: hours)!, maximumSessionsPerDay: maximum, unavailable: leave)
    }

    private func session(_ id: Int64, _ login: String, _ start: String, minutes: Double = 90, place: String = "Kamer 1", reference: String = "2026-0099") -> Session {
        Session(id: id, uid: "u\(id)", caseReference: CaseReference(reference)!, mediator: login, place: place, start: at(start), end: at(start).addingTimeInterval(minutes * 60))
    }

    private func context(mediator: [Session] = [], place: [Session] = [], case caseSessions: [Session] = [], deadline: String? = nil, track: Track? = .mediation) -> BookingRules.Context {
        BookingRules.Context(track: track, closed: false, sessionDeadline: deadline.flatMap { CalendarDate(iso: $0) }, mediatorSessions: mediator, placeSessions: place, caseSessions: caseSessions)
    }

    private func refusal(_ start: String, minutes: Double = 90, mediator: Mediator? = nil, place: Place? = nil, context: BookingRules.Context? = nil, now: String = "2026-11-30 12:00", afterDeadline: Bool = false) -> BookingRefusal? {
        let span = at(start)..<at(start).addingTimeInterval(minutes * 60)
        do {
            try rules.check(case: reference, mediator: mediator ?? self.mediator("anna"), place: place ?? room, span: span, afterDeadline: afterDeadline, context: context ?? self.context(), now: at(now))
            return nil
        } catch {
            return error
        }
    }

    @Test func localTimesInTheDaylightSavingGapsAreRefusedNotGuessed() {
        #expect(LocalDateTime("2026-03-29 02:30")?.resolution == .nonexistent)
        guard case .ambiguous(let first, let second) = LocalDateTime("2026-10-25 02:30")?.resolution else {
            Issue.record("02:30 on 25 October 2026 happens twice")
            return
        }
        #expect(second.timeIntervalSince(first) == 3600)
        #expect(at("2026-03-30 10:00") == utc("2026-03-30T08:00:00Z"), "08:00 UTC, summer time")
        #expect(at("2026-10-26 10:00") == utc("2026-10-26T09:00:00Z"), "09:00 UTC, winter time")
        #expect(LocalDateTime("2026-12-03T10:00") == LocalDateTime("2026-12-03 10:00"))
        #expect(LocalDateTime("2026-12-03 25:00") == nil)
    }

    @Test func aBookingInsideEveryRuleIsAccepted() {
        #expect(refusal("2026-12-03 10:00") == nil)
    }

    @Test func eachRuleRefusesWithWhatItIs() {
        let anna = mediator("anna")
        #expect(refusal("2026-12-03 10:00", minutes: 0) == .invalidDuration(0))
        #expect(refusal("2026-11-27 10:00") == .inThePast(at("2026-11-27 10:00")))
        #expect(refusal("2026-11-30 14:00") == .tooSoon(earliest: CalendarDate(iso: "2026-12-01")!))
        #expect(refusal("2026-12-05 10:00") == .officeClosed(CalendarDate(iso: "2026-12-05")!))
        #expect(refusal("2026-12-25 10:00") == .officeClosed(CalendarDate(iso: "2026-12-25")!), "Christmas")
        #expect(refusal("2026-12-03 08:00") == .outsideOfficeHours(DailyHours("08:30-17:30")!))
        #expect(refusal("2026-12-03 12:00") == .outsideMediatorHours(login: "anna", hours: DailyHours("09:00-12:30,13:30-17:00")!), "through lunch")
        let leave = Unavailability(days: CalendarDate(iso: "2026-12-03")!, through: CalendarDate(iso: "2026-12-04")!, reason: "verlof")
        #expect(refusal("2026-12-03 10:00", mediator: mediator("anna", leave: [leave])) == .mediatorUnavailable(login: "anna", leave))
        let busy = session(7, "anna", "2026-12-03 09:00")
        #expect(refusal("2026-12-03 10:30", context: context(mediator: [busy])) == .mediatorBusy(login: "anna", busy), "overlaps")
        #expect(refusal("2026-12-03 10:40", context: context(mediator: [busy])) == .mediatorBusy(login: "anna", busy), "inside the 15-minute break")
        #expect(refusal("2026-12-03 10:45", context: context(mediator: [busy])) == nil, "right after the break")
        let full = [session(1, "anna", "2026-12-03 09:00", minutes: 30), session(2, "anna", "2026-12-03 14:00", minutes: 30), session(3, "anna", "2026-12-03 16:00", minutes: 30)]
        #expect(refusal("2026-12-03 10:00", mediator: anna, context: context(mediator: full)) == .dailyMaximum(login: "anna", maximum: 3, day: CalendarDate(iso: "2026-12-03")!))
        let roomTaken = session(8, "bert", "2026-12-03 09:30")
        #expect(refusal("2026-12-03 10:00", context: context(place: [roomTaken])) == .placeTaken(place: "Kamer 1", roomTaken))
        #expect(refusal("2026-12-03 10:00", place: video, context: context(place: [session(9, "bert", "2026-12-03 09:30", place: "Video")])) == nil, "video takes no room")
        let own = session(10, "bert", "2026-12-10 10:00", reference: "2026-0001")
        #expect(refusal("2026-12-03 10:00", context: context(case: [own])) == .caseAlreadyBooked(reference, own))
        #expect(refusal("2026-12-03 10:00", context: context(deadline: "2026-12-02")) == .afterDeadline(due: CalendarDate(iso: "2026-12-02")!))
        #expect(refusal("2026-12-03 10:00", context: context(deadline: "2026-12-02"), afterDeadline: true) == nil)
        #expect(refusal("2026-12-03 10:00", context: context(track: .investigation)) == .caseNotOnMediationTrack(reference, .investigation))
        #expect(refusal("2026-12-03 10:00", context: context(track: nil)) == .caseNotOnMediationTrack(reference, nil))
    }

    private func find(_ query: SlotFinder.Query, sessions: [Session] = []) throws -> [SlotFinder.Slot] {
        try SlotFinder(rules: rules).find(query, sessionsOn: { day in sessions.filter { CalendarDate($0.start) == day } }, weekLoad: { monday in
            Dictionary(grouping: sessions.filter { CalendarDate($0.start) >= monday && CalendarDate($0.start) < monday.adding(days: 7) }, by: \.mediator).mapValues(\.count)
        })
    }

    private func query(_ mediators: [Mediator], now: String, deadline: String? = nil, count: Int = 3, lastBooked: [String: Date] = [:]) -> SlotFinder.Query {
        SlotFinder.Query(mediators: mediators, places: [room], duration: 90 * 60, deadline: deadline.flatMap { CalendarDate(iso: $0) }, count: count, lastBooked: lastBooked, now: at(now))
    }

    @Test func theEarliestSlotsComeFirstAndKeepEveryRule() throws {
        let slots = try find(query([mediator("anna")], now: "2026-11-30 12:00"), sessions: [session(1, "anna", "2026-12-01 09:00")])
        // Tuesday 1 December is the first day with notice; anna is busy 09:00–10:30, plus the break.
        #expect(slots.map { LocalDateTime($0.start).description } == ["2026-12-01 10:45", "2026-12-01 11:00", "2026-12-01 13:30"])
    }

    @Test func loadIsSpreadToTheMediatorWithFewestSessionsThatWeekThenRoundRobin() throws {
        let busyBert = [session(1, "bert", "2026-12-02 09:00", place: "Video"), session(2, "bert", "2026-12-02 13:30", place: "Video")]
        let slots = try find(query([mediator("anna", maximum: 5), mediator("bert", maximum: 5), mediator("carla", maximum: 5)], now: "2026-11-30 12:00", count: 1,
                                   lastBooked: ["anna": at("2026-11-27 10:00"), "carla": at("2026-11-20 10:00")]), sessions: busyBert)
        #expect(slots.first?.mediator == "carla", "anna and carla have none this week; carla was booked longer ago")
    }

    @Test func aHolidayWeekAndTheDaylightSavingWeeksAreWalkedCorrectly() throws {
        // Christmas 2026 is Friday 25 December, Boxing Day a Saturday: asked on Thursday the 24th
        // at noon, the first day with notice is Monday 28 December.
        let christmas = try find(query([mediator("anna")], now: "2026-12-24 12:00", count: 1))
        #expect(christmas.first.map { LocalDateTime($0.start).description } == "2026-12-28 09:00")
        // The week the clocks go forward: sessions stay at 09:00 local, which is 07:00 UTC.
        let spring = try find(query([mediator("anna")], now: "2026-03-27 12:00", count: 1))
        #expect(spring.first?.start == utc("2026-03-30T07:00:00Z"))
        // And back: Monday 26 October 2026 09:00 is 08:00 UTC.
        let autumn = try find(query([mediator("anna")], now: "2026-10-23 12:00", count: 1))
        #expect(autumn.first?.start == utc("2026-10-26T08:00:00Z"))
    }

    @Test func whenNothingFitsBeforeTheDeadlineTheFirstSlotsAfterItAreMarked() throws {
        let leave = Unavailability(days: CalendarDate(iso: "2026-12-01")!, through: CalendarDate(iso: "2026-12-04")!, reason: "verlof")
        let slots = try find(query([mediator("anna", leave: [leave])], now: "2026-11-30 12:00", deadline: "2026-12-04", count: 2))
        #expect(slots.count == 2)
        #expect(slots.allSatisfy { $0.afterDeadline })
        #expect(slots.first.map { LocalDateTime($0.start).description } == "2026-12-07 09:00")
    }

    @Test func weeklyHoursReadAsStaffWriteThem() throws {
        let hours = try #require(WeeklyHours(lines: ["mon-fri 09:00-17:00", "wed 09:00-12:00", "fri -"]))
        #expect(hours.hours(on: .monday) == DailyHours("09:00-17:00"))
        #expect(hours.hours(on: .wednesday) == DailyHours("09:00-12:00"))
        #expect(hours.hours(on: .friday).ranges.isEmpty)
        #expect(hours.lines == ["mon 09:00-17:00", "tue 09:00-17:00", "wed 09:00-12:00", "thu 09:00-17:00"])
        for bad in [["mon 17:00-09:00"], ["mon 09:00-12:00,11:00-13:00"], ["fri-mon 09:00-17:00"], ["maandag 09:00-17:00"], ["mon"]] {
            #expect(WeeklyHours(lines: bad) == nil, "\(bad)")
        }
    }
}
