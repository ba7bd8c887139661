import MediationCore
import Varlink

extension DaemonConfiguration {
    /// The settings in force as TOML, for `mediationd --check-config`.
    public var rendered: String {
        let idle = varlink.idleTimeout.map { TimeSpan.format(seconds: Double($0.nanoseconds) / 1e9) } ?? "0"
        return """
        [service]
        state_directory = \(Self.quoted(stateDirectory))
        socket_path = \(Self.quoted(socketPath))
        log_level = "\(logLevel.rawValue)"
        log_target = "\(logTarget.rawValue)"
        shutdown_timeout = "\(TimeSpan.format(seconds: shutdownTimeoutSeconds))"

        [varlink]
        max_message_size = \(varlink.maximumMessageSize)
        max_connections = \(varlink.maximumConnections)
        max_connections_per_user = \(varlink.maximumConnectionsPerUser)
        idle_timeout = "\(idle)"
        send_timeout = "\(TimeSpan.format(seconds: Double(varlink.sendTimeout.nanoseconds) / 1e9))"

        [terms]
        intake = "\(terms.intake)"
        answer = "\(terms.answer)"
        reaction = "\(terms.reaction)"
        \(Track.allCases.map { "\($0.rawValue.replacingOccurrences(of: "-", with: "_")) = \"\(terms.tracks[$0]?.description ?? "none")\"" }.joined(separator: "\n"))

        [scheduling]
        session_length = "\(TimeSpan.format(seconds: scheduling.defaultDuration))"
        buffer = "\(TimeSpan.format(seconds: scheduling.buffer))"
        minimum_notice = \(scheduling.minimumNoticeWorkingDays)
        office_hours = "\(scheduling.officeHours)"

        [access]
        staff_group = \(Self.quoted(access.staff))
        mediator_group = \(Self.quoted(access.mediators))
        planner_group = \(Self.quoted(access.planners))
        admin_group = \(Self.quoted(access.admins))

        [retention]
        keep_closed_days = \(retention.standard.term?.count ?? 0)\(retention.overrides.sorted { $0.key < $1.key }.map { "\n\($0.key.rawValue) = \"\($0.value)\"" }.joined())

        [documents]
        templates = \(Self.quoted(templatesDirectory))

        [calendar]
        extra_holidays = [\(extraHolidays.sorted().map { "\"\($0)\"" }.joined(separator: ", "))]

        [reminders]
        \(Self.render(reminders.standard))
        """ + DeadlineKind.allCases.compactMap { kind in
            reminders.overrides[kind].map { "\n\n[reminders.\(kind.rawValue)]\n" + Self.render($0) }
        }.joined()
    }

    /// A TOML basic string. Paths may hold quotes, backslashes and control characters, which
    /// printed bare gave TOML that reads back as another path or not at all: state_directory =
    /// 'C:\state' printed as "C:\state" (Fuzz/fuzz-config's read-back property caught it).
    private static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    private static func render(_ policy: ReminderPolicy) -> String {
        """
        time = "\(policy.time)"
        before = [\(policy.workingDaysBefore.map(String.init).joined(separator: ", "))]
        on_due_date = \(policy.onDueDate)
        overdue_every = \(policy.overdueEvery ?? 0)
        """
    }
}
