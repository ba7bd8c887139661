import Foundation
import Glibc
import MediationCore
import MediationService
import TestSupport
import Testing

/// `mediationctl case`, `deadline` and `watch` against the real daemon: what each command prints,
/// what it refuses, and that a refusal changes nothing.
///
/// Received dates lie in the past so that intake due dates are fixed: a complaint received on
/// Monday 2026-01-05 is due Monday 2026-01-26, three weeks on with no holiday in between. What
/// counts from today (a track's term starts on the day it is decided) is computed from the clock,
/// allowing for a test that runs across midnight in Amsterdam.
@Suite("mediationctl case, deadline and watch", .timeLimit(.minutes(5)))
struct CaseCommandTests {
    // MARK: Register

    @Test func registerNumbersTheCaseAndPrintsItsIntakeDueDate() async throws {
        let office = try await Office.open()
        let days = OfficeDays()
        let first = try await office.run(Office.registration(received: "2026-01-05"))
        let match = try #require(first.output.firstMatch(of: /Registered case (\d{4})-(\d{4})\./), "\(first.output)")
        let year = String(match.output.1)
        #expect(days.possible.map { String($0.year) }.contains(year), "generated references are numbered within the current year")
        #expect(match.output.2 == "0001")
        #expect(first.output.contains(/Intake due\s+2026-01-26 \(overdue\)/), "\(first.output)")
        #expect(!first.output.contains("\u{1B}["), "no colour when not on a terminal")

        let second = try await office.json(Office.registration(), as: WireCaseReply.self).case
        #expect(second.reference == "\(year)-0002")
        #expect(days.strings { $0 }.contains(second.received), "without --received the complaint counts as received today")
        let threeWeeks = Office.rules.terms.intake
        #expect(days.strings { threeWeeks.end(after: $0, in: Office.rules.calendar) }.contains(second.deadlines.first?.due ?? "none"))

        // Received on a Saturday: three weeks on is Saturday 31 January, so Monday 2 February.
        let given = try await office.json(Office.registration(reference: "ABC/2026.1", received: "2026-01-10", agency: "Gemeente Utrecht"), as: WireCaseReply.self).case
        #expect(given.reference == "ABC/2026.1")
        #expect(given.status == .intake)
        #expect(given.complainant == WireComplainant(name: "Anna de Vries", contact: "anna@example.nl"))
        #expect(given.deadlines.map(\.kind) == ["intake"])
        #expect(given.deadlines.first?.due == "2026-02-02")
        #expect(given.deadlines.first?.overdue == true)

        let taken = try await office.ctl(Office.registration(reference: "ABC/2026.1", received: "2026-01-12", agency: "UWV"))
        expectRefusal(taken, saying: "ABC/2026.1 is already in use")
        let kept = try await office.show("ABC/2026.1")
        #expect(kept.case.agency == "Gemeente Utrecht" && kept.case.received == "2026-01-10", "the first case with the reference is left as it was")
        #expect(kept.history.count == 1)
        #expect(try await office.json(["case", "list"], as: WireCaseList.self).total == 3)
        await office.stop()
    }

    // MARK: Decide and show

