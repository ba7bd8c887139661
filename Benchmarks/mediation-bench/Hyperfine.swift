import Foundation
import TestSupport

/// Times whole commands from process start to exit with hyperfine, each in its own run list,
/// without a shell in between (`--shell=none`), so only the command's own start-up counts.
struct Hyperfine {
    var executable = "/usr/bin/hyperfine"
    var warmup = 20
    var runs: Int

    /// The wall times of each command, in the order given; a command that fails fails the run.
    func measure(_ commands: [String], exportingTo json: String) throws -> [RoundTripSample] {
        let arguments = ["--shell=none", "--style", "basic", "--warmup", "\(warmup)", "--runs", "\(runs)", "--export-json", json] + commands
        let result = try blockingRunCommand(executable, arguments, environment: nil, timeout: 1200)
        guard result.status == 0 else { fatalError("hyperfine failed (\(result.status)): \(result.error)") }
        return try Self.times(in: json)
    }

    /// hyperfine's JSON export: `results[].times`, seconds per run.
    private static func times(in json: String) throws -> [RoundTripSample] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let results = document?["results"] as? [[String: Any]] ?? []
        return results.map { result in
            var sample = RoundTripSample()
            for seconds in result["times"] as? [Double] ?? [] { sample.record(UInt64(seconds * 1e9)) }
            return sample
        }
    }
}
