import Foundation
import Glibc

// Drives the real daemon with parallel clients and kills it with SIGKILL again and again; exits
// 1 if any acknowledged write was lost, a slot given twice, the database damaged or a reminder
// missed. `make crash-test` runs it.
let options = CrashOptions(CommandLine.arguments)
do {
    exit(try await CrashRun(options: options).perform() ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("mediation-crash-test: \(error)\n".utf8))
    exit(2)
}