    @Test func decideStartsTheTrackAndShowListsWhoDidWhat() async throws {
        let office = try await Office.open()
        try await office.register("D-1")
        let days = OfficeDays()
        let decided = try await office.run(["case", "decide", "D-1", "--track", "mediation", "--reason", "both sides want to talk"])
        #expect(decided.output.contains("Decided case D-1: mediation (bemiddelingsgesprek)."), "\(decided.output)")
        #expect(decided.output.contains(/Mediation due\s+\d{4}-\d{2}-\d{2}/), "\(decided.output)")

        let shown = try await office.show("D-1")
        #expect(shown.case.status == .inTrack)
        #expect(shown.case.decision?.track == .mediation)
        #expect(shown.case.decision?.reason == "both sides want to talk")
        #expect(days.strings { $0 }.contains(shown.case.decision?.decidedOn ?? "none"))
        #expect(shown.case.deadlines.map(\.kind) == ["intake", "mediation"])
        #expect(shown.case.deadlines.map(\.state) == ["met", "open"])
        #expect(days.strings { $0 }.contains(shown.case.deadlines.first?.settledOn ?? "none"), "deciding meets the intake deadline")
        let mediationTerm = try #require(Office.rules.terms.tracks[.mediation])
        #expect(days.strings { mediationTerm.end(after: $0, in: Office.rules.calendar) }.contains(shown.case.deadlines.last?.due ?? "none"))
        #expect(shown.history.map(\.action) == ["registered", "decided"])
        #expect(shown.history.allSatisfy { $0.login == callerLogin && $0.uid == Int(getuid()) }, "\(shown.history)")

        let table = try await office.run(["case", "show", "D-1"])
        let lines = table.output.split(separator: "\n").map(String.init)
        #expect(table.output.hasPrefix("Case D-1\n"))
        #expect(table.output.contains("Anna de Vries, anna@example.nl"), "show is where the complainant is printed")
        #expect(table.output.contains("mediation (bemiddelingsgesprek), decided"))
        #expect(lines.contains { $0.hasPrefix("intake") && $0.contains("2026-01-26") && $0.contains("met") }, "\(table.output)")
        for action in ["registered", "decided"] {
            #expect(lines.contains { $0.contains("\(callerLogin) (\(getuid()))") && $0.contains(action) }, "history line for \(action): \(table.output)")
        }

        try await office.register("D-2")
        let notOurs = try await office.json(["case", "decide", "D-2", "--track", "not-competent", "--reason", "a court case"], as: WireCaseReply.self).case
        #expect(notOurs.decision?.track == .notCompetent)
        #expect(notOurs.deadlines.last?.kind == "not-competent")
        #expect(try await office.run(["case", "show", "D-2"]).output.contains("not-competent (niet bevoegd)"))

        try await office.register("D-3")
        let referred = try await office.json(["case", "decide", "D-3", "--track", "referral", "--reason", "about a school", "--referred-to", "Kinderombudsman"], as: WireCaseReply.self).case
        #expect(referred.decision?.referredTo == "Kinderombudsman")
        #expect(try await office.run(["case", "show", "D-3"]).output.contains("referral (doorverwijzing) to Kinderombudsman"))
        await office.stop()
    }

    // MARK: Suspend, resume, extend, close

    @Test func suspendResumeExtendAndCloseMoveTheDeadlineAsTheRulesSay() async throws {
        let office = try await Office.open()
        try await office.register("S-1")

        // From the intake due date 2026-01-26: two weeks is Monday 9 February; five days is
        // Saturday 14 February, so Monday 16; three working days after that is Thursday 19.
        let twoWeeks = try await office.run(["case", "extend", "S-1", "--by", "2w", "--reason", "the agency asked for time"])
        #expect(twoWeeks.output.contains("Extended the open deadline of case S-1 by 2w."), "\(twoWeeks.output)")
        #expect(twoWeeks.output.contains(/Intake due\s+2026-02-09/), "\(twoWeeks.output)")
        let fiveDays = try await office.json(["case", "extend", "S-1", "--by", "5d", "--reason", "documents arrive late"], as: WireCaseReply.self).case
        #expect(fiveDays.deadlines.map(\.due) == ["2026-02-16"])
        let workingDays = try await office.json(["case", "extend", "S-1", "--by", "3wd", "--reason", "one more question"], as: WireCaseReply.self).case
        #expect(workingDays.deadlines.map(\.due) == ["2026-02-19"])

        let days = OfficeDays()
        let suspended = try await office.run(["case", "suspend", "S-1", "--reason", "waiting for the agency's file"])
        #expect(suspended.output.contains("Suspended case S-1 (opschorting)"), "\(suspended.output)")
        let whileSuspended = try await office.show("S-1")
        #expect(whileSuspended.case.status == .suspended)
        #expect(whileSuspended.case.suspension?.reason == "waiting for the agency's file")
        let since = try #require(whileSuspended.case.suspension.flatMap { CalendarDate(iso: $0.since) })
        #expect(days.possible.contains(since))
        let deadlines = try await office.run(["deadline", "list"])
        #expect(deadlines.output.split(separator: "\n").contains { $0.contains("S-1") && $0.contains("suspended") }, "\(deadlines.output)")

        let resumed = try await office.json(["case", "resume", "S-1"], as: WireCaseReply.self).case
        #expect(resumed.status == .intake)
        #expect(resumed.suspension == nil)
        // Resumed the day it was suspended (or the next, across midnight): the due date moves by
        // those days, onto a working day.
        let suspendedFor = days.strings { Office.rules.calendar.firstWorkingDay(onOrAfter: CalendarDate(iso: "2026-02-19")!.adding(days: since.days(until: $0))) }
        #expect(suspendedFor.contains(resumed.deadlines.first?.due ?? "none"), "\(resumed.deadlines)")

        let closed = try await office.run(["case", "close", "S-1", "--outcome", "the agency paid"])
        #expect(closed.output.contains("Closed case S-1."), "\(closed.output)")
        #expect(closed.output.contains(/Deadline\s+none open/), "\(closed.output)")
        let final = try await office.show("S-1")
        #expect(final.case.status == .closed)
        #expect(final.case.closure?.outcome == "the agency paid")
        #expect(days.strings { $0 }.contains(final.case.closure?.on ?? "none"))
        #expect(final.case.deadlines.map(\.state) == ["met"], "closing meets the open deadline")
        #expect(final.history.map(\.action) == ["registered", "extended", "extended", "extended", "suspended", "resumed", "closed"])
        #expect(try await office.json(["deadline", "list"], as: WireDeadlineList.self).deadlines.isEmpty)

        expectRefusal(try await office.ctl(["case", "suspend", "S-1", "--reason", "too late"]), saying: "S-1 is closed")
        await office.stop()
    }

