import Foundation
import Logging
import ServiceLifecycle
import Systemd

/// The one armed timer: set for the earliest pending reminder, re-armed whenever a change may
/// have moved it, and woken when the wall clock is set, so a reminder fires at its local time
/// after a jump either way and after a daylight-saving change.
final class ReminderTimer: Service, Sendable {
    private let engine: ReminderEngine
    private let alarm: WallClockAlarm
    private let logger: Logger
    /// Told after each pass, since what was sent may change the counts staff see.
    private let afterPass: @Sendable () -> Void

    init(engine: ReminderEngine, alarm: WallClockAlarm, logger: Logger, afterPass: @escaping @Sendable () -> Void) {
        self.engine = engine
        self.alarm = alarm
        self.logger = logger
        self.afterPass = afterPass
    }

    func run() async throws {
        var markFailing = false
        // The first pass sends what came due while the daemon was not running.
        alarm.wake()
        for await _ in alarm.events.cancelOnGracefulShutdown() {
            do {
                alarm.arm(at: try await engine.sendDue())
                if markFailing { logger.notice("Reminders are marked sent in the database again") }
                markFailing = false
                afterPass()
            } catch is CancellationError {
                return
            } catch let failure as ReminderMarkFailed {
                // Said once, not every 30 s for as long as the disk stays full.
                if !markFailing { logger.error("\(failure); retrying every 30 s") }
                markFailing = true
                alarm.arm(at: Date().addingTimeInterval(30))
            } catch {
                // The database failed; the reminders are still in it. Look again shortly.
                logger.error("Reminders could not be read from the database; retrying in 30 s: \(error)")
                alarm.arm(at: Date().addingTimeInterval(30))
            }
        }
    }
}
