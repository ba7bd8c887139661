import Foundation
import TestSupport

/// `make bench`: measures the targets the issues set, against the release build of the daemon,
/// and writes the numbers with the machine and the command to BENCHMARKS.md.

let options = Options(CommandLine.arguments)
// Read before anything runs: the figures below are only as quiet as the machine was.
let loadBefore = shell("cut -d' ' -f1-3 /proc/loadavg")

var sections: [String] = []
if options.sections.contains("status") { sections.append(try statusRoundTrip(options)) }
if options.sections.contains("ctl") { sections.append(try ControlWallTime(options: options).run()) }
if options.sections.contains("cases") { sections.append(try CaseLoad(options: options).run()) }
if options.sections.contains("scheduling") { sections.append(try SchedulingLoad(options: options).run()) }
if options.sections.contains("abuse") { sections.append(try AbuseLoad(options: options).run()) }
if options.sections.contains("slow") { sections.append(try SlowHandlerLoad(options: options).run()) }
if options.sections.contains("erasure") { sections.append(try ErasureCost(options: options).run()) }
if options.sections.contains("anonymiser") { sections.append(try AnonymiserComparison(options: options).run()) }
let report = """
# Benchmarks

Written by `\(CommandLine.arguments.joined(separator: " "))`
on \(shell("date -u '+%Y-%m-%d at %H:%M UTC'")), on release builds (`make bench` builds them and runs it). Every figure stands
next to a reference measured in the same run: on a shared machine, compare with those, not with earlier runs.

Machine: \(shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")), \(shell("nproc")) cores, \(shell("free -g | awk '/Mem:/ {print $2}'")) GiB memory,
\(shell("uname -srm")), \(shell("swift --version 2>/dev/null | head -1")).
Load average (1, 5, 15 minutes) before the run: \(loadBefore).


""" + (sections + notes(in: options.notes)).joined(separator: "\n")
try report.write(toFile: options.output, atomically: true, encoding: .utf8)
print(report)