    // MARK: Refusals

    @Test func badInputIsRefusedWithTheReasonAndChangesNothing() async throws {
        let office = try await Office.open()
        try await office.register("B-1")
        try await office.run(["case", "decide", "B-1", "--track", "mediation", "--reason", "both sides want to talk"])
        try await office.register("B-2")
        let before = try await office.snapshot(["B-1", "B-2"])

        let future = CalendarDate(Date()).adding(days: 30).description
        let refusals: [(arguments: [String], saying: String)] = [
            (["case", "show", "NOPE-1"], "there is no case NOPE-1"),
            (["case", "suspend", "NOPE-1", "--reason", "x"], "there is no case NOPE-1"),
            (Office.registration(received: "2026-02-30"), "--received \"2026-02-30\" is not a date that exists"),
            (Office.registration(received: "05-01-2026"), "write it as YYYY-MM-DD"),
            (Office.registration(received: future), "received date \(future) is after today"),
            (Office.registration(received: "0001-01-01"), "0001-01-01 is outside the dates the office works with, 1990-01-01 to 2199-12-31"),
            (Office.registration(received: "1989-12-31"), "--received 1989-12-31 is outside the dates the office works with"),
            (["case", "register", "--agency", String(repeating: "a", count: 201), "--subject", "s", "--complainant-name", "n", "--complainant-contact", "c"],
             "--agency is longer than the 200 characters it takes"),
            (["case", "register", "--agency", "a", "--subject", "s", "--complainant-name", String(repeating: "n", count: 201), "--complainant-contact", "c"],
             "--complainant-name is longer than the 200 characters it takes"),
            (["case", "extend", "B-1", "--by", "9999w", "--reason", "x"], "extended by 9999w would be 22"),
            (["case", "extend", "B-1", "--by", "9999w", "--reason", "x"], "outside the dates the office works with (1990-01-01 to 2199-12-31)"),
            (Office.registration(reference: "B-1"), "B-1 is already in use"),
            (Office.registration(reference: "no spaces"), "\"no spaces\" is not a case reference"),
            (["case", "decide", "B-1", "--track", "investigation", "--reason", "second thoughts"], "B-1 was already decided (mediation)"),
            (["case", "decide", "B-2", "--track", "referral", "--reason", "not ours"], "add --referred-to"),
            (["case", "decide", "B-2", "--track", "mediation", "--reason", "talk", "--referred-to", "RvdK"], "--referred-to only goes with --track referral"),
            (["case", "resume", "B-1"], "B-1 is not suspended"),
            (["case", "extend", "B-1", "--by", "0w", "--reason", "x"], "--by \"0w\" is not a term"),
            (["case", "extend", "B-1", "--by", "-2w", "--reason", "x"], "--by \"-2w\" is not a term"),
            (["case", "extend", "B-1", "--by", "2 weeks", "--reason", "x"], "is not a term"),
            (["case", "suspend", "B-1", "--reason", "  "], "must not be empty"),
            (["case", "list", "--due-within", "soon"], "--due-within \"soon\" is not a term"),
            (["case", "list", "--limit", "0"], "limit 0 is out of range"),
            (["deadline", "list", "--within", "-1d"], "--within \"-1d\" is not a term"),
        ]
        for refusal in refusals {
            let result = try await office.ctl(refusal.arguments)
            expectRefusal(result, saying: refusal.saying, "mediationctl \(refusal.arguments.joined(separator: " "))")
        }
        #expect(try await office.snapshot(["B-1", "B-2"]) == before, "a refused command changes nothing")

        let usage = try await office.ctl(["case", "decide", "B-2", "--track", "arbitration", "--reason", "x"])
        #expect(usage.status == 64, "argument-parser knows the tracks: \(usage.error)")
        #expect(usage.error.contains("not-competent"))
        await office.stop()
    }

