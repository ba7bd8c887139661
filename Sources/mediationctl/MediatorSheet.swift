import Foundation
import MediationService

/// A mediator for people: who, when they work, how much, and their leave.
struct MediatorSheet {
    let mediator: WireMediator

    var fields: FieldList {
        var fields = FieldList()
        fields.append("Login", mediator.login)
        fields.append("Name", mediator.displayName)
        fields.append("Hours", Self.hours(of: mediator))
        fields.append("Per day", "at most \(mediator.maximumSessionsPerDay) session(s)")
        fields.append("Leave", mediator.leave.isEmpty ? "none" : mediator.leave.map(Self.period).joined(separator: "; "))
        return fields
    }

    /// The working week on one line. The daemon sends a line per day; consecutive days with the
    /// same hours are joined again, so the week reads as it was typed: mon-fri 09:00-17:00.
    static func hours(of mediator: WireMediator) -> String {
        guard !mediator.hours.isEmpty else { return "no working hours" }
        var runs: [(first: Int, last: Int, hours: Substring)] = []
        for line in mediator.hours {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let day = weekdays.firstIndex(of: String(parts[0])) else { return mediator.hours.joined(separator: "; ") }
            if let run = runs.last, run.last + 1 == day, run.hours == parts[1] {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day, parts[1]))
            }
        }
        return runs.map { run in
            let days = run.first == run.last ? weekdays[run.first] : "\(weekdays[run.first])-\(weekdays[run.last])"
            return "\(days) \(run.hours)"
        }.joined(separator: "; ")
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Leave as it was given to `mediator leave`: whole days with the last day inclusive, or
    /// times for part of a day.
    static func period(_ leave: WireLeave) -> String {
        let days = OfficeTime.days()
        let minutes = OfficeTime(seconds: false)
        // Whole days start and end at midnight; the period ends at the midnight after its last day.
        guard minutes.format(leave.from).contains(" 00:00 "), minutes.format(leave.to).contains(" 00:00 ")
        else { return "\(minutes.format(leave.from)) to \(minutes.format(leave.to)) (\(leave.reason))" }
        return "\(days.format(leave.from)) to \(days.format(leave.to.addingTimeInterval(-1))) (\(leave.reason))"
    }
}
