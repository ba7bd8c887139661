import Foundation
import MediationCore
import TestSupport

/// Issue 14's targets for publications: the people nobody stored and the identifiers of every
/// kind, removed from the corpus of TestSupport's `AnonymisationCorpus` by mediationd's
/// anonymiser (as the daemon builds it for a case) and by deduce, the Dutch de-identification
/// package, on the same texts. deduce is installed for the benchmark only, into a virtual
/// environment under .build; the product does not depend on it.
struct AnonymiserComparison {
    let options: Options

    func run() throws -> String {
        let load = shell("cut -d' ' -f1-3 /proc/loadavg")
        let samples = AnonymisationCorpus.samples
        let firstNames = FirstNames(listing: try String(contentsOfFile: options.firstNames, encoding: .utf8))
        let started = ContinuousClock.now
        let ours = samples.map { sample in
            Anonymiser(details: [
                IdentifyingDetail(field: "the complainant's name", value: sample.complainantName, kind: .name(role: "verzoeker")),
                IdentifyingDetail(field: "the complainant's contact details", value: sample.complainantContact, kind: .contact),
            ], keep: [sample.agency], firstNames: firstNames).anonymise(sample.text)
        }
        let ourSeconds = Self.seconds(ContinuousClock.now - started)
        let whole = samples.map(\.text).joined(separator: "\n\n")
        let anonymiser = Anonymiser(details: [], keep: ["UWV"], firstNames: firstNames)
        let wholeStarted = ContinuousClock.now
        _ = anonymiser.anonymise(whole)
        let wholeSeconds = Self.seconds(ContinuousClock.now - wholeStarted)
        let deduce = try runDeduce(samples.map(\.text))
        let score = AnonymisationScore(samples: samples, outputs: ours)
        return report(samples: samples, ours: score, ourSeconds: ourSeconds, whole: (whole.utf8.count, wholeSeconds),
                      deduce: AnonymisationScore(samples: samples, outputs: deduce.texts), deduceVersion: deduce.version,
                      deduceSeconds: deduce.seconds, firstNames: firstNames, load: load)
    }