    // MARK: Lists

    @Test func caseListFiltersAndSaysWhenItIsCutShort() async throws {
        let office = try await Office.open()
        try await office.fileFourCases()

        let all = try await office.json(["case", "list"], as: WireCaseList.self)
        #expect(all.total == 4)
        #expect(all.cases.map(\.reference) == ["L-A", "L-B", "L-C", "L-D"], "by due date, closed cases last")
        #expect(all.cases.map(\.overdue) == [true, false, false, false])

        let table = try await office.run(["case", "list"])
        #expect(references(in: table.output, among: ["L-A", "L-B", "L-C", "L-D"]) == ["L-A", "L-B", "L-C", "L-D"], "\(table.output)")
        #expect(table.output.contains("2026-01-26 (overdue)"))
        #expect(table.output.contains("4 in all"))
        #expect(!table.output.contains("Anna de Vries") && !table.output.contains("anna@example.nl"), "lists carry no personal data")

        let filters: [(arguments: [String], expected: [String])] = [
            (["--open"], ["L-A", "L-B", "L-C"]),
            (["--overdue"], ["L-A"]),
            (["--track", "investigation"], ["L-C"]),
            (["--track", "mediation"], ["L-D"]),
            (["--track", "not-competent"], []),
            (["--due-within", "5w"], ["L-A", "L-B"]),
            (["--open", "--due-within", "60d", "--track", "investigation"], []),
        ]
        for filter in filters {
            let listed = try await office.json(["case", "list"] + filter.arguments, as: WireCaseList.self)
            #expect(listed.cases.map(\.reference) == filter.expected, "case list \(filter.arguments)")
            #expect(listed.total == filter.expected.count)
            let rows = try await office.run(["case", "list"] + filter.arguments)
            #expect(references(in: rows.output, among: ["L-A", "L-B", "L-C", "L-D"]) == filter.expected, "\(rows.output)")
            if filter.expected.isEmpty { #expect(rows.output == "No cases match.\n") }
        }

        let cut = try await office.run(["case", "list", "--limit", "2"])
        #expect(references(in: cut.output, among: ["L-A", "L-B", "L-C", "L-D"]) == ["L-A", "L-B"])
        #expect(cut.output.contains("showing 2 of 4; use --limit to see more"), "\(cut.output)")
        let cutJSON = try await office.json(["case", "list", "--limit", "2"], as: WireCaseList.self)
        #expect(cutJSON.cases.count == 2 && cutJSON.total == 4)
        await office.stop()
    }

    /// Columns are as wide as their text reads: an agency typed with a combining accent (Zoe +
    /// U+0308, one character in two code units) is padded like any other, not one short.
    @Test func listColumnsLineUpWithCombiningAccents() async throws {
        let office = try await Office.open()
        for (reference, agency) in [("Z-1", "Gemeente Zoe\u{308}"), ("Z-2", "Belastingdienst Utrecht"), ("Z-3", "Gemeente Zoe\u{308}terwoude")] {
            _ = try await office.run(Office.registration(reference: reference, received: "2026-01-05", agency: agency))
        }
        let table = try await office.run(["case", "list"])
        let rows = table.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Z-") }
        #expect(rows.count == 3, "\(table.output)")
        let subjectColumns = Set(rows.compactMap { row in row.firstRange(of: "allowance paid late").map { row.distance(from: row.startIndex, to: $0.lowerBound) } })
        #expect(subjectColumns.count == 1, "the subject starts in the same column on every row: \(table.output)")
        #expect(rows.contains { $0.contains("Gemeente Zoe\u{308}terwoude ") }, "and no agency is cut: \(table.output)")
        await office.stop()
    }

    @Test func deadlineListShowsOpenDeadlinesByDueDate() async throws {
        let office = try await Office.open()
        try await office.fileFourCases()

        let all = try await office.json(["deadline", "list"], as: WireDeadlineList.self)
        #expect(all.deadlines.map(\.reference) == ["L-A", "L-B", "L-C"], "the closed case has no open deadline")
        #expect(all.deadlines.map(\.deadline) == ["intake", "intake", "investigation"])
        #expect(all.deadlines.first?.due == "2026-01-26")
        #expect(all.deadlines.map(\.overdue) == [true, false, false])
        #expect(all.total == 3)

        #expect(try await office.json(["deadline", "list", "--overdue"], as: WireDeadlineList.self).deadlines.map(\.reference) == ["L-A"])
        #expect(try await office.json(["deadline", "list", "--within", "5w"], as: WireDeadlineList.self).deadlines.map(\.reference) == ["L-A", "L-B"])

        try await office.run(["case", "suspend", "L-B", "--reason", "waiting for the complainant"])
        let table = try await office.run(["deadline", "list"])
        let lines = table.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("DUE") == true, "\(table.output)")
        #expect(lines.contains { $0.contains("L-A") && $0.contains("2026-01-26 (overdue)") }, "\(table.output)")
        #expect(lines.contains { $0.contains("L-B") && $0.contains("suspended") }, "\(table.output)")
        #expect(lines.contains { $0.contains("L-C") && $0.contains("investigation") }, "\(table.output)")
        #expect(table.output.contains("3 in all"))

        let cut = try await office.run(["deadline", "list", "--limit", "1"])
        #expect(references(in: cut.output, among: ["L-A", "L-B", "L-C"]) == ["L-A"])
        #expect(cut.output.contains("showing 1 of 3; use --limit to see more"), "\(cut.output)")
        let byDefault = try await office.run(["deadline"])
        #expect(references(in: byDefault.output, among: ["L-A", "L-B", "L-C"]) == ["L-A", "L-B", "L-C"], "list is what deadline does by default")
        await office.stop()
    }

