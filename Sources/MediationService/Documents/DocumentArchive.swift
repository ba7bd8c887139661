import Foundation
import Glibc

/// Each version of a case's documents, kept under the state directory:
/// `agreements/REF/v0001.md` and `.html`, then `v0002`, … A version is written only when its
/// text differs from the one before, and atomically, so a crash leaves the previous version whole.
struct DocumentArchive: Sendable {
    let directory: String

    /// The folder for one case. References may hold `/` (`ABC/2026.1`), so anything outside
    /// letters, digits, `.`, `-` and `_` is percent-encoded: unique and readable. A reference
    /// starts with a letter or digit, so it is never `.` or `..`.
    func folder(_ kind: DocumentKind, reference: String) -> String {
        let safe = reference.utf8.map { byte -> String in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                String(UnicodeScalar(byte))
            default:
                "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }.joined()
        let name = kind == .agreements ? "agreements" : "conclusions"
        return "\(directory)/\(name)/\(safe)"
    }

    /// The number of the newest version, 0 when none was written.
    func latestVersion(_ kind: DocumentKind, reference: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder(kind, reference: reference))) ?? []
        return names.compactMap(Self.version).max() ?? 0
    }

    func path(_ kind: DocumentKind, reference: String, version: Int, format: DocumentFormat) -> String {
        "\(folder(kind, reference: reference))/v\(String(version).leftPadded(to: 4, with: "0")).\(format.fileExtension)"
    }

    /// Writes the rendered formats as the next version, unless the Markdown is the newest
    /// version's already. Returns the version written, or nil when nothing changed.
    @discardableResult
    func store(_ kind: DocumentKind, reference: String, rendered: [DocumentFormat: String]) throws -> Int? {
        let latest = latestVersion(kind, reference: reference)
        if latest > 0, let markdown = rendered[.markdown],
           FileManager.default.contents(atPath: path(kind, reference: reference, version: latest, format: .markdown)) == Data(markdown.utf8) {
            return nil
        }
        let folder = folder(kind, reference: reference)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
        let version = latest + 1
        // Markdown last: its file is what marks a version as complete (`latestVersion`).
        for format in DocumentFormat.allCases.reversed() {
            guard let text = rendered[format] else { continue }
            try AtomicFile.write(Data(text.utf8), to: path(kind, reference: reference, version: version, format: format), mode: 0o640, durable: true)
        }
        return version
    }

    private static func version(_ name: String) -> Int? {
        guard name.hasPrefix("v"), name.hasSuffix(".md") else { return nil }
        return Int(name.dropFirst().dropLast(3))
    }
}

extension String {
    func leftPadded(to length: Int, with pad: Character = "0") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
