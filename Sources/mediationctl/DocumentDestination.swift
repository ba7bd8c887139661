import ArgumentParser
import Foundation

/// Where a document goes: standard output, or a file that must not exist yet, written whole or
/// not at all.
struct DocumentDestination: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of printing; it must not exist.", valueName: "path"))
    var output: String?

    @Flag(help: "HTML that prints well, instead of Markdown.")
    var html = false

    var format: String { html ? "html" : "markdown" }

    /// Refuses a path that cannot be written before the daemon is asked for anything.
    func check() throws(CLIFailure) {
        if let output { try ExclusiveOutputFile.check(output) }
    }

    func deliver(_ text: String, what: String) throws(CLIFailure) {
        guard let output else {
            let shown = TerminalText.forStandardOutput(text)
            print(shown, terminator: shown.hasSuffix("\n") ? "" : "\n")
            return
        }
        let file = try ExclusiveOutputFile(output, mode: 0o640)
        try file.write(Data(text.utf8))
        try file.commit()
        print("Wrote \(what) to \(output).")
    }
}

extension DocumentDestination {
    init(output: String?) {
        self.init()
        self.output = output
    }
}