    @Test func statusCountsOpenCasesAndNamesTheNextDeadline() async throws {
        let office = try await Office.open()
        try await office.fileFourCases()
        // Counted beside the reminder timer, at most every two seconds: wait for the count of
        // the four cases as filed. A count taken while they were filed can have three open too
        // (L-C registered overdue and not yet decided), so the open ones alone do not tell.
        var counts: JSONObject?
        for _ in 0..<100 {
            counts = try await office.daemon.status()?.object("cases")
            if counts?.int("open") == 3, counts?.int("overdue") == 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let cases = try #require(counts, "GetStatus never carried the counts")
        #expect(cases.int("open") == 3, "L-D is closed")
        #expect(cases.int("overdue") == 1, "only L-A's intake (2026-01-26) has passed")
        // The next deadline is the first still to come; L-A's is counted as overdue instead.
        let next = try #require(cases.object("nextDeadline"))
        let intakeDue = OfficeDays().strings { Office.rules.terms.intake.end(after: $0, in: Office.rules.calendar) }
        #expect(next.string("reference") == "L-B" && next.string("kind") == "intake")
        #expect(intakeDue.contains(next.string("due") ?? "none"))

        let table = try await office.run(["status"])
        #expect(table.output.contains("Cases        3 open case(s), 1 overdue, next deadline L-B intake on \(next.string("due") ?? "")"), "\(table.output)")
        await office.stop()
    }

    @Test func aRowThatCannotBeReadIsLeftOutOfListsNamedOnceAndCounted() async throws {
        let office = try await Office.open()
        try await office.register("U-1")
        try await office.register("U-2")
        // As a damaged row or one from an older release would read: a due date and a received
        // date that are not dates.
        let damage = try await runCommand("/usr/bin/sqlite3", ["-cmd", ".timeout 10000", office.daemon.stateDirectory + "/mediationd.sqlite",
            "UPDATE deadline SET due = '10000-01-05' WHERE case_reference = 'U-1'; UPDATE case_file SET received = '0000-13-45' WHERE reference = 'U-1';"])
        try #require(damage.status == 0, "\(damage.error)")

        for _ in 0..<2 {
            let deadlines = try await office.json(["deadline", "list"], as: WireDeadlineList.self)
            #expect(deadlines.deadlines.map(\.reference) == ["U-2"])
            #expect(deadlines.unreadable == 1)
            let cases = try await office.json(["case", "list"], as: WireCaseList.self)
            #expect(cases.cases.map(\.reference) == ["U-2"])
            #expect(cases.unreadable == 1)
        }
        let table = try await office.run(["deadline", "list"])
        #expect(table.output.contains("1 left out that cannot be read (journalctl -u mediationd names them)"), "\(table.output)")
        #expect(!table.output.contains("use --limit"), "the list was not cut short: \(table.output)")

        let status = try #require(try await office.daemon.status())
        #expect(status.int("unreadableCases") == 1)
        #expect(try await office.run(["status"]).output.contains("1 case(s) left out of listings"))

        let log = office.daemon.process?.standardError ?? ""
        #expect(log.components(separatedBy: "case U-1 cannot be read").count - 1 == 1, "named once:\n\(log)")
        await office.stop()
    }

    // MARK: Watch

    @Test func watchPrintsAChangeAsItHappensAndStopsQuietlyOnInterrupt() async throws {
        let office = try await Office.open()
        let watch = try office.startWatch([])
        let reference = try await office.changeUntilWatched(watch)
        try await office.run(["case", "decide", reference, "--track", "intervention", "--reason", "a phone call will do"])
        let line = try await waitForLine(in: watch) { $0.contains(reference) && $0.contains("decided by \(callerLogin)") }
        #expect(line.contains("decided: intervention"), "\(line)")
        #expect(!watch.standardOutput.contains("Anna de Vries"), "events carry no personal data")

        watch.signal(SIGINT)
        #expect(await watch.waitForExit(timeout: 30) == 0)
        #expect(watch.standardError.isEmpty, "\(watch.standardError)")
        await office.stop()
    }

    @Test func controlCharactersFromTheDaemonAreShownEscapedAndJSONStaysExact() async throws {
        let office = try await Office.open()
        let watch = try office.startWatch([])
        let reference = try await office.changeUntilWatched(watch)
        // A colour, a bell, a carriage return, an 8-bit CSI that clears the screen, and an OSC
        // that sets the window title.
        let hostile = "red\u{1B}[31m!\u{07}\rback\u{9B}2J\u{1B}]0;pwned\u{07}"
        let shownAs = "red\\x1b[31m!\\a\\rback\\u009b2J\\x1b]0;pwned\\a"
        try await office.run(["case", "suspend", reference, "--reason", hostile])
        let line = try await waitForLine(in: watch) { $0.contains(reference) && $0.contains("suspended") }

        let show = try await office.run(["case", "show", reference])
        let list = try await office.run(["case", "list"])
        let refused = try await office.ctl(["case", "show", "X\u{1B}[2J"])
        for (what, text) in [("case show", show.output), ("case list", list.output), ("watch", line), ("an error", refused.error)] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) },
                    "\(what) wrote a control character: \(text.debugDescription)")
        }
        #expect(show.output.contains(shownAs), "\(show.output)")
        #expect(line.contains(shownAs), "\(line)")
        #expect(refused.error.contains("\"X\\x1b[2J\" is not a case reference"), "\(refused.error)")

        let exact = try await office.show(reference)
        #expect(exact.case.suspension?.reason == hostile, "--json gives the text as stored")
        watch.signal(SIGINT)
        #expect(await watch.waitForExit(timeout: 30) == 0)
        await office.stop()
    }

    @Test func watchWithJSONPrintsOneEventALine() async throws {
        let office = try await Office.open()
        let watch = try office.startWatch(["--json"])
        let reference = try await office.changeUntilWatched(watch)
        try await office.run(["case", "suspend", reference, "--reason", "waiting"])
        _ = try await waitForLine(in: watch) { $0.contains(reference) && $0.contains("\"suspended\"") }

        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let events = try watch.standardOutput.split(separator: "\n").map { try decoder.decode(WireEventReply.self, from: Data($0.utf8)).event }
        let suspension = try #require(events.first { $0.reference == reference && $0.action == "suspended" })
        #expect(suspension.kind == .change)
        #expect(suspension.login == callerLogin)
        #expect(suspension.summary == "suspended: waiting")
        watch.signal(SIGINT)
        #expect(await watch.waitForExit(timeout: 30) == 0)
        await office.stop()
    }

    @Test func watchEndsWithUnavailableWhenTheDaemonGoesAway() async throws {
        let office = try await Office.open()
        let watch = try office.startWatch([])
        _ = try await office.changeUntilWatched(watch)
        office.daemon.signal(SIGKILL)
        #expect(await watch.waitForExit(timeout: 30) == 69)
        #expect(watch.standardError.contains("closed the connection"), "\(watch.standardError)")
        #expect(watch.standardError.split(separator: "\n").count == 1)
    }

    @Test func watchEndsWithUnavailableWhenTheDaemonStops() async throws {
        let office = try await Office.open()
        let watch = try office.startWatch([])
        _ = try await office.changeUntilWatched(watch)
        await office.stop()
        let status = await watch.waitForExit(timeout: 30)
        #expect(status == 69, "\(watch.standardError)")
        #expect(watch.standardError.contains("closed the connection"), "\(watch.standardError)")
    }

    // MARK: Help and reachability

    @Test func helpNamesTheTermsStaffUse() async throws {
        let expectations: [(arguments: [String], saying: [String])] = [
            (["case", "--help"], ["register", "decide", "suspend", "resume", "extend", "close", "show", "list"]),
            (["case", "register", "--help"], ["--complainant-name", "--received", "YYYY-MM-DD", "klacht"]),
            (["case", "decide", "--help"], ["not-competent", "niet bevoegd", "bemiddelingsgesprek", "--referred-to"]),
            (["case", "suspend", "--help"], ["opschorting"]),
            (["case", "extend", "--help"], ["verlenging", "--by"]),
            (["case", "list", "--help"], ["--due-within", "--overdue", "--limit"]),
            (["deadline", "list", "--help"], ["--within", "termijnen"]),
            (["watch", "--help"], ["journalctl -f", "69"]),
        ]
        for expectation in expectations {
            let result = try await runCommand(BuiltProducts.mediationctl, expectation.arguments)
            #expect(result.status == 0)
            for text in expectation.saying {
                #expect(result.output.contains(text), "mediationctl \(expectation.arguments.joined(separator: " ")) mentions \(text)")
            }
        }
    }

    @Test func withoutADaemonEveryCommandSaysSoWithUnavailable() async throws {
        let directory = TemporaryDirectory()
        for arguments in [["case", "list"], ["case", "show", "X-1"], ["deadline", "list"], ["watch"]] {
            let result = try await runCommand(BuiltProducts.mediationctl, arguments + ["--socket", directory.file("absent.sock")])
            #expect(result.status == 69, "\(arguments)")
            #expect(result.error.contains("mediationd is not running"), "\(result.error)")
        }
    }
}

