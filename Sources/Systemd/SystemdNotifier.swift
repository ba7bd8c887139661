import CSystemd
import Foundation

/// Tells the service manager about the daemon's state (sd_notify(3)).
///
/// Outside systemd `NOTIFY_SOCKET` is unset and every call is a no-op, so the daemon runs the same
/// code in development, in tests and under `Type=notify`.
public struct SystemdNotifier: Sendable {
    public init() {}

    /// Whether a service manager listens; false when run by hand.
    public var isSupervised: Bool {
        ProcessInfo.processInfo.environment["NOTIFY_SOCKET"] != nil
    }

    public func ready(status: String) {
        send(["READY=1", "STATUS=\(status.singleLine)"])
    }

    public func status(_ status: String) {
        send(["STATUS=\(status.singleLine)"])
    }

    /// systemd (since v253, `Type=notify-reload`) needs the monotonic timestamp to tell this reload
    /// from an earlier one; older managers ignore the field.
    public func reloading(status: String) {
        send(["RELOADING=1", "MONOTONIC_USEC=\(MonotonicClock.nowMicroseconds())", "STATUS=\(status.singleLine)"])
    }

    public func stopping(status: String) {
        send(["STOPPING=1", "STATUS=\(status.singleLine)"])
    }

    public func watchdog() {
        send(["WATCHDOG=1"])
    }

    private func send(_ assignments: [String]) {
        guard isSupervised else { return }
        // A failed notification is not actionable by the daemon: the manager will see the missing
        // READY=1 or WATCHDOG=1 and act by its own rules (timeout, restart).
        _ = sd_notify(0, assignments.joined(separator: "\n"))
    }
}

extension String {
    /// STATUS= is one line in `systemctl status`; a newline would end the assignment early.
    var singleLine: String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
