import Foundation
import Glibc
import MediationCore
import MediationService
import TestSupport
import Testing

/// `mediationctl agreement`, `investigation` and `export` against the real daemon and a real
/// journald: reminders for agreements' due dates, the documents on disk, the anonymised
/// publication, and what each refuses.
@Suite("mediationctl agreement, investigation and export", .serialized, .timeLimit(.minutes(5)))
struct AgreementCommandTests {
    init() throws {
        try Journald.ensureRunning()
    }

    @Test func anAgreementsDueDateIsRemindedInTheJournalAndItsDocumentIsWritten() async throws {
        let office = try await MediationOffice.open()
        let reference = MediationOffice.freshReference("AGR")
        try await office.fileMediationCase(reference)
        let session = try await office.seedHeldSession(reference, on: "2026-01-06")

        // Due 20 January 2026: long past, so reminded of at once, as overdue.
        let added = try await office.reply(WireAgreementReply.self, [
            "agreement", "add", "--session", String(session), "--party", "agency",
            "--text", "De gemeente betaalt het teveel geïnde bedrag terug", "--due", "2026-01-20",
        ]).agreement
        #expect(added.reference == reference && added.state == .open && added.overdue)
        let entry = try #require(try await Journald.entries(
            ["MEDIATION_CASE=\(reference)", "MEDIATION_AGREEMENT=\(added.id)"], since: office.daemon.createdAt).first)
        #expect(entry.string("MESSAGE_ID") == ReminderJournal.agreementOverdue.rawValue)
        #expect(entry.string("MEDIATION_DEADLINE") == "agreement")
        #expect(entry.string("MEDIATION_DUE") == "2026-01-20")
        #expect(entry.string("PRIORITY") == "3")
        #expect(entry.string("MESSAGE")?.contains("agreement \(added.id) was due on 2026-01-20") == true, "\(entry.values)")
        #expect(entry.string("MESSAGE")?.contains("teveel") == false, "the parties' words stay out of the journal")

        let second = try await office.reply(WireAgreementReply.self, [
            "agreement", "add", "--session", String(session), "--party", "complainant", "--text", "Verzoeker stuurt de beschikking op",
        ]).agreement
        #expect(second.due == nil && !second.overdue)

        // Each change wrote a new version of the document for both parties.
        let folder = office.daemon.stateDirectory + "/agreements/" + reference
        let versions = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        #expect(versions.count >= 2, "\(versions)")
        let latest = try String(contentsOfFile: "\(folder)/\(versions.last!)", encoding: .utf8)
        #expect(latest.contains("\(added.id). **Gemeente Utrecht**: De gemeente betaalt het teveel geïnde bedrag terug"))
        #expect(latest.contains("\(second.id). **Anna de Vries**: Verzoeker stuurt de beschikking op"))
        #expect(latest.contains("- 2026-01-06, 10:00–11:30, Kamer 1 (bemiddelaar: Piet Smit; gehouden)"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/\(versions.last!.dropLast(3)).html"))

        let printed = try await office.succeed(["agreement", "document", reference])
        #expect(printed.contains("Uiterlijk: 2026-01-20. Stand: open."))
        let file = office.daemon.directory.file("afspraken.html")
        #expect(try await office.succeed(["agreement", "document", reference, "--html", "--output", file]).contains("Wrote"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<strong>Gemeente Utrecht</strong>"))
        let again = try await office.ctl(["agreement", "document", reference, "--output", file])
        #expect(again.status == 73 && again.error.contains("already exists"), "\(again.error)")

        let fulfilled = try await office.reply(WireAgreementReply.self, ["agreement", "fulfil", String(added.id)]).agreement
        #expect(fulfilled.state == .fulfilled && !fulfilled.overdue)
        let open = try await office.reply(WireAgreementList.self, ["agreement", "list", "--case", reference, "--open"])
        #expect(open.agreements.map(\.id) == [second.id])
        let shown = try await office.reply(WireShowReply.self, ["case", "show", reference])
        let entries = shown.history.filter { $0.action.hasPrefix("agreement") }
        #expect(entries.map(\.action) == ["agreement-added", "agreement-added", "agreement-fulfilled"])
        #expect(entries.allSatisfy { $0.login == "root" }, "who made the change, from the socket's peer")
        await office.stop()
    }

    @Test func agreementsAreRefusedForSessionsThatDidNotTakePlaceAndNothingIsWritten() async throws {
        let office = try await MediationOffice.open()
        let reference = MediationOffice.freshReference("REF")
        try await office.fileMediationCase(reference)
        let held = try await office.seedHeldSession(reference, on: "2026-01-06")
        let start = WorkingDayCalendar().firstWorkingDay(onOrAfter: CalendarDate(Date()).adding(days: 7))
        // A case has one live session at a time: the cancelled one first, then the one ahead.
        let cancelled = try await office.reply(WireSessionReply.self, [
            "session", "book", "--case", reference, "--mediator", "piet", "--room", "Kamer 1", "--start", "\(start) 13:00",
        ]).session
        try await office.succeed(["session", "cancel", String(cancelled.id), "--reason", "mediator ill"])
        let booked = try await office.reply(WireSessionReply.self, [
            "session", "book", "--case", reference, "--mediator", "piet", "--room", "Kamer 1", "--start", "\(start) 10:00",
        ]).session
        let folder = office.daemon.stateDirectory + "/agreements/" + reference
        let documentsBefore = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []

        await office.expectRefused(["agreement", "add", "--session", String(booked.id), "--party", "agency", "--text", "t"], saying: "has not taken place yet")
        await office.expectRefused(["agreement", "add", "--session", String(cancelled.id), "--party", "agency", "--text", "t"], saying: "was cancelled")
        await office.expectRefused(["agreement", "add", "--session", String(held), "--party", "agency", "--text", "t", "--due", "2026-01-05"],
                                   saying: "the due date 2026-01-05 is before the session of 2026-01-06")
        await office.expectRefused(["agreement", "add", "--session", String(held), "--party", "agency", "--text", "t", "--due", "2026-02-30"],
                                   saying: "--due \"2026-02-30\" is not a date that exists")
        await office.expectRefused(["agreement", "add", "--session", "999", "--party", "agency", "--text", "t"], saying: "there is no session 999")
        await office.expectRefused(["agreement", "add", "--session", String(held), "--party", "agency", "--text", "  "], saying: "must not be empty")
        await office.expectRefused(["agreement", "fulfil", "42"], saying: "there is no agreement 42")
        let wrongParty = try await office.ctl(["agreement", "add", "--session", String(held), "--party", "mayor", "--text", "t"])
        #expect(wrongParty.status == 64 && wrongParty.error.contains("mayor"), "\(wrongParty.error)")

        let listed = try await office.reply(WireAgreementList.self, ["agreement", "list"])
        #expect(listed.total == 0, "no refusal stored anything")
        let documentsAfter = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(documentsAfter.sorted() == documentsBefore.sorted(), "and no document was written")

        let made = try await office.reply(WireAgreementReply.self, ["agreement", "add", "--session", String(held), "--party", "office", "--text", "belt terug"]).agreement
        try await office.succeed(["agreement", "breach", String(made.id), "--note", "niet gebeld"])
        await office.expectRefused(["agreement", "fulfil", String(made.id)], saying: "is already breached")
        await office.expectRefused(["agreement", "edit", String(made.id), "--text", "x"], saying: "is already breached")
        await office.stop()
    }

    @Test func anInvestigationHearsBothSidesAndItsReportIsPublishedAnonymised() async throws {
        let office = try await MediationOffice.open()
        let reference = MediationOffice.freshReference("ONZ")
        try await office.succeed([
            "case", "register", "--reference", reference, "--received", "2025-12-15", "--agency", "Belastingdienst", "--subject", "Toeslag teruggevorderd",
            "--complainant-name", "Marieke de Vries", "--complainant-contact", "Dorpsstraat 4, 1234 AB Ergenshuizen, 06-11223344",
        ])
        await office.expectRefused(["investigation", "ask", reference, "--party", "agency", "--text", "Waarom?"], saying: "not on the investigation track")
        await office.expectRefused(["export", "anonymised", reference], saying: "nothing to publish")
        try await office.succeed(["case", "decide", reference, "--track", "investigation", "--reason", "hoor en wederhoor"])

        let asked = try await office.reply(WireQuestionReply.self, [
            "investigation", "ask", reference, "--party", "agency", "--text", "Waarom is de toeslag teruggevorderd?", "--term", "6w",
        ]).question
        #expect(asked.openTerm?.kind == "answer")
        await office.expectRefused(["investigation", "react", String(asked.id), "--text", "r"], saying: "has not been answered yet")
        await office.expectRefused(["investigation", "answer", "999", "--text", "a"], saying: "there is no question 999")
        let answered = try await office.reply(WireQuestionReply.self, [
            "investigation", "answer", String(asked.id), "--text", "Mevrouw De Vries (06-11223344, BSN 111222333) had een te hoog inkomen.",
        ]).question
        #expect(answered.openTerm?.kind == "reaction")
        try await office.succeed(["investigation", "react", String(asked.id), "--text", "Dat klopt niet; zie mijn brief van 3 januari."])
        try await office.succeed([
            "investigation", "conclude", reference, "--form", "report", "--judgement", "improper",
            "--text", "De Belastingdienst heeft mevrouw De Vries niet gehoord voordat zij terugvorderde.",
        ])
        await office.expectRefused(["investigation", "ask", reference, "--party", "agency", "--text", "Nog iets?"], saying: "is concluded")

        let report = try await office.succeed(["investigation", "document", reference])
        #expect(report.contains("# Rapport – oordeel van de Nationale ombudsman"))
        #expect(report.contains("**niet behoorlijk**"))
        #expect(report.contains("Marieke de Vries"), "the parties' own report names them")
        #expect(FileManager.default.fileExists(atPath: office.daemon.stateDirectory + "/conclusions/\(reference)/v0001.md"))

        let publication = try await office.succeed(["export", "anonymised", reference])
        #expect(publication.contains("**Verzoeker:** verzoeker"))
        #expect(publication.contains("Belastingdienst"), "the government body's name stays")
        #expect(publication.contains("3 januari"), "an ordinary date stays")
        for identifying in ["Marieke", "De Vries", "de Vries", "06-11223344", "111222333", "Dorpsstraat", "1234 AB"] {
            #expect(!publication.contains(identifying), "\(identifying) is in the publication:\n\(publication)")
        }
        let file = office.daemon.directory.file("publicatie.md")
        try await office.succeed(["export", "anonymised", reference, "--output", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == publication)
        await office.stop()
    }

    @Test func aPublicationNamesNoOfficialAndCarriesNoContactDetailsHTMLOrLinksFromTheAgencyField() async throws {
        let office = try await MediationOffice.open()
        let reference = MediationOffice.freshReference("ONZ")
        let agency = "Gemeente Utrecht, tel. 06-12345678, j.devries@utrecht.nl"
        try await office.succeed([
            "case", "register", "--reference", reference, "--received", "2025-12-15", "--agency", agency, "--subject", "Parkeervergunning",
            "--complainant-name", "Marieke de Vries", "--complainant-contact", "Dorpsstraat 4, 1234 AB Ergenshuizen, 06-11223344",
        ])
        try await office.succeed(["case", "decide", reference, "--track", "investigation", "--reason", "hoor en wederhoor"])
        let asked = try await office.reply(WireQuestionReply.self, [
            "investigation", "ask", reference, "--party", "agency", "--text", "Waarom is niet teruggebeld?",
        ]).question
        try await office.succeed([
            "investigation", "answer", String(asked.id), "--text",
            "Mohamed Visser van Gemeente Utrecht belt verzoeker terug; dhr. P. Bakker en mevrouw El Amrani (06-87654321) waren ziek.",
        ])
        try await office.succeed([
            "investigation", "conclude", reference, "--form", "letter", "--judgement", "improper",
            "--text", "<script>alert(1)</script> Zie [de brief](javascript:alert(1)) van de heer Yilmaz.",
        ])
        let publication = try await office.succeed(["export", "anonymised", reference])
        #expect(publication.contains("Een medewerker van Gemeente Utrecht belt verzoeker terug"), "\(publication)")
        #expect(publication.contains(#"\[naam\] en \[naam\] (\[telefoonnummer\]) waren ziek"#), "\(publication)")
        #expect(publication.contains("**Klacht over:** Gemeente Utrecht, tel."))
        #expect(publication.contains(#"\<script\>alert(1)\</script\> Zie \[de brief\](javascript:alert(1)) van \[naam\]."#), "neither HTML nor a link")
        for identifying in ["Mohamed", "Visser", "Bakker", "Amrani", "Yilmaz", "06-12345678", "devries", "06-87654321"] {
            #expect(!publication.contains(identifying), "\(identifying) is in the publication:\n\(publication)")
        }
        await office.stop()
    }

    @Test func aTemplateThatDoesNotParseStopsTheStartAndIsRefusedOnReload() async throws {
        let daemon = DaemonHarness()
        let templates = daemon.directory.file("templates")
        try FileManager.default.copyItem(atPath: daemon.templatesDirectory, toPath: templates)
        daemon.templatesDirectory = templates
        daemon.writeConfiguration()
        let broken = templates + "/agreement.md.mustache"
        let good = try String(contentsOfFile: broken, encoding: .utf8)
        try "# Afspraken\n\n{{#agreements}}\n- {{text}}\n".write(toFile: broken, atomically: true, encoding: .utf8)

        try daemon.startDirect()
        #expect(await daemon.process?.waitForExit(timeout: 20) == 78)
        let said = daemon.process?.standardError ?? ""
        #expect(said.contains("\(broken):"), "the file is named: \(said)")
        #expect(said.contains("not closed"), "\(said)")

        try good.write(toFile: broken, atomically: true, encoding: .utf8)
        try await daemon.startDirectAndWait()
        try "{{/oops}}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await daemon.notify.wait(for: "RELOADING", value: "1") != nil)
        let refused = try #require(try await daemon.journalEntries(["MESSAGE_ID=\(LifecycleJournal.reloadRefused.rawValue)"]).first)
        #expect(refused.string("MEDIATION_CONFIG") == broken)
        #expect(refused.string("MEDIATION_CONFIG_LINE") == "1")
        #expect(refused.string("MESSAGE")?.contains("template") == true)
        #expect(await daemon.stop() == 0)
    }
}

