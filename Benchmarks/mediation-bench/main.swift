import Foundation
import TestSupport

/// `make bench`: measures the targets the issues set, against the release build of the daemon,
/// and writes the numbers with the machine and the command to BENCHMARKS.md.

let options = Options(CommandLine.arguments)

var sections: [String] = []
if options.sections.contains("status") { sections.append(try statusRoundTrip(options)) }
if options.sections.contains("ctl") { sections.append(try ControlWallTime(options: options).run()) }
if options.sections.contains("cases") { sections.append(try CaseLoad(options: options).run()) }
if options.sections.contains("scheduling") { sections.append(try SchedulingLoad(options: options).run()) }
let report = """
# Benchmarks

Measured by `make bench` (`.build/release/mediation-bench --daemon .build/release/mediationd --output BENCHMARKS.md`),
release builds, on \(shell("date -u +%Y-%m-%d")).

Machine: \(shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")), \(shell("nproc")) cores, \(shell("free -g | awk '/Mem:/ {print $2}'")) GiB,
\(shell("uname -srm")), \(shell("swift --version 2>/dev/null | head -1")).

""" + sections.joined(separator: "\n")
try report.write(toFile: options.output, atomically: true, encoding: .utf8)
print(report)
