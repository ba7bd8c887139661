import Foundation
import FuzzSupport
import MediationCore
@testable import MediationService
import Varlink

// The dates, times, terms, working hours and durations a user types into mediationctl, which
// passes them on as strings for the daemon to parse. Every input is given to every parser: each
// is cheap, and a seed for one is a near miss for another.
//
// Properties: what parses prints as text that parses back to the same value; a local time
// resolves to instants that read back as that local time; a session duration is whole minutes
// within a day and survives formatting.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCLITime(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzInput(start, count).text else { return 0 }
    checkDate(text)
    checkTime(text)
    checkLocalDateTime(text)
    checkTerm(text)
    checkHours(text)
    checkTimeSpan(text)
    checkSessionDuration(text)
    return 0
}

/// `YYYY-MM-DD`, as `--received`, `--from`, `--due` take it.
func checkDate(_ text: String) {
    guard let date = CalendarDate(iso: text) else { return }
    require(date.description == text, "\(text) prints as \(date)")
    require(CalendarDate(dayNumber: date.dayNumber) == date, "\(date) is day \(date.dayNumber), which is \(CalendarDate(dayNumber: date.dayNumber))")
    require(date.adding(days: 1).days(until: date) == -1, "the day after \(date) is not one day later")
    _ = date.weekday
    // A day as the bound of a leave: from its first instant to the midnight after it; a day
    // outside the dates the office works with is refused.
    let from = try? SchedulingInterface.leaveBound(text, parameter: "from", end: false)
    let to = try? SchedulingInterface.leaveBound(text, parameter: "to", end: true)
    guard CalendarDate.supportedRange.contains(date) else {
        require(from == nil && to == nil, "leave from or to \(date), outside \(CalendarDate.supportedRange), is accepted")
        return
    }
    require(from.map(CalendarDate.init) == date, "leave from \(date) starts at \(from.map { "\($0)" } ?? "nil"), on another day")
    require(to.map { CalendarDate($0) } == date.adding(days: 1), "leave to \(date) ends at \(to.map { "\($0)" } ?? "nil"), not the midnight after it")
}

/// `HH:MM`.
func checkTime(_ text: String) {
    guard let time = LocalTime(text) else { return }
    require(time.description == text, "\(text) prints as \(time)")
}

/// `YYYY-MM-DD HH:MM` in Amsterdam, as `session book --start` takes it, and the day-or-time of
/// `mediator leave`.
func checkLocalDateTime(_ text: String) {
    let instant = Result { () throws(VarlinkError) in try SchedulingInterface.instant(text, parameter: "start") }
    guard let local = LocalDateTime(text) else {
        require(instant.isFailure, "\(text) does not parse, yet it is the instant \(instant)")
        return
    }
    require(LocalDateTime(local.description) == local, "\(text) prints as \(local), which reads back differently")
    let leaveStart = Result { () throws(VarlinkError) in try SchedulingInterface.leaveBound(text, parameter: "start", end: false) }
    require(leaveStart == instant, "as the start of leave \(text) is \(leaveStart), as a session start \(instant)")
    guard CalendarDate.supportedRange.contains(local.date) else {
        require(instant.isFailure, "\(local), outside \(CalendarDate.supportedRange), is accepted as \(instant)")
        return
    }
    switch local.resolution {
    case .instant(let resolved):
        require(LocalDateTime(resolved) == local, "\(local) resolves to \(resolved), which is \(LocalDateTime(resolved)) in Amsterdam")
        require(instant == .success(resolved), "\(local) resolves to \(resolved), the interface makes it \(instant)")
    case .ambiguous(let first, let second):
        require(first < second, "\(local) is ambiguous between \(first) and \(second), out of order")
        require(LocalDateTime(first) == local && LocalDateTime(second) == local, "\(local) is ambiguous between instants that are other times")
        require(instant.isFailure, "the interface accepts the ambiguous \(local)")
    case .nonexistent:
        require(instant.isFailure, "the interface accepts the nonexistent \(local)")
    }
}

/// `3w`, `21d`, `10wd`, as `case extend --by` and `investigation ask --term` take them.
func checkTerm(_ text: String) {
    guard let term = Term(text) else { return }
    require(Term(term.description) == term, "\(text) prints as \(term), which reads back differently")
    let event = CalendarDate(year: 2026, month: 12, day: 3)!
    let end = term.end(after: event, in: WorkingDayCalendar())
    require(event < end, "a term of \(term) after \(event) ends on \(end)")
}

/// A mediator's hours, one line per day or range of days, as `mediator add --hours` takes them.
func checkHours(_ text: String) {
    if let daily = DailyHours(text) {
        require(DailyHours(daily.description) == daily, "\(text) prints as \(daily), which reads back differently")
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let weekly = WeeklyHours(lines: lines) {
        require(WeeklyHours(lines: weekly.lines) == weekly, "\(lines) print as \(weekly.lines), which read back differently")
    }
}

/// systemd's notation, which the configuration's spans and session durations are written in.
func checkTimeSpan(_ text: String) {
    guard let seconds = TimeSpan.seconds(text) else { return }
    require(seconds >= 0 && seconds.isFinite, "\(text) is \(seconds) seconds")
    // The configuration takes at most a year (ConfigurationSetting.seconds), and only what it
    // takes is ever formatted.
    guard seconds <= 86_400 * 365 else { return }
    let formatted = TimeSpan.format(seconds: seconds)
    let again = TimeSpan.seconds(formatted)
    // Written to the millisecond: half of one, and a hair for the arithmetic, either way.
    require(again.map { abs($0 - seconds) <= 0.000_501 } ?? false, "\(text) is \(seconds) s, formatted \(formatted), which reads \(again.map { "\($0)" } ?? "nil")")
}

/// `90m`, `1h30m`, as `session book --duration` takes it.
func checkSessionDuration(_ text: String) {
    guard let seconds = try? SchedulingInterface.duration(text) else { return }
    require(seconds > 0 && seconds <= OfficeRules.maximumDuration && seconds.truncatingRemainder(dividingBy: 60) == 0,
            "\(text) is a session of \(seconds) seconds")
    let formatted = TimeSpan.format(seconds: seconds)
    let again = try? SchedulingInterface.duration(formatted)
    require(again == seconds, "\(text) is \(seconds) s, formatted \(formatted), which reads \(again.map { "\($0)" } ?? "nil")")
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
