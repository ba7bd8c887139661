import Foundation

/// The Markdown files in `directory` (`*.md`), in name order, as they are: sections measured by
/// other tools (fuzzing, abuse and crash runs) that a regeneration of the report must keep.
func notes(in directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
        try? String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
    }
}
