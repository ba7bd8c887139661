import Foundation
import TestSupport

/// The output of a `/bin/sh` command line, trimmed, or "?" when it cannot run: for the facts
/// about the machine that only a shell tool reports.
func shell(_ command: String) -> String {
    (try? blockingRunCommand("/bin/sh", ["-c", command]).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? "?"
}