    /// deduce's output for each text, installing it first when the environment lacks it.
    private func runDeduce(_ texts: [String]) throws -> (texts: [String], version: String, seconds: Double) {
        let python = options.deduceEnvironment + "/bin/python"
        if !FileManager.default.isExecutableFile(atPath: python) || shell("\(python) -c 'import deduce' && echo ok") != "ok" {
            let install = shell("python3 -m venv \(options.deduceEnvironment) && \(options.deduceEnvironment)/bin/pip install --quiet deduce==\(options.deduceVersion) >&2 && echo ok")
            guard install.hasSuffix("ok") else { fatalError("could not install deduce \(options.deduceVersion) into \(options.deduceEnvironment)") }
        }
        let directory = TemporaryDirectory()
        let input = directory.file("corpus.json"), output = directory.file("deduce.json")
        try JSONSerialization.data(withJSONObject: texts).write(to: URL(fileURLWithPath: input))
        let result = try blockingRunCommand(python, [options.deduceScript, input, output], timeout: 1800)
        guard result.status == 0 else { fatalError("deduce failed (\(result.status)): \(result.error)") }
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any] ?? [:]
        return (document["texts"] as? [String] ?? [], document["version"] as? String ?? "?", document["seconds"] as? Double ?? 0)
    }

    private func report(samples: [AnonymisationSample], ours: AnonymisationScore, ourSeconds: Double, whole: (bytes: Int, seconds: Double),
                        deduce: AnonymisationScore,
                        deduceVersion: String, deduceSeconds: Double, firstNames: FirstNames, load: String) -> String {
        func cell(_ tally: AnonymisationScore.Tally) -> String {
            String(format: "%d (%.1f%%)", tally.removed, tally.rate * 100)
        }
        func row(_ label: String, _ ours: AnonymisationScore.Tally, _ theirs: AnonymisationScore.Tally) -> String {
            "| \(label) | \(ours.planted) | \(cell(ours)) | \(cell(theirs)) |"
        }
        let kinds = AnonymisationSample.Kind.allCases
        var rows = kinds.filter(\.isPersonName).map { row($0.rawValue, ours.byKind[$0]!, deduce.byKind[$0]!) }
        rows.append(row("**all person names**", ours.names, deduce.names))
        rows.append(row("… of which with a tussenvoegsel", ours.namesWithTussenvoegsel, deduce.namesWithTussenvoegsel))
        rows.append(row("… of which double surnames", ours.doubleSurnames, deduce.doubleSurnames))
        rows += kinds.filter { !$0.isPersonName }.map { row($0.rawValue, ours.byKind[$0]!, deduce.byKind[$0]!) }
        rows.append(row("decoys removed (fewer is better)", ours.decoys, deduce.decoys))

        let identifierKinds = kinds.filter { !$0.isPersonName && $0 != .storedDetail }
        func names(_ kinds: [AnonymisationSample.Kind]) -> String { kinds.map(\.rawValue).joined(separator: ", ") }
        let better = identifierKinds.filter { ours.byKind[$0]!.removed > deduce.byKind[$0]!.removed }
        let bothAll = identifierKinds.filter { ours.byKind[$0]!.rate == 1 && deduce.byKind[$0]!.rate == 1 }
        let worse = identifierKinds.filter { !better.contains($0) && !bothAll.contains($0) }
        let verdicts = [
            "person names \(ours.names.rate >= 0.98 ? "met" : "not met") (\(String(format: "%.1f%%", ours.names.rate * 100)) removed, ≥ 98% wanted)",
            "decoys \(ours.decoys.rate <= 0.01 ? "met" : "not met") (\(String(format: "%.2f%%", ours.decoys.rate * 100)) removed, ≤ 1% wanted)",
            "stored identifiers \(ours.byKind[.storedDetail]!.rate == 1 ? "met" : "not met")",
            "better than deduce on \(names(better))"
                + (bothAll.isEmpty ? "" : "; both removed every \(names(bothAll)), so neither can do better")
                + (worse.isEmpty ? "" : "; not better on \(names(worse))"),
        ]
        let perSample = { (seconds: Double) in String(format: "%.2f ms", seconds * 1000 / Double(samples.count)) }
        let leftOver = ours.survivors.map { "\"\($0.planted)\"" }
        let shipped = Set(firstNames.names)
        // A hyphenated first name counts as known when each part is, as the scanner reads it.
        let known = AnonymisationCorpus.firstNames.filter { $0.split(separator: "-").allSatisfy { shipped.contains(String($0)) } }
        return """
        ## Anonymisation: people and identifiers nobody stored (issue 14)

        \(samples.count) short Dutch case texts from `AnonymisationCorpus` (Tests/TestSupport), generated with a
        fixed seed: \(AnonymisationCorpus.perKind) of each of the \(AnonymisationSample.Kind.allCases.count) kinds below, one planted person or identifier a
        text, in a sentence frame for its kind, after a sentence that starts with a decoy word. The
        surnames (Dutch, Turkish, Moroccan, Surinamese, Polish, with tussenvoegsels and double names)
        are on no list the anonymiser ships. The corpus's \(AnonymisationCorpus.firstNames.count) first names were written down apart
        from the shipped list (Config/templates/first-names.txt, \(firstNames.names.count) names from Faker's nl_NL, nl_BE
        and de_DE providers and from gender.c's nam_dict, see its header), which knows \(known.count) of them; names after a form of address or initials
        need no list. Decoys: the case's agency (kept) and another (not kept), places (Den Haag,
        Bergen op Zoom, 's-Hertogenbosch), months, weekdays, and words of the OpenTaal list (wdutch)
        starting a sentence, 121 of them also first names ("Fleur", "Mark"). Each text has the
        complainant's name and contact details stored; the last row plants them, respelled ("06 1234
        5678" for "06-12345678", "mevrouw Bakker").

        mediationd: `Anonymiser` as `mediationd` builds it for a case (the complainant stored, the
        agency kept). deduce \(deduceVersion) (UMC Utrecht, PyPI), default settings, given each text alone.
        Removed means: no identifying word of a name (given name, surname without its tussenvoegsels)
        is left; no identifier in any spelling, nor four of its digits in a row.

        | planted | count | removed by mediationd | removed by deduce |
        |---|---|---|---|
        \(rows.joined(separator: "\n"))

        Time for all texts: mediationd \(perSample(ourSeconds)) a text (building the anonymiser for each
        case included), deduce \(perSample(deduceSeconds)) a text (after loading its lookup tables). All texts
        as one (\(whole.bytes / 1024) KiB) through one anonymiser: \(String(format: "%.0f ms", whole.seconds * 1000)). Load average (1, 5, 15
        minutes) before this section: \(load), on a machine shared with other work.

        Targets: \(verdicts.joined(separator: "; ")).
        Left by mediationd: \(leftOver.isEmpty ? "nothing" : leftOver.joined(separator: ", ")).
        Decoys removed by mediationd: \(ours.lostDecoys.isEmpty ? "none" : ours.lostDecoys.map { "\"\($0.decoy)\"" }.joined(separator: ", ")).
        Measured on \(shell("date -u '+%Y-%m-%d'")), \(shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'")), \(shell("nproc")) cores, by
        `\(CommandLine.arguments.joined(separator: " "))`.

        """
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
