import CSystemd
import NIOCore

/// Keeps systemd's watchdog (`WatchdogSec=`) fed while every NIO event loop that serves clients
/// runs.
///
/// Each ping waits for a no-op to come back from every loop of the group, so whichever loop
/// hangs, the pings stop and systemd restarts the daemon, which is the point of the watchdog.
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

    /// Starts pinging once every loop of `group` has answered; returns nil when there is nothing
    /// to ping.
    public func start(on group: any EventLoopGroup) -> RepeatedTask? {
        guard let pingInterval else { return nil }
        let notifier = self.notifier
        let loops = Array(group.makeIterator())
        let home = group.next()
        return home.scheduleRepeatedTask(initialDelay: .zero, delay: pingInterval) { _ in
            let answers = loops.map { $0.submit {} }
            EventLoopFuture.andAllSucceed(answers, on: home).whenSuccess {
                notifier.watchdog()
            }
        }
    }
}
