import Foundation
import Logging
import MediationCore
import Systemd
import Varlink

/// Everything the daemon can be told in `mediationd.toml`. The defaults here are the embedded
/// ones; `Config/mediationd.toml` documents each of them and a test keeps the two equal.
public struct DaemonConfiguration: Sendable, Equatable {
    /// Where the database lives.
    public var stateDirectory: String
    /// Where the daemon binds its socket when systemd did not pass one.
    public var socketPath: String
    public var logLevel: Logger.Level
    public var logTarget: LogTarget
    /// How long calls in progress may take to finish once SIGTERM arrived.
    public var shutdownTimeoutSeconds: Double
    /// The longest shutdown_timeout accepted: calls take milliseconds, a backup seconds, and
    /// mediationd.service's TimeoutStopSec= is this plus time to close the database.
    public static let longestShutdownTimeoutSeconds: Double = 300
    public var varlink: VarlinkServerLimits
    /// How long each step of a case may take.
    public var terms: CaseTerms
    /// Days the government equated with public holidays, beyond the recognised ones.
    public var extraHolidays: Set<CalendarDate>
    public var reminders: ReminderPolicies
    /// Session length, breaks, notice and office hours for bookings.
    public var scheduling: OfficeRules
    /// The directory of the document templates the office may edit.
    public var templatesDirectory: String
    /// The groups that give the staff, mediator and admin roles.
    public var access: AccessGroups
    /// How long closed cases keep their personal data, per outcome (the selection list).
    public var retention: RetentionSchedule

    /// The embedded defaults. Paths follow systemd's StateDirectory= and RuntimeDirectory= when
    /// it set them, and are otherwise local to the working directory, so a developer can run the
    /// daemon without root.
    public static func defaults(environment: [String: String] = ProcessInfo.processInfo.environment) -> DaemonConfiguration {
        func firstDirectory(_ variable: String) -> String? {
            environment[variable]?.split(separator: ":").first.map(String.init)
        }
        return DaemonConfiguration(
            stateDirectory: firstDirectory("STATE_DIRECTORY") ?? "state",
            socketPath: firstDirectory("RUNTIME_DIRECTORY").map { "\($0)/io.mediationd" } ?? "run/io.mediationd",
            logLevel: .info,
            logTarget: .auto,
            shutdownTimeoutSeconds: 10,
            // Config/mediationd.toml says why each limit is what it is.
            varlink: VarlinkServerLimits(
                maximumMessageSize: 1 << 20, maximumConnections: 512, maximumConnectionsPerUser: 32, idleTimeout: .minutes(5), sendTimeout: .seconds(30)),
            terms: .standard,
            extraHolidays: [],
            reminders: ReminderPolicies(),
            scheduling: .standard,
            templatesDirectory: environment["STATE_DIRECTORY"] == nil ? "Config/templates" : "/etc/mediationd/templates",
            access: AccessGroups(),
            retention: RetentionSchedule(standard: .destroy(after: RetentionTerm(count: 730, unit: .days)!))
        )
    }

    /// Settings that only take effect when the daemon starts; a reload that changes them says so.
    public func restartOnlyDifferences(from other: DaemonConfiguration) -> [String] {
        var names: [String] = []
        if stateDirectory != other.stateDirectory { names.append("service.state_directory") }
        if socketPath != other.socketPath { names.append("service.socket_path") }
        if logTarget != other.logTarget { names.append("service.log_target") }
        if shutdownTimeoutSeconds != other.shutdownTimeoutSeconds { names.append("service.shutdown_timeout") }
        return names
    }

    /// The booking rules as configured.
    public var bookingRules: BookingRules {
        BookingRules(office: scheduling, calendar: WorkingDayCalendar(extraHolidays: extraHolidays))
    }

    /// The process's rules as configured.
    public var workflow: CaseWorkflow {
        CaseWorkflow(terms: terms, calendar: WorkingDayCalendar(extraHolidays: extraHolidays), reminders: reminders)
    }
}
