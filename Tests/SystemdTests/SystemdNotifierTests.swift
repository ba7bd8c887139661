import Foundation
import NIOPosix
import Systemd
import TestSupport
import Testing

/// sd_notify reads NOTIFY_SOCKET from the environment, so these tests change it and must not
/// run beside each other.
@Suite("systemd notifications", .serialized)
struct SystemdNotifierTests {
    private func withNotifySocket(_ environment: [String: String] = [:], _ body: (NotifyListener) async throws -> Void) async rethrows {
        let directory = TemporaryDirectory()
        let listener = NotifyListener(path: directory.file("notify"))
        setenv("NOTIFY_SOCKET", listener.path, 1)
        for (name, value) in environment { setenv(name, value, 1) }
        defer {
            unsetenv("NOTIFY_SOCKET")
            for name in environment.keys { unsetenv(name) }
        }
        try await body(listener)
    }

    @Test func readyAndStatusArriveAsOneMessage() async {
        await withNotifySocket { listener in
            SystemdNotifier().ready(status: "Serving\nwith two lines")
            let message = await listener.wait(for: "READY")
            #expect(message?["READY"] == "1")
            #expect(message?["STATUS"] == "Serving with two lines")
        }
    }

    @Test func reloadingCarriesTheMonotonicTime() async {
        await withNotifySocket { listener in
            let before = MonotonicClock.nowMicroseconds()
            SystemdNotifier().reloading(status: "Reloading")
            let after = MonotonicClock.nowMicroseconds()
            let message = await listener.wait(for: "RELOADING")
            let stamp = message?["MONOTONIC_USEC"].flatMap(UInt64.init)
            #expect(stamp.map { (before...after).contains($0) } == true)
        }
    }

    @Test func stoppingIsSent() async {
        await withNotifySocket { listener in
            SystemdNotifier().stopping(status: "Stopping")
            #expect(await listener.wait(for: "STOPPING")?["STATUS"] == "Stopping")
        }
    }

    @Test func withoutAManagerNothingIsSentAndNothingFails() {
        unsetenv("NOTIFY_SOCKET")
        #expect(!SystemdNotifier().isSupervised)
        SystemdNotifier().ready(status: "nobody listens")
    }

    @Test func theWatchdogIsFedAtHalfItsIntervalFromTheEventLoop() async throws {
        try await withNotifySocket(["WATCHDOG_USEC": "200000", "WATCHDOG_PID": String(getpid())]) { listener in
            let watchdog = Watchdog()
            #expect(watchdog.pingInterval == .milliseconds(100))
            let task = try #require(watchdog.start(on: MultiThreadedEventLoopGroup.singleton))
            defer { task.cancel() }
            for _ in 0..<3 {
                #expect(await listener.wait(for: "WATCHDOG", timeout: 2)?["WATCHDOG"] == "1")
            }
        }
    }

    @Test func theWatchdogStopsWhicheverEventLoopHangs() async throws {
        try await withNotifySocket(["WATCHDOG_USEC": "200000", "WATCHDOG_PID": String(getpid())]) { listener in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 3)
            let task = try #require(Watchdog().start(on: group))
            defer { task.cancel() }
            func pings(during interval: Duration) async throws -> Int {
                let before = listener.messages.count
                try await Task.sleep(for: interval)
                return listener.messages.count - before
            }
            for (index, loop) in group.makeIterator().enumerated() {
                #expect(try await pings(during: .milliseconds(600)) > 0, "pinging before loop \(index) hangs")
                let release = DispatchSemaphore(value: 0)
                let hung = DispatchSemaphore(value: 0)
                loop.execute {
                    hung.signal()
                    release.wait()
                }
                hung.wait()
                // A ping may have been on its way; after that, none for a while.
                try await Task.sleep(for: .milliseconds(250))
                #expect(try await pings(during: .milliseconds(600)) == 0, "loop \(index) hangs, yet the watchdog was fed")
                release.signal()
            }
            #expect(try await pings(during: .milliseconds(600)) > 0, "pinging again once no loop hangs")
            try await group.shutdownGracefully()
        }
    }

    @Test func theWatchdogStaysOffWhenMeantForAnotherProcess() async {
        await withNotifySocket(["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"]) { _ in
            #expect(Watchdog().pingInterval == nil)
        }
        #expect(Watchdog().pingInterval == nil)
    }
}
