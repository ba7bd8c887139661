import Foundation
import Glibc
import TestSupport

/// The command line of `mediation-bench`.
struct Options {
    var daemon = ".build/release/mediationd"
    var output = "BENCHMARKS.md"
    var iterations = 20_000
    var warmup = 2_000
    var rounds = 5
    /// Calls per block in the GetStatus section, which alternates blocks of GetStatus and echo.
    var statusBlock = 100
    /// Calls at the start of each such block that are timed apart, as they wake a sleeping server.
    var statusSettle = 2
    var cases = 1_000_000
    var startRuns = 10
    var reminders = 300
    var searches = 300
    var bookingsPerClient = 72
    var bookingClients = 16
    /// The mediationctl whose `status` is timed: the one `make release` builds and the package
    /// installs, with the Swift runtime linked in statically.
    var control = ".build-pkg/release/mediationctl"
    var controlCases = 10_000
    var controlRuns = 300
    /// Blocks timed beside a slow export, each with its reference block.
    var slowRounds = 10
    /// Markdown files appended to the report as they are, in name order: sections measured
    /// elsewhere, which a regeneration must keep.
    var notes = "Benchmarks/notes"
    /// The flooder of the abuse section, as built beside this program; its connections, and the
    /// blocks of GetStatus calls timed before the flood as the reference.
    var flood = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mediation-flood").path
    var floodConnections = 600
    var abuseQuietBlocks = 20
    /// Closed cases in the database a purge is timed on.
    var erasureCases = 50_000
    /// The anonymiser section: the shipped list of first names, and deduce to compare with,
    /// installed at this version into this virtual environment when it is not there yet.
    var firstNames = "Config/templates/first-names.txt"
    var deduceEnvironment = ".build/deduce-venv"
    var deduceVersion = "3.0.6"
    var deduceScript = "Benchmarks/deduce/deidentify.py"
    /// Which parts to run: status, ctl, cases, scheduling, abuse, slow, erasure, anonymiser.
    var sections: Set<String> = ["status", "ctl", "cases", "scheduling", "abuse", "slow", "erasure", "anonymiser"]

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            switch flag {
            case "--daemon": daemon = rest.popFirst() ?? daemon
            case "--output": output = rest.popFirst() ?? output
            case "--iterations": iterations = rest.popFirst().flatMap(Int.init) ?? iterations
            case "--warmup": warmup = rest.popFirst().flatMap(Int.init) ?? warmup
            case "--rounds": rounds = rest.popFirst().flatMap(Int.init) ?? rounds
            case "--status-block": statusBlock = rest.popFirst().flatMap(Int.init).map { max($0, 1) } ?? statusBlock
            case "--status-settle": statusSettle = rest.popFirst().flatMap(Int.init).map { max($0, 0) } ?? statusSettle
            case "--cases": cases = rest.popFirst().flatMap(Int.init) ?? cases
            case "--start-runs": startRuns = rest.popFirst().flatMap(Int.init) ?? startRuns
            case "--reminders": reminders = rest.popFirst().flatMap(Int.init) ?? reminders
            case "--searches": searches = rest.popFirst().flatMap(Int.init) ?? searches
            case "--sections": sections = Set((rest.popFirst() ?? "").split(separator: ",").map(String.init))
            case "--booking-clients": bookingClients = rest.popFirst().flatMap(Int.init) ?? bookingClients
            case "--bookings-per-client": bookingsPerClient = rest.popFirst().flatMap(Int.init) ?? bookingsPerClient
            case "--ctl": control = rest.popFirst() ?? control
            case "--ctl-cases": controlCases = rest.popFirst().flatMap(Int.init) ?? controlCases
            case "--ctl-runs": controlRuns = rest.popFirst().flatMap(Int.init) ?? controlRuns
            case "--slow-rounds": slowRounds = rest.popFirst().flatMap(Int.init).map { max($0, 1) } ?? slowRounds
            case "--notes": notes = rest.popFirst() ?? notes
            case "--first-names": firstNames = rest.popFirst() ?? firstNames
            case "--deduce-venv": deduceEnvironment = rest.popFirst() ?? deduceEnvironment
            case "--flood": flood = rest.popFirst() ?? flood
            case "--erasure-cases": erasureCases = rest.popFirst().flatMap(Int.init).map { max($0, 1_000) } ?? erasureCases
            case "--flood-connections": floodConnections = rest.popFirst().flatMap(Int.init) ?? floodConnections
            default:
                FileHandle.standardError.write(Data("usage: mediation-bench [--daemon PATH] [--output FILE] [--iterations N] [--warmup N] [--rounds N] [--status-block N] [--status-settle N] [--cases N] [--start-runs N] [--reminders N] [--searches N] [--bookings-per-client N] [--booking-clients N] [--ctl PATH] [--ctl-cases N] [--ctl-runs N] [--slow-rounds N] [--notes DIR] [--flood PATH] [--flood-connections N] [--erasure-cases N] [--first-names FILE] [--deduce-venv DIR] [--sections status,ctl,cases,scheduling,abuse,slow,erasure,anonymiser]\n".utf8))
                exit(64)
            }
        }
    }
}

