import CSystemd
import Foundation
import Glibc
import Synchronization

/// Wakes its owner at a wall-clock instant, and whenever the wall clock is set.
///
/// This is how systemd's own calendar timers are woken: a timerfd on CLOCK_REALTIME with an
/// absolute expiry, which the kernel fires at that wall-clock time however the clock got there,
/// and with TFD_TIMER_CANCEL_ON_SET, which wakes the reader when someone sets the clock (a jump
/// either way), so the owner can look at what is due afresh. A monotonic sleep would miss both.
public final class WallClockAlarm: Sendable {
    private let descriptor: Int32
    private let wakeups: AsyncStream<Void>.Continuation
    private let armedFor = Mutex<Date?>(nil)
    /// Yields once per wake-up: the armed instant came, the clock was set, or `wake()` was called.
    public let events: AsyncStream<Void>

    public init() throws(AlarmError) {
        let fd = timerfd_create(CLOCK_REALTIME, Int32(TFD_CLOEXEC))
        guard fd >= 0 else { throw AlarmError(code: errno) }
        descriptor = fd
        (events, wakeups) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        // A blocking read needs a thread of its own; it must never hold one of the cooperative
        // pool's or an event loop's.
        let thread = Thread { [descriptor = fd, wakeups] in
            var expirations: UInt64 = 0
            while true {
                let count = read(descriptor, &expirations, MemoryLayout<UInt64>.size)
                if count < 0, errno == EBADF { return }
                // A result, or ECANCELED when the clock was set: either way, look again.
                if count < 0, errno == EINTR { continue }
                wakeups.yield()
            }
        }
        thread.name = "mediationd-alarm"
        thread.start()
    }

    /// Arms the alarm for `instant` (an instant already past fires at once); nil disarms it.
    public func arm(at instant: Date?) {
        armedFor.withLock { $0 = instant }
        var spec = itimerspec()
        if let instant {
            let seconds = max(instant.timeIntervalSince1970, 0.000_001)
            spec.it_value.tv_sec = Int(seconds.rounded(.down))
            spec.it_value.tv_nsec = max(1, Int((seconds - seconds.rounded(.down)) * 1e9))
        }
        timerfd_settime(descriptor, Int32(TFD_TIMER_ABSTIME) | Int32(TFD_TIMER_CANCEL_ON_SET), &spec, nil)
    }

    /// Wakes the owner now, as when what is due has changed.
    public func wake() {
        wakeups.yield()
    }

    /// Wakes the owner only when `instant` comes before the time the alarm is armed for: a new
    /// reminder later than that changes nothing the alarm must do now.
    public func wake(ifBefore instant: Date) {
        let armed = armedFor.withLock { $0 }
        if armed.map({ instant < $0 }) ?? true { wake() }
    }
}

public struct AlarmError: Error, CustomStringConvertible {
    public let code: Int32
    public var description: String { "cannot create a timer: \(String(cString: strerror(code)))" }
}
