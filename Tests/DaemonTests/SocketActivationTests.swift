import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

@Suite("mediationd under socket activation", .serialized, .timeLimit(.minutes(2)))
struct SocketActivationTests {
    @Test func startsOnFirstConnectionReportsReadyReloadsAndStopsCleanly() async throws {
        try Journald.ensureRunning()
        let daemon = DaemonHarness()
        try daemon.startSocketActivated()
        #expect(await daemon.notify.wait(for: "READY", timeout: 0.3) == nil, "nothing starts before a client connects")

        let status = try await daemon.status()
        #expect(status?.string("version") == MediationVersion.string)
        #expect(status?.object("listener")?.string("activation") == "socket")
        #expect(status?.object("listener")?.string("path") == daemon.socketPath)
        #expect(status?.object("database")?.string("path") == daemon.stateDirectory + "/mediationd.sqlite")

        let ready = try #require(await daemon.notify.wait(for: "READY", value: "1"))
        #expect(ready["STATUS"]?.contains("Serving on \(daemon.socketPath)") == true)

        daemon.signal(SIGHUP)
        let reloading = try #require(await daemon.notify.wait(for: "RELOADING", value: "1"))
        let stamp = try #require(reloading["MONOTONIC_USEC"].flatMap(UInt64.init))
        #expect(stamp > 0)
        #expect(await daemon.notify.wait(for: "READY", value: "1") != nil, "READY=1 again after the reload")

        #expect(await daemon.stop() == 0)
        #expect(await daemon.notify.wait(for: "STOPPING", value: "1", timeout: 1) != nil)
        #expect(access(daemon.socketPath, F_OK) == 0, "a socket systemd passed is left to systemd")

        let started = try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.started.rawValue)"])
        #expect(started.count == 1)
        #expect(started.first?.string("MEDIATION_SOCKET") == daemon.socketPath)
        #expect(started.first?.string("PRIORITY") == "5")
        #expect(started.first?.string("SYSLOG_IDENTIFIER") == "mediationd")
        let stopped = try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.stopped.rawValue)"])
        #expect(stopped.count == 1)
        let reloaded = try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.reloaded.rawValue)"])
        #expect(reloaded.first?.string("MEDIATION_CONFIG") == daemon.configPath)
    }

    @Test func theWatchdogIsFedWhenSystemdAsksForIt() async throws {
        let daemon = DaemonHarness()
        try daemon.startSocketActivated(extraEnvironment: ["WATCHDOG_USEC": "300000"])
        _ = try await daemon.status()
        #expect(await daemon.notify.wait(for: "READY", value: "1") != nil)
        for _ in 0..<3 {
            #expect(await daemon.notify.wait(for: "WATCHDOG", value: "1", timeout: 2) != nil)
        }
        #expect(await daemon.stop() == 0)
    }
}
