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

    /// Where the configuration in force came from.
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        case file(String)
        case builtInDefaults

        public var description: String {
            switch self {
            case .file(let path): path
            case .builtInDefaults: "built-in defaults"
            }
        }
    }

    /// Loads `path`, or the default path when none is given. A missing default file means the
    /// embedded defaults; a missing file that was named explicitly is an error.
    public static func load(
        path: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> (DaemonConfiguration, Origin) {
        let defaults = DaemonConfiguration.defaults(environment: environment)
        let file = path ?? defaultPath
        guard FileManager.default.fileExists(atPath: file) else {
            if path == nil { return (defaults, .builtInDefaults) }
            throw ConfigurationError(file: file, reason: "no such file; check --config")
        }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, reason: "cannot be read (permissions?) or is not UTF-8 text")
        }
        return (try parse(text, file: file, defaults: defaults), .file(file))
    }

    /// Applies the settings in `text` on top of `defaults`.
    public static func parse(_ text: String, file: String, defaults: DaemonConfiguration) throws(ConfigurationError) -> DaemonConfiguration {
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
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
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
