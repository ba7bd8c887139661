import Foundation
import Glibc
import MediationCore
import MediationService
import TestSupport
import Testing

/// journald goes away while reminders fall due: they wait, and are delivered, once each, when
/// it is back. The daemon logs to a journald of its own (a namespace), so stopping that one
/// leaves the system journal to the tests running beside this one.
@Suite("Reminders while the journal is gone", .timeLimit(.minutes(3)))
struct JournalOutageTests: CommandDesk {
    let daemon = DaemonHarness()
    let journal = JournalNamespace(name: "mediationd-outage-test")

    @Test func remindersWaitForJournaldAndAreDeliveredOnceWhenItIsBack() async throws {
        journal.stop()
        try journal.start()
        defer { journal.stop() }
        try await daemon.startDirectAndWait(launcher: journal.launcher)

        journal.stop()
        let reference = "GONE-\(UInt32.random(in: 0...UInt32.max))"
        let received = CalendarDate(Date()).adding(days: -60)
        try await succeed(["case", "register", "--reference", reference, "--received", received.description, "--agency", "UWV",
                           "--subject", "Uitkering te laat", "--complainant-name", "Jan de Vries", "--complainant-contact", "jan@example.nl"])
        // The overdue reminder falls due at once and finds no journal: the daemon says so on
        // stderr and keeps it pending, retrying every few seconds.
        let noticed = await eventually(timeout: 20) { daemon.process?.standardError.contains("The journal did not take reminder \(reference)/") == true }
        #expect(noticed, "the failed delivery is logged: \(daemon.process?.standardError.suffix(2000) ?? "")")
        try await Task.sleep(for: .seconds(6))

        let back = Date()
        try journal.start()
        let found = try await journal.entries(["MEDIATION_CASE=\(reference)"], since: back.addingTimeInterval(-1), timeout: 30)
        #expect(found.count == 1, "delivered once it is back: \(found.count)")
        #expect(found.first?.string("MESSAGE_ID") == ReminderJournal.overdue.rawValue)
        #expect(found.first?.string("MEDIATION_REMINDER")?.hasPrefix("\(reference)/intake/overdue-") == true)
        #expect(daemon.process?.standardError.contains("The journal takes reminders again") == true)

        // Delivered means marked sent: a later retry, or a restart, does not send it again.
        try await Task.sleep(for: .seconds(6))
        #expect(await daemon.stop() == 0)
        try await daemon.startDirectAndWait(launcher: journal.launcher)
        try await Task.sleep(for: .seconds(2))
        #expect(try await journal.entries(["MEDIATION_CASE=\(reference)"], since: back.addingTimeInterval(-1), atLeast: 2, timeout: 2).count == 1)
        #expect(await daemon.stop() == 0)
    }

    private func eventually(timeout: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return true
    }
}
