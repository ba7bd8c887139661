import ServiceLifecycle
import Systemd

/// Tells systemd STOPPING=1 as soon as shutdown begins. It is the last service in the group, so
/// it hears of the shutdown first, before the server starts draining.
struct ShutdownAnnouncer: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        try? await gracefulShutdown()
        notifier.stopping(status: "Finishing calls in progress and stopping")
    }
}
