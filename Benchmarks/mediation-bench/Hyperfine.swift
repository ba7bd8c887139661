import Foundation
import TestSupport

/// Times whole commands from process start to exit with hyperfine, each in its own run list,
/// without a shell in between (`--shell=none`), so only the command's own start-up counts.
struct Hyperfine {
    /// One command's runs: wall times, and the CPU time a run took on average, all its threads,
    /// which tells a slow command from one that waited or was crowded out on a shared machine.
    struct Timing {
        var wall = RoundTripSample()
        var cpuMilliseconds = 0.0
    }

    var executable = "/usr/bin/hyperfine"
    var warmup = 20
    var runs: Int

    /// The timings of each command, in the order given; a command that fails fails the run.
    func measure(_ commands: [String], exportingTo json: String) throws -> [Timing] {
        let arguments = ["--shell=none", "--style", "basic", "--warmup", "\(warmup)", "--runs", "\(runs)", "--export-json", json] + commands
        let result = try blockingRunCommand(executable, arguments, environment: nil, timeout: 1200)
        guard result.status == 0 else { fatalError("hyperfine failed (\(result.status)): \(result.error)") }
        return try Self.timings(in: json)
    }

    /// hyperfine's JSON export: `results[].times` in seconds per run, `user` and `system` means.
    private static func timings(in json: String) throws -> [Timing] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let results = document?["results"] as? [[String: Any]] ?? []
        return results.map { result in
            var timing = Timing()
            for seconds in result["times"] as? [Double] ?? [] { timing.wall.record(UInt64(seconds * 1e9)) }
            timing.cpuMilliseconds = ((result["user"] as? Double ?? 0) + (result["system"] as? Double ?? 0)) * 1000
            return timing
        }
    }
}
