import CSystemd
import NIOCore

/// Keeps systemd's watchdog (`WatchdogSec=`) fed from a running NIO event loop.
///
/// The keep-alive is scheduled on the same event loop that serves clients, so a loop that hangs
/// stops the pings and systemd restarts the daemon, which is the point of the watchdog.
public final class Watchdog: Sendable {
    /// Half the interval systemd gave, as sd_watchdog_enabled(3) recommends; nil when the watchdog
    /// is off or this process is not the one it was meant for.
    public let pingInterval: TimeAmount?
    private let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier = SystemdNotifier()) {
        self.notifier = notifier
        var usec: UInt64 = 0
        if sd_watchdog_enabled(0, &usec) > 0, usec > 0 {
            pingInterval = .microseconds(Int64(usec / 2))
        } else {
            pingInterval = nil
        }
    }

    /// Starts pinging on `eventLoop`; returns nil when there is nothing to ping.
    public func start(on eventLoop: any EventLoop) -> RepeatedTask? {
        guard let pingInterval else { return nil }
        let notifier = self.notifier
        return eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: pingInterval) { _ in
            notifier.watchdog()
        }
    }
}
