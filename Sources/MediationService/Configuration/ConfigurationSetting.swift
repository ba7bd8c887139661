import Logging
import MediationCore
import NIOCore
import Systemd
import TOMLKit

/// One key of the configuration file: its table, its name, and how a value is checked and
/// applied. The list here is the whole vocabulary of `mediationd.toml`.
struct ConfigurationSetting: Sendable {
    struct Invalid: Error {
        let reason: String
    }

    let key: String
    let apply: @Sendable (any TOMLValueConvertible, inout DaemonConfiguration) throws(Invalid) -> Void

    static let all: [String: [ConfigurationSetting]] = {
        var all = fixed
        all["reminders"] = reminderSettings(for: nil)
        for kind in DeadlineKind.allCases {
            all["reminders.\(kind.rawValue)"] = reminderSettings(for: kind)
        }
        return all
    }()

    private static let fixed: [String: [ConfigurationSetting]] = [
        "service": [
            .init(key: "state_directory") { value, configuration throws(Invalid) in
                configuration.stateDirectory = try path(value)
            },
            .init(key: "socket_path") { value, configuration throws(Invalid) in
                configuration.socketPath = try path(value)
            },
            .init(key: "log_level") { value, configuration throws(Invalid) in
                configuration.logLevel = try choice(value, from: Logger.Level.allCases.map { ($0.rawValue, $0) })
            },
            .init(key: "log_target") { value, configuration throws(Invalid) in
                configuration.logTarget = try choice(value, from: LogTarget.allCases.map { ($0.rawValue, $0) })
            },
            .init(key: "shutdown_timeout") { value, configuration throws(Invalid) in
                let span = try seconds(value, allowingZero: false)
                guard span <= DaemonConfiguration.longestShutdownTimeoutSeconds else {
                    let longest = TimeSpan.format(seconds: DaemonConfiguration.longestShutdownTimeoutSeconds)
                    throw Invalid(reason: "\"\(try string(value))\" is longer than \(longest); systemd stops waiting soon after that (TimeoutStopSec= in mediationd.service)")
                }
                configuration.shutdownTimeoutSeconds = span
            },
        ],
        "varlink": [
            .init(key: "max_message_size") { value, configuration throws(Invalid) in
                configuration.varlink.maximumMessageSize = try integer(value, in: 4096...(64 << 20), unit: "bytes")
            },
            .init(key: "max_connections") { value, configuration throws(Invalid) in
                configuration.varlink.maximumConnections = try integer(value, in: 1...65_536, unit: "connections")
            },
            .init(key: "max_connections_per_user") { value, configuration throws(Invalid) in
                configuration.varlink.maximumConnectionsPerUser = try integer(value, in: 1...65_536, unit: "connections")
            },
            .init(key: "idle_timeout") { value, configuration throws(Invalid) in
                let span = try seconds(value, allowingZero: true)
                configuration.varlink.idleTimeout = span == 0 ? nil : .milliseconds(Int64((span * 1000).rounded()))
            },
            .init(key: "send_timeout") { value, configuration throws(Invalid) in
                configuration.varlink.sendTimeout = .milliseconds(Int64((try seconds(value, allowingZero: false) * 1000).rounded()))
            },
        ],
        "terms": [
            .init(key: "intake") { value, configuration throws(Invalid) in
                configuration.terms.intake = try term(value)
            },
            .init(key: "answer") { value, configuration throws(Invalid) in
                configuration.terms.answer = try term(value)
            },
            .init(key: "reaction") { value, configuration throws(Invalid) in
                configuration.terms.reaction = try term(value)
            },
        ] + Track.allCases.map { track in
            .init(key: track.rawValue.replacingOccurrences(of: "-", with: "_")) { value, configuration throws(Invalid) in
                configuration.terms.tracks[track] = try value.string == "none" ? nil : term(value)
            }
        },
        "access": [
            .init(key: "staff_group") { value, configuration throws(Invalid) in
                configuration.access.staff = try groupName(value)
            },
            .init(key: "mediator_group") { value, configuration throws(Invalid) in
                configuration.access.mediators = try groupName(value)
            },
            .init(key: "planner_group") { value, configuration throws(Invalid) in
                configuration.access.planners = try groupName(value)
            },
            .init(key: "admin_group") { value, configuration throws(Invalid) in
                configuration.access.admins = try groupName(value)
            },
        ],
        // keep_closed_days is the term of every outcome, as it was before outcomes had rules of
        // their own; a key per outcome category overrides it for that category.
        "retention": [
            .init(key: "keep_closed_days") { value, configuration throws(Invalid) in
                let days = try integer(value, in: 0...RetentionTerm.longest, unit: "days")
                configuration.retention.standard = RetentionTerm(count: days, unit: .days).map { .destroy(after: $0) } ?? .keep
            },
        ] + OutcomeCategory.allCases.map { category in
            .init(key: category.rawValue) { value, configuration throws(Invalid) in
                let text = try string(value)
                guard let rule = RetentionRule(text) else {
                    throw Invalid(reason: "\"\(text)\" is neither a term nor \"keep\"; write e.g. \"730d\" or \"5y\" to destroy after that term, or \"keep\" to keep for good")
                }
                configuration.retention.overrides[category] = rule
            }
        },
        "documents": [
            .init(key: "templates") { value, configuration throws(Invalid) in
                configuration.templatesDirectory = try path(value)
            },
        ],
        "scheduling": [
            .init(key: "session_length") { value, configuration throws(Invalid) in
                configuration.scheduling.defaultDuration = try minutes(value, allowingZero: false)
            },
            .init(key: "buffer") { value, configuration throws(Invalid) in
                configuration.scheduling.buffer = try minutes(value, allowingZero: true)
            },
            .init(key: "minimum_notice") { value, configuration throws(Invalid) in
                configuration.scheduling.minimumNoticeWorkingDays = try integer(value, in: 0...60, unit: "working days")
            },
            .init(key: "office_hours") { value, configuration throws(Invalid) in
                let text = try string(value)
                guard let hours = DailyHours(text), !hours.ranges.isEmpty else {
                    throw Invalid(reason: "\"\(text)\" is not a set of hours; write e.g. \"08:30-17:30\" or \"08:30-12:00,13:00-17:30\"")
                }
                configuration.scheduling.officeHours = hours
            },
        ],
        "calendar": [
            .init(key: "extra_holidays") { value, configuration throws(Invalid) in
                guard let list = value.array else { throw Invalid(reason: "must be a list of dates, e.g. [\"2025-05-05\"]") }
                var days: Set<CalendarDate> = []
                for item in list {
                    guard let text = item.string, let day = CalendarDate(iso: text) else {
                        throw Invalid(reason: "\(item.debugDescription) is not a date; write dates as \"YYYY-MM-DD\"")
                    }
                    days.insert(day)
                }
                configuration.extraHolidays = days
            },
        ],
    ]