/// A daemon of the test's own with a mediator and a room, and mediationctl pointed at it.
private struct MediationOffice: CommandDesk {
    let daemon: DaemonHarness

    static func open() async throws -> MediationOffice {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let office = MediationOffice(daemon: daemon)
        try await office.succeed(["mediator", "add", "piet", "--name", "Piet Smit"])
        try await office.succeed(["room", "add", "Kamer 1", "--capacity", "4"])
        return office
    }

    /// A reference no earlier run used, since the journal keeps their entries.
    static func freshReference(_ prefix: String) -> String {
        "\(prefix)-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// A complaint received in December 2025, on the mediation track.
    func fileMediationCase(_ reference: String) async throws {
        try await succeed([
            "case", "register", "--reference", reference, "--received", "2025-12-15", "--agency", "Gemeente Utrecht", "--subject", "Parkeerboete",
            "--complainant-name", "Anna de Vries", "--complainant-contact", "anna@example.nl",
        ])
        try await succeed(["case", "decide", reference, "--track", "mediation", "--reason", "beide partijen willen praten"])
    }

    /// A session that took place in the past, which no booking can make (bookings lie ahead):
    /// written straight into the database, as the daemon would have stored it. Returns its id.
    func seedHeldSession(_ reference: String, on day: String) async throws -> Int64 {
        let date = CalendarDate(iso: day)!
        let start = Int64(LocalTime(hour: 10, minute: 0)!.instant(on: date).timeIntervalSince1970 * 1000)
        let end = start + 90 * 60 * 1000
        let result = try await runCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", daemon.stateDirectory + "/mediationd.sqlite", """
            INSERT INTO session (uid, case_reference, mediator, place, starts, ends, state, sequence, booked_at, changed_at)
            VALUES ('seeded-\(reference)@mediationd', '\(reference)', 'piet', 'Kamer 1', \(start), \(end), 'held', 0, \(start - 86_400_000), \(end));
            SELECT last_insert_rowid();
            """])
        guard result.status == 0, let id = Int64(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestSetupError("sqlite3 could not seed a session: \(result.error)")
        }
        return id
    }

    func stop() async {
        #expect(await daemon.stop() == 0)
    }
}