// MARK: - Helpers

/// The caller's login as the daemon looks it up from the socket's peer: root when the tests run
/// as root.
private let callerLogin: String = {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return String(getuid()) }
    return String(cString: name)
}()

/// Expects a refusal from the daemon: exit 65, nothing on stdout, one line on stderr that says why.
private func expectRefusal(_ result: CommandResult, saying reason: String, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 65, "\(context): \(result.error)", sourceLocation: sourceLocation)
    #expect(result.output.isEmpty, "\(context): \(result.output)", sourceLocation: sourceLocation)
    #expect(result.error.hasPrefix("mediationctl: ") && result.error.contains(reason), "\(context): \(result.error)", sourceLocation: sourceLocation)
    #expect(result.error.split(separator: "\n").count == 1, "\(context): \(result.error)", sourceLocation: sourceLocation)
}

/// The references of `candidates` in the order the table's rows print them.
private func references(in table: String, among candidates: [String]) -> [String] {
    table.split(separator: "\n").compactMap { line in
        candidates.first { line.hasPrefix($0 + " ") || line.contains(" \($0) ") }
    }
}

/// Reads a watch's output until a line matches; the watch writes each event as it comes.
private func waitForLine(in watch: ChildProcess, timeout: Double = 60, _ matches: (String) -> Bool) async throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let line = watch.standardOutput.split(separator: "\n").map(String.init).first(where: matches) { return line }
        guard watch.isRunning else { break }
        try await Task.sleep(for: .milliseconds(200))
    }
    throw TestSetupError("no such line from watch; it printed:\n\(watch.standardOutput)\nand on stderr:\n\(watch.standardError)")
}

