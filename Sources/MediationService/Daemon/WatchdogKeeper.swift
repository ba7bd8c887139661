import NIOCore
import ServiceLifecycle
import Systemd

/// Runs the systemd watchdog keep-alive for as long as the daemon serves.
struct WatchdogKeeper: Service {
    let watchdog: Watchdog
    let group: any EventLoopGroup

    func run() async throws {
        let pings = watchdog.start(on: group)
        // Keep pinging through the drain: a slow shutdown is not a hang.
        try? await gracefulShutdown()
        pings?.cancel()
    }
}
