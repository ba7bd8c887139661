import Foundation
import Glibc
import Systemd
import Testing

@Suite("Wall-clock alarm", .serialized, .timeLimit(.minutes(1)))
struct WallClockAlarmTests {
    private func nextEvent(_ alarm: WallClockAlarm, within seconds: Double) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var events = alarm.events.makeAsyncIterator()
                return await events.next() != nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    @Test func itWakesAtTheArmedInstantAndNotBefore() async throws {
        let alarm = try WallClockAlarm()
        let armedFor = Date().addingTimeInterval(0.5)
        alarm.arm(at: armedFor)
        #expect(await nextEvent(alarm, within: 10))
        #expect(Date() >= armedFor)
        alarm.arm(at: Date().addingTimeInterval(3600))
        #expect(await nextEvent(alarm, within: 1) == false, "an alarm an hour away does not wake now")
    }

    @Test func settingTheClockWakesIt() async throws {
        try #require(getuid() == 0, "setting the clock needs root")
        let alarm = try WallClockAlarm()
        alarm.arm(at: Date().addingTimeInterval(3600))
        // Setting the clock to the time it already shows is a clock change to the kernel, which
        // is all the alarm needs to see, without moving this machine's time.
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        #expect(clock_settime(CLOCK_REALTIME, &now) == 0)
        #expect(await nextEvent(alarm, within: 10))
    }
}
