import Foundation
import Glibc
import MediationService
import TestSupport
import Testing

@Suite("Reloading the configuration", .serialized, .timeLimit(.minutes(2)))
struct ReloadTests {
    @Test func aBrokenFileKeepsTheOldConfigurationAndAGoodOneIsApplied() async throws {
        try Journald.ensureRunning()
        let daemon = DaemonHarness(varlink: "max_connections = 5")
        try await daemon.startDirectAndWait()
        #expect(try await daemon.status()?.object("listener")?.int("maximumConnections") == 5)

        daemon.writeConfiguration(varlink: "max_connections = 6\nmax_conections = 7")
        daemon.signal(SIGHUP)
        #expect(await daemon.notify.wait(for: "RELOADING", value: "1") != nil)
        #expect(await daemon.notify.wait(for: "READY", value: "1") != nil)
        #expect(try await daemon.status()?.object("listener")?.int("maximumConnections") == 5, "nothing of the broken file is used")
        let refused = try #require(try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.reloadRefused.rawValue)"]).first)
        #expect(refused.string("MEDIATION_CONFIG") == daemon.configPath)
        #expect(refused.string("MEDIATION_CONFIG_LINE") == "9")
        #expect(refused.string("MEDIATION_CONFIG_KEY") == "varlink.max_conections")
        #expect(refused.string("PRIORITY") == "3")

        daemon.writeConfiguration(varlink: "max_connections = 7")
        daemon.signal(SIGHUP)
        #expect(await daemon.notify.wait(for: "READY", value: "1") != nil)
        #expect(try await daemon.status()?.object("listener")?.int("maximumConnections") == 7)
        #expect(await daemon.stop() == 0)
    }
}
