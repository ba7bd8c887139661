import Foundation
import TestSupport

/// `mediation-flood`: the hostile client of StuckFlood, as a program of its own so that it can
/// run as another user. Prints its report as JSON.
var arguments = ArraySlice(CommandLine.arguments.dropFirst())
var values: [String: String] = [:]
while let name = arguments.popFirst(), let value = arguments.popFirst() {
    values[name] = value
}
guard let socketPath = values["--socket"], let connections = values["--connections"].flatMap(Int.init), let call = values["--call"],
      let refusalError = values["--refusal-error"], let watch = values["--watch"].flatMap(Double.init) else {
    FileHandle.standardError.write(Data("usage: mediation-flood --socket PATH --connections N --call JSON --refusal-error NAME --watch SECONDS\n".utf8))
    exit(64)
}
raiseDescriptorLimit(to: connections + 64)
let report = PipelinedFlood(socketPath: socketPath, connections: connections, call: call, refusalError: refusalError, watch: watch).run()
let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
FileHandle.standardOutput.write(try encoder.encode(report))
