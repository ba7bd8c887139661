import ArgumentParser
import Foundation
import Varlink

/// How results are printed: a table for people, JSON for scripts.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// Bold headings only on a terminal, and never when NO_COLOR is set (no-color.org).
    var style: TextStyle {
        let environment = ProcessInfo.processInfo.environment
        let colour = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        return TextStyle(enabled: colour)
    }

    func printJSON(_ value: JSONValue) {
        print(value.prettyDescription)
    }
}

struct TextStyle {
    let enabled: Bool

    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func warning(_ text: String) -> String { enabled ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }
}

extension JSONValue {
    var prettyDescription: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return compactDescription }
        return String(decoding: data, as: UTF8.self)
    }
}