/// The office days a step may have run on: the day the test began it and the day it ended,
/// which differ only when a test runs across midnight in Amsterdam.
private struct OfficeDays {
    let first = CalendarDate(Date())

    var possible: Set<CalendarDate> { [first, CalendarDate(Date())] }

    func strings(_ compute: (CalendarDate) -> CalendarDate) -> Set<String> {
        Set(possible.map { compute($0).description })
    }
}

/// A daemon of the test's own, and the mediationctl calls the test makes to it.
private struct Office {
    let daemon: DaemonHarness

    /// The rules the harness's daemon works by: its configuration sets no terms or holidays.
    static let rules = DaemonConfiguration.defaults().workflow

    static func open() async throws -> Office {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        return Office(daemon: daemon)
    }

    static func registration(reference: String? = nil, received: String? = nil, agency: String = "Belastingdienst") -> [String] {
        var arguments = ["case", "register", "--agency", agency, "--subject", "allowance paid late",
                         "--complainant-name", "Anna de Vries", "--complainant-contact", "anna@example.nl"]
        if let reference { arguments += ["--reference", reference] }
        if let received { arguments += ["--received", received] }
        return arguments
    }

    func ctl(_ arguments: [String]) async throws -> CommandResult {
        try await daemon.ctl(arguments + ["--socket", daemon.socketPath])
    }

