import Foundation
import MediationCore
import Mustache

/// The documents the daemon writes from templates the office may edit (Config/templates).
public enum DocumentKind: String, Sendable, CaseIterable {
    /// Afsprakenoverzicht: the agreements made in a case's mediation sessions, for both parties.
    case agreements = "agreement"
    /// The investigation's closing letter or report.
    case conclusion
}

public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    /// Standalone, with a print style sheet, to print or save as PDF.
    case html

    public var fileExtension: String { rawValue }
}

/// A template that is missing or does not parse, with where.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let reason: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(reason)"
    }
}

/// Every template parsed once, at start and on reload, so that a mistake is found then, with
/// its file and line, and not when a document is due. The list of first names the anonymiser
/// recognises people by lives beside them: found, installed, checked and reloaded the same way,
/// and the office may extend it as it edits the wording.
public struct DocumentTemplates: Sendable {
    public let directory: String
    private let templates: [String: MustacheTemplate]
    /// For publications: "Mohamed Visser" is a person because Mohamed is on this list.
    public let firstNames: FirstNames

    /// The list of first names in the templates directory, one name a line.
    public static let firstNamesFile = "first-names.txt"

    /// The file each document is rendered from, e.g. `agreement.md.mustache`.
    public static func fileName(_ kind: DocumentKind, _ format: DocumentFormat) -> String {
        "\(kind.rawValue).\(format.fileExtension).mustache"
    }

    public static func load(from directory: String) throws(TemplateError) -> DocumentTemplates {
        var templates: [String: MustacheTemplate] = [:]
        for kind in DocumentKind.allCases {
            for format in DocumentFormat.allCases {
                let name = fileName(kind, format)
                let path = (directory as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw TemplateError(file: path, line: nil, column: nil, reason: "cannot be read; every document needs its template (\(name))")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError(file: path, line: nil, column: nil, reason: "is not UTF-8 text")
                }
                templates[name] = try parse(text, format: format, path: path)
            }
        }
        return DocumentTemplates(directory: directory, templates: templates, firstNames: try firstNames(in: directory))
    }

    private static func firstNames(in directory: String) throws(TemplateError) -> FirstNames {
        let path = (directory as NSString).appendingPathComponent(firstNamesFile)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: path, line: nil, column: nil,
                                reason: "cannot be read as UTF-8 text; publications need the list of first names (\(firstNamesFile))")
        }
        let names = FirstNames(listing: text)
        guard !names.names.isEmpty else {
            throw TemplateError(file: path, line: nil, column: nil, reason: "lists no first names; publications need them")
        }
        return names
    }

    /// Renders a document; every template exists, since `load` checked them all.
    public func render(_ kind: DocumentKind, _ format: DocumentFormat, _ document: CaseDocument) -> String {
        templates[Self.fileName(kind, format)]!.render(document.context)
    }

    private static func parse(_ text: String, format: DocumentFormat, path: String) throws(TemplateError) -> MustacheTemplate {
        // Markdown is text: values go in as written, not HTML-escaped, but with what would make
        // them HTML or a link escaped (MarkdownText). The directive is a line of its own in front
        // of the file (it renders as nothing), so errors are one line on.
        MarkdownText.registered
        let directiveLines = format == .markdown ? 1 : 0
        let source = format == .markdown ? "{{%CONTENT_TYPE: \(MarkdownText.contentTypeName)}}\n" + text : text
        do {
            return try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            let line = max(1, error.context.lineNumber - directiveLines)
            throw TemplateError(file: path, line: line, column: error.context.columnNumber, reason: describe(error.error))
        } catch {
            throw TemplateError(file: path, line: nil, column: nil, reason: "\(error)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with another name than it was opened with ({{#name}} … {{/name}})"
        case .unfinishedName?: "a tag is not closed with }}"
        case .expectedSectionEnd?: "a section is not closed; add {{/name}}"
        case .invalidSetDelimiter?: "the delimiter change is not valid"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: "unknown {{% … }} setting"
        default: "the template does not parse (\(error))"
        }
    }
}
