import Foundation
import Logging
import NIOCore
import Systemd
import TOMLKit

/// Reads `mediationd.toml`: a file of `[section]` tables whose every key must be known and well
/// typed. A mistake is never ignored: it names the file, line and key, and nothing of the file is
/// used, so the daemon runs either on the whole file or not on it at all.
public enum ConfigurationLoader {
    public static let defaultPath = "/etc/mediationd/mediationd.toml"

    /// Where the configuration in force came from: the main file (or the embedded defaults when
    /// the default file is absent) and the drop-ins applied over it, in order.
    public struct Origin: Sendable, Equatable, CustomStringConvertible {
        public let file: String?
        public let dropIns: [String]

        public init(file: String?, dropIns: [String]) {
            self.file = file
            self.dropIns = dropIns
        }

        public var description: String {
            let base = file ?? "built-in defaults"
            return dropIns.isEmpty ? base : "\(base) with \(dropIns.joined(separator: ", "))"
        }
    }

    /// Loads `path`, or the default path when none is given, then the drop-ins beside it
    /// (`mediationd.toml.d/*.toml`, in name order, each overriding what came before, as systemd
    /// does with its own drop-ins). A missing default file means the embedded defaults; a
    /// missing file that was named explicitly is an error. A mistake in any file refuses all.
    public static func load(
        path: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> (DaemonConfiguration, Origin) {
        var configuration = DaemonConfiguration.defaults(environment: environment)
        let file = path ?? defaultPath
        var main: String?
        if FileManager.default.fileExists(atPath: file) {
            configuration = try parse(try read(file), file: file, defaults: configuration)
            main = file
        } else if path != nil {
            throw ConfigurationError(file: file, reason: "no such file; check --config")
        }
        let dropIns = try dropInFiles(beside: file)
        for dropIn in dropIns {
            configuration = try parse(try read(dropIn), file: dropIn, defaults: configuration)
        }
        return (configuration, Origin(file: main, dropIns: dropIns))
    }

    /// `FILE.d/*.toml`, sorted by name; other files there (an editor's backup) are ignored.
    static func dropInFiles(beside file: String) throws(ConfigurationError) -> [String] {
        let directory = file + ".d"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ConfigurationError(file: directory, reason: "is not a readable directory of drop-in files")
        }
        return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted().map { "\(directory)/\($0)" }
    }

    private static func read(_ file: String) throws(ConfigurationError) -> String {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, reason: "cannot be read (permissions?) or is not UTF-8 text")
        }
        return text
    }

    /// Applies the settings in `text` on top of `defaults`.
    public static func parse(_ text: String, file: String, defaults: DaemonConfiguration) throws(ConfigurationError) -> DaemonConfiguration {
        if let refusal = TOMLAbortGuard.refusal(of: text) {
            throw ConfigurationError(file: file, line: refusal.line, reason: refusal.reason)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, reason: error.description)
        } catch {
            throw ConfigurationError(file: file, reason: "\(error)")
        }
        let locator = SourceLocator(text: text)
        var configuration = defaults
        for section in table.keys.sorted() {
            guard ConfigurationSetting.all[section] != nil else {
                throw ConfigurationError(
                    file: file, line: locator.line(ofSection: section), key: section,
                    reason: "unknown section; known sections are \(ConfigurationSetting.all.keys.sorted().map { "[\($0)]" }.joined(separator: ", "))")
            }
            guard let entries = table[section]?.table else {
                throw ConfigurationError(file: file, line: locator.line(ofKey: section, in: nil), key: section, reason: "must be a table: write [\(section)] on a line of its own")
            }
            try apply(entries, section: section, to: &configuration, file: file, locator: locator)
        }
        return configuration
    }

    /// Applies one section's keys, then its sub-sections (`[reminders.intake]` after
    /// `[reminders]`, so that a sub-section starts from what its parent set).
    private static func apply(_ entries: TOMLTable, section: String, to configuration: inout DaemonConfiguration,
                              file: String, locator: SourceLocator) throws(ConfigurationError) {
        let settings = ConfigurationSetting.all[section] ?? []
        var subsections: [(String, TOMLTable)] = []
        for key in entries.keys.sorted() {
            let line = locator.line(ofKey: key, in: section)
            if let subtable = entries[key]?.table, ConfigurationSetting.all["\(section).\(key)"] != nil {
                subsections.append(("\(section).\(key)", subtable))
                continue
            }
            guard let setting = settings.first(where: { $0.key == key }) else {
                let known = settings.map(\.key) + ConfigurationSetting.all.keys.filter { $0.hasPrefix(section + ".") }.sorted().map { "[\($0)]" }
                throw ConfigurationError(
                    file: file, line: line ?? locator.line(ofSection: "\(section).\(key)"), key: "\(section).\(key)",
                    reason: "unknown setting; [\(section)] takes \(known.joined(separator: ", "))")
            }
            do {
                try setting.apply(entries[key]!, &configuration)
            } catch {
                throw ConfigurationError(file: file, line: line, key: "\(section).\(key)", reason: error.reason)
            }
        }
        for (name, subtable) in subsections {
            try apply(subtable, section: name, to: &configuration, file: file, locator: locator)
        }
    }
}

/// Finds the line of a section or key, which the TOML library does not report, so errors can
/// point at it.
struct SourceLocator {
    private let lines: [Substring]

    init(text: String) {
        // "\r\n" is one Character in Swift, so splitting at "\n" alone kept a file written with
        // CRLF in one line and named no line for its mistakes; toml++ counts both.
        lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    func line(ofSection section: String) -> Int? {
        lines.firstIndex { header(of: $0) == section }.map { $0 + 1 }
    }

    func line(ofKey key: String, in section: String?) -> Int? {
        var current: String?
        for (index, line) in lines.enumerated() {
            if let name = header(of: line) {
                current = name
                continue
            }
            guard current == section else { continue }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(spelling) {
                if trimmed.dropFirst(spelling.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
                    return index + 1
                }
            }
        }
        return nil
    }

    private func header(of line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), !trimmed.hasPrefix("[["), let close = trimmed.firstIndex(of: "]") else { return nil }
        return trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingCharacters(in: .whitespaces)
    }
}
