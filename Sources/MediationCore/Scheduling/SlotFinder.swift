import Foundation

/// Finds the earliest free slots for a case's session that meet every booking rule, spreading
/// the load: at each time the mediator with the fewest sessions that week gets the slot, and
/// among equals the one booked least recently (round robin).
///
/// It reads sessions a day at a time through closures, so the caller can run it inside one read
/// transaction and only the days it looks at are fetched.
public struct SlotFinder: Sendable {
    public let rules: BookingRules

    public init(rules: BookingRules) {
        self.rules = rules
    }

    public struct Query: Sendable {
        public var mediators: [Mediator]
        /// Candidate places, in order of preference.
        public var places: [Place]
        public var duration: TimeInterval
        /// The case's session deadline; slots after it are offered only when too few fit before.
        public var deadline: CalendarDate?
        public var count: Int
        /// When each mediator was last booked, for round robin among equals.
        public var lastBooked: [String: Date]
        public var now: Date
        /// How many days past the first candidate day to look at most.
        public var horizonDays = 92

        public init(mediators: [Mediator], places: [Place], duration: TimeInterval, deadline: CalendarDate?, count: Int, lastBooked: [String: Date], now: Date) {
            self.mediators = mediators
            self.places = places
            self.duration = duration
            self.deadline = deadline
            self.count = count
            self.lastBooked = lastBooked
            self.now = now
        }
    }

    public struct Slot: Sendable, Equatable {
        public let mediator: String
        public let place: String
        public let start: Date
        public let end: Date
        public let afterDeadline: Bool
    }

    /// - Parameters:
    ///   - sessionsOn: the live sessions that start on a day.
    ///   - weekLoad: live sessions per mediator in the week (Monday to Sunday) starting on a day.
    public func find(_ query: Query, sessionsOn: (CalendarDate) throws -> [Session], weekLoad: (CalendarDate) throws -> [String: Int]) throws -> [Slot] {
        guard query.count > 0, !query.mediators.isEmpty, !query.places.isEmpty, query.duration > 0 else { return [] }
        let calendar = rules.calendar
        let first = calendar.adding(workingDays: rules.office.minimumNoticeWorkingDays, to: CalendarDate(query.now))
        var slots: [Slot] = []
        var loadWeek: CalendarDate?
        var load: [String: Int] = [:]
        for offset in 0...query.horizonDays {
            let day = first.adding(days: offset)
            guard calendar.isWorkingDay(day) else { continue }
            let afterDeadline = query.deadline.map { day > $0 } ?? false
            // Slots after the deadline only make up for too few before it.
            if afterDeadline, !slots.isEmpty, slots.contains(where: { !$0.afterDeadline }) { break }
            let monday = day.adding(days: -((day.weekday.rawValue + 5) % 7))
            if loadWeek != monday {
                load = try weekLoad(monday)
                loadWeek = monday
            }
            let sessions = try sessionsOn(day).filter(\.isLive)
            // Each check looks only at its own mediator's or place's sessions of the day.
            let byMediator = Dictionary(grouping: sessions, by: \.mediator)
            let byPlace = Dictionary(grouping: sessions, by: \.place)
            let order = query.mediators.filter { byMediator[$0.login, default: []].count < $0.maximumSessionsPerDay }.sorted { a, b in
                let (loadA, loadB) = (load[a.login, default: 0], load[b.login, default: 0])
                if loadA != loadB { return loadA < loadB }
                let (lastA, lastB) = (query.lastBooked[a.login] ?? .distantPast, query.lastBooked[b.login] ?? .distantPast)
                return lastA != lastB ? lastA < lastB : a.login < b.login
            }
            // When a mediator is busy until some time, the candidates before it need not ask again.
            var notBefore = [Date](repeating: .distantPast, count: order.count)
            for minute in candidateMinutes() {
                guard let time = LocalTime(hour: minute / 60, minute: minute % 60) else { continue }
                let start = time.instant(on: day)
                let span = start..<start.addingTimeInterval(query.duration)
                guard (try? rules.checkTime(span, now: query.now)) != nil else { continue }
                let minutes = BookingRules.minutes(span)
                if let slot = firstFree(span, day: day, minutes: minutes, order: order, notBefore: &notBefore, places: query.places,
                                        byMediator: byMediator, byPlace: byPlace, afterDeadline: afterDeadline) {
                    slots.append(slot)
                    // The slot is offered, not taken: the next candidate may overlap it.
                    if slots.count == query.count { return slots }
                }
            }
        }
        return slots
    }

    private func firstFree(_ span: Range<Date>, day: CalendarDate, minutes: Range<Int>?, order: [Mediator], notBefore: inout [Date], places: [Place],
                           byMediator: [String: [Session]], byPlace: [String: [Session]], afterDeadline: Bool) -> Slot? {
        for (index, mediator) in order.enumerated() where span.lowerBound >= notBefore[index] {
            let live = byMediator[mediator.login] ?? []
            do {
                try rules.checkMediator(mediator, span: span, day: day, minutes: minutes, liveThatDay: live)
            } catch {
                if case .mediatorBusy(_, let clash) = error { notBefore[index] = clash.end.addingTimeInterval(rules.office.buffer) }
                if case .mediatorUnavailable(_, let leave) = error { notBefore[index] = leave.to }
                continue
            }
            for place in places where (try? rules.checkPlace(place, span: span, sessions: byPlace[place.name] ?? [])) != nil {
                return Slot(mediator: mediator.login, place: place.name, start: span.lowerBound, end: span.upperBound, afterDeadline: afterDeadline)
            }
        }
        return nil
    }

    /// Starts on the slot grid inside office hours.
    private func candidateMinutes() -> [Int] {
        let step = max(1, Int(rules.office.slotStep / 60))
        return rules.office.officeHours.ranges.flatMap { range in
            stride(from: (range.lowerBound + step - 1) / step * step, to: range.upperBound, by: step).map { $0 }
        }
    }
}