    /// `[reminders]` sets the policy for every kind of deadline; `[reminders.KIND]` (intake,
    /// mediation, …) changes single keys for one kind and takes the rest from `[reminders]`.
    private static func reminderSettings(for kind: DeadlineKind?) -> [ConfigurationSetting] {
        @Sendable func update(_ configuration: inout DaemonConfiguration, _ change: (inout ReminderPolicy.Parts) -> Void) {
            var parts = ReminderPolicy.Parts(kind.map(configuration.reminders.policy(for:)) ?? configuration.reminders.standard)
            change(&parts)
            if let kind {
                configuration.reminders.overrides[kind] = parts.policy
            } else {
                configuration.reminders.standard = parts.policy
            }
        }
        return [
            .init(key: "time") { value, configuration throws(Invalid) in
                let text = try string(value)
                guard let time = LocalTime(text) else { throw Invalid(reason: "\"\(text)\" is not a time of day; write e.g. \"09:00\"") }
                update(&configuration) { $0.time = time }
            },
            .init(key: "before") { value, configuration throws(Invalid) in
                guard let list = value.array else { throw Invalid(reason: "must be a list of working days, e.g. [5, 1]") }
                var days: [Int] = []
                for item in list {
                    guard let count = item.int, (1...60).contains(count) else { throw Invalid(reason: "\(item.debugDescription) is not a number of working days from 1 to 60") }
                    days.append(count)
                }
                update(&configuration) { $0.workingDaysBefore = days }
            },
            .init(key: "on_due_date") { value, configuration throws(Invalid) in
                guard let flag = value.bool else { throw Invalid(reason: "must be true or false, without quotes") }
                update(&configuration) { $0.onDueDate = flag }
            },
            .init(key: "overdue_every") { value, configuration throws(Invalid) in
                let every = try integer(value, in: 0...60, unit: "working days")
                update(&configuration) { $0.overdueEvery = every == 0 ? nil : every }
            },
        ]
    }

