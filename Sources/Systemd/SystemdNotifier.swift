import CSystemd
import Foundation

/// Tells the service manager about the daemon's state (sd_notify(3)).
///
/// Outside systemd `NOTIFY_SOCKET` is unset and every call is a no-op, so the daemon runs the same
/// code in development, in tests and under `Type=notify`.
///
/// sd_notify blocks while the manager's socket queue is full. Notifications therefore go out from
/// one serial queue of their own, in the order they were made, and never hold up the event loop
/// or the task pool: a manager that reads slowly must not stall the daemon, or its shutdown.
public struct SystemdNotifier: Sendable {
    private static let queue = DispatchQueue(label: "io.mediationd.sd-notify")

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

    /// Waits until the notifications made so far have gone out, at most `timeout` seconds: the
    /// last ones (STOPPING=1) before the process exits.
    public func flush(timeout: Double = 2) {
        guard isSupervised else { return }
        let sent = DispatchSemaphore(value: 0)
        Self.queue.async { sent.signal() }
        _ = sent.wait(timeout: .now() + timeout)
    }

    private func send(_ assignments: [String]) {
        guard isSupervised else { return }
        let message = assignments.joined(separator: "\n")
        // A failed notification is not actionable by the daemon: the manager will see the missing
        // READY=1 or WATCHDOG=1 and act by its own rules (timeout, restart).
        Self.queue.async { _ = sd_notify(0, message) }
    }
}

extension String {
    /// STATUS= is one line in `systemctl status`; a newline would end the assignment early.
    var singleLine: String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