    /// Runs a command that must succeed.
    @discardableResult
    func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> CommandResult {
        let result = try await ctl(arguments)
        try #require(result.status == 0, "mediationctl \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs a command with --json and reads what it printed as the daemon's reply.
    func json<Reply: Decodable>(_ arguments: [String], as type: Reply.Type, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Reply {
        let result = try await run(arguments + ["--json"], sourceLocation: sourceLocation)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(result.output.utf8))
    }

    func register(_ reference: String, received: String? = "2026-01-05") async throws {
        try await run(Self.registration(reference: reference, received: received))
    }

    func show(_ reference: String) async throws -> WireShowReply {
        try await json(["case", "show", reference], as: WireShowReply.self)
    }

    /// Cases in each state the lists filter on, in due-date order:
    /// L-A undecided and overdue (intake due 2026-01-26), L-B received today (intake in three
    /// weeks), L-C in investigation (thirteen weeks from today), L-D decided and closed.
    func fileFourCases() async throws {
        try await register("L-A")
        try await register("L-B", received: nil)
        try await register("L-C")
        try await run(["case", "decide", "L-C", "--track", "investigation", "--reason", "needs hoor en wederhoor"])
        try await register("L-D")
        try await run(["case", "decide", "L-D", "--track", "mediation", "--reason", "talk"])
        try await run(["case", "close", "L-D", "--outcome", "agreements made"])
    }

    /// What a refused command must leave alone: the listing and each case's state and history.
    /// Reminder times are left out: the daemon's own timer moves them on.
    func snapshot(_ references: [String]) async throws -> [String] {
        let list = try await json(["case", "list"], as: WireCaseList.self)
        var state = ["\(list.total): \(list.cases)"]
        for reference in references {
            let shown = try await show(reference)
            let wireCase = shown.case
            let deadlines = wireCase.deadlines.map { "\($0.kind) \($0.due) \($0.state) \($0.settledOn ?? "-")" }
            state.append("\(wireCase.reference) \(wireCase.status) \(String(describing: wireCase.decision)) \(String(describing: wireCase.suspension)) \(String(describing: wireCase.closure)) \(deadlines) \(shown.history.count)")
        }
        return state
    }

    func startWatch(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(
            BuiltProducts.mediationctl, ["watch", "--socket", daemon.socketPath] + arguments,
            environment: ["PATH": "/usr/bin:/bin"], directory: daemon.directory, name: "watch-\(UUID().uuidString.prefix(8))")
    }

    /// Registers cases until the watch prints one, and returns its reference. Nothing says when
    /// a freshly started watch has subscribed, so a change made too early is simply not seen;
    /// the next attempt is.
    func changeUntilWatched(_ watch: ChildProcess) async throws -> String {
        for attempt in 1...20 {
            let reference = "W-\(attempt)"
            try await run(Self.registration(reference: reference))
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline, watch.isRunning {
                if watch.standardOutput.contains(" \(reference) ") || watch.standardOutput.contains("\"\(reference)\"") { return reference }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw TestSetupError("watch printed no change; stdout:\n\(watch.standardOutput)\nstderr:\n\(watch.standardError)")
    }

    func stop() async {
        #expect(await daemon.stop() == 0)
    }
}