    /// A Unix group's name as groupadd(8) accepts it; root's group gives no role.
    private static func groupName(_ value: any TOMLValueConvertible) throws(Invalid) -> String {
        let name = try string(value)
        let valid = !name.isEmpty && name.count <= 32 && name != "root"
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0) }
            && !(name.first?.isNumber ?? true)
        guard valid else { throw Invalid(reason: "\"\(name)\" is not a group name that can give a role; use lower-case letters, digits, - and _, not root") }
        return name
    }

    /// A span of whole minutes up to a day, as sessions and breaks are planned.
    private static func minutes(_ value: any TOMLValueConvertible, allowingZero: Bool) throws(Invalid) -> Double {
        let span = try seconds(value, allowingZero: allowingZero)
        guard span <= OfficeRules.maximumDuration, span.truncatingRemainder(dividingBy: 60) == 0 else {
            throw Invalid(reason: "must be whole minutes and at most a day, e.g. \"90min\"")
        }
        return span
    }

    private static func term(_ value: any TOMLValueConvertible) throws(Invalid) -> Term {
        let text = try string(value)
        guard let term = Term(text) else { throw Invalid(reason: "\"\(text)\" is not a term; write e.g. \"3w\", \"21d\" or \"10wd\" (working days)") }
        return term
    }

    private static func string(_ value: any TOMLValueConvertible) throws(Invalid) -> String {
        guard let text = value.string else { throw Invalid(reason: "must be a string in double quotes") }
        return text
    }

    private static func path(_ value: any TOMLValueConvertible) throws(Invalid) -> String {
        let text = try string(value)
        guard !text.isEmpty else { throw Invalid(reason: "must not be empty; remove the line to use the default") }
        return text
    }

    private static func choice<T>(_ value: any TOMLValueConvertible, from options: [(String, T)]) throws(Invalid) -> T {
        let text = try string(value)
        guard let match = options.first(where: { $0.0 == text }) else {
            throw Invalid(reason: "\"\(text)\" is not one of \(options.map { "\"\($0.0)\"" }.joined(separator: ", "))")
        }
        return match.1
    }

    private static func integer(_ value: any TOMLValueConvertible, in range: ClosedRange<Int>, unit: String) throws(Invalid) -> Int {
        guard let number = value.int else { throw Invalid(reason: "must be a whole number of \(unit), without quotes") }
        guard range.contains(number) else { throw Invalid(reason: "\(number) is out of range; use \(range.lowerBound) to \(range.upperBound) \(unit)") }
        return number
    }

    private static func seconds(_ value: any TOMLValueConvertible, allowingZero: Bool) throws(Invalid) -> Double {
        let text = try string(value)
        guard let parsed = TimeSpan.seconds(text) else {
            throw Invalid(reason: "\"\(text)\" is not a time span; write e.g. \"30s\", \"5min\" or \"1h\"")
        }
        // To the millisecond, the finest unit TimeSpan.format writes, so that the settings in
        // force print (mediationd --check-config) as what reads back the same.
        let span = (parsed * 1000).rounded() / 1000
        guard allowingZero || span > 0 else { throw Invalid(reason: "must be longer than zero") }
        guard span <= 86_400 * 365 else { throw Invalid(reason: "\"\(text)\" is longer than a year; use a shorter time span") }
        return span
    }
}
