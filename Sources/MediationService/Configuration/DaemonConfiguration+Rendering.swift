import MediationCore
import Varlink

extension DaemonConfiguration {
    /// The settings in force as TOML, for `mediationd --check-config`.
    public var rendered: String {
        let idle = varlink.idleTimeout.map { TimeSpan.format(seconds: Double($0.nanoseconds) / 1e9) } ?? "0"
        return """
        [service]
        state_directory = "\(stateDirectory)"
        socket_path = "\(socketPath)"
        log_level = "\(logLevel.rawValue)"
        log_target = "\(logTarget.rawValue)"
        shutdown_timeout = "\(TimeSpan.format(seconds: shutdownTimeoutSeconds))"

        [varlink]
        max_message_size = \(varlink.maximumMessageSize)
        max_connections = \(varlink.maximumConnections)
        idle_timeout = "\(idle)"

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
        staff_group = "\(access.staff)"
        mediator_group = "\(access.mediators)"
        admin_group = "\(access.admins)"

        [retention]
        keep_closed_days = \(keepClosedDays ?? 0)

        [documents]
        templates = "\(templatesDirectory)"

        [calendar]
        extra_holidays = [\(extraHolidays.sorted().map { "\"\($0)\"" }.joined(separator: ", "))]

        [reminders]
        \(Self.render(reminders.standard))
        """ + DeadlineKind.allCases.compactMap { kind in
            reminders.overrides[kind].map { "\n\n[reminders.\(kind.rawValue)]\n" + Self.render($0) }
        }.joined()
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
