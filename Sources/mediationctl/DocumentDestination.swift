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

    func validate() throws {
        guard let output else { return }
        if FileManager.default.fileExists(atPath: output) {
            throw ValidationError("\(output) already exists; give a new path, or remove the file first")
        }
        let directory = (output as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.isWritableFile(atPath: directory) {
            throw ValidationError("cannot write in \(directory); give a path in a directory you may write to")
        }
    }

    func deliver(_ text: String, what: String) throws(CLIFailure) {
        guard let output else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        // Exclusive create: a file that appeared since `validate` is not overwritten.
        let temporary = output + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o640]),
              link(temporary, output) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIFailure(message: "could not write \(output): \(reason); nothing was written", exitCode: 73)
        }
        unlink(temporary)
        print("Wrote \(what) to \(output).")
    }
}

extension DocumentDestination {
    init(output: String?) {
        self.init()
        self.output = output
    }
}
