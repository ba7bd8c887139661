import Foundation
import MediationCore

/// The office the clients book in: few mediators and rooms and a fortnight of times that
/// overlap, so that clients race for the same slots all the time.
struct CrashOffice: Sendable {
    struct Start: Sendable {
        /// As a client types it, Amsterdam time.
        let local: String
        /// As the database stores it: milliseconds since the epoch.
        let instant: Int64
    }

    struct Slot: Sendable {
        let mediator: String
        let place: String
        let start: Start
    }

    let today: CalendarDate
    let mediators = ["anna", "bram", "chris"]
    let places = ["Kamer 1", "Kamer 2", "Kamer 3"]
    private let starts: [Start]

    init(today: CalendarDate) {
        self.today = today
        let calendar = WorkingDayCalendar()
        // From the third working day on, well past the office's one day of notice.
        let days = (3..<13).map { calendar.adding(workingDays: $0, to: today) }
        // 90-minute sessions starting 45 minutes apart: every other one overlaps its neighbours.
        let times = ["09:00", "09:45", "10:30", "11:15", "13:30", "14:15", "15:00"].compactMap { LocalTime($0) }
        starts = days.flatMap { day in
            times.map { time in
                Start(local: "\(day) \(time)", instant: Int64(time.instant(on: day).timeIntervalSince1970 * 1000))
            }
        }
    }

    func randomStart(_ random: inout SeededRandom) -> Start {
        starts[random.next(upTo: starts.count)]
    }

    func randomSlot(_ random: inout SeededRandom) -> Slot {
        Slot(mediator: mediators[random.next(upTo: mediators.count)], place: places[random.next(upTo: places.count)], start: randomStart(&random))
    }
}

/// splitmix64: a run is repeated by giving its seed again.
struct SeededRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(upTo bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
