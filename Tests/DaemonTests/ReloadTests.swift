import Foundation
import Glibc
import MediationCore
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

    @Test func reloadedTermsApplyToTheNextCase() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        func intakeDue() async throws -> String? {
            let result = try await daemon.ctl(["case", "register", "--json", "--socket", daemon.socketPath, "--agency", "UWV", "--subject", "s",
                                               "--complainant-name", "n", "--complainant-contact", "c"])
            #expect(result.status == 0, "\(result.error)")
            let deadlines = JSONObject(result.output)?.object("case")?.values["deadlines"] as? [[String: Any]]
            return deadlines?.first?["due"] as? String
        }
        let today = CalendarDate(Date())
        let before = try await intakeDue()
        daemon.writeConfiguration(extra: "[terms]\nintake = \"10wd\"")
        daemon.signal(SIGHUP)
        #expect(await daemon.notify.wait(for: "READY", value: "1") != nil)
        let after = try await intakeDue()
        // A run that crosses midnight in Amsterdam registers on the next day.
        let calendar = WorkingDayCalendar()
        #expect([today, today.adding(days: 1)].map { Term(3, .weeks)!.end(after: $0, in: calendar).description }.contains(before ?? ""))
        #expect([today, today.adding(days: 1)].map { calendar.adding(workingDays: 10, to: $0).description }.contains(after ?? ""))
        #expect(await daemon.stop() == 0)
    }
}
