import Mustache

/// What the parties wrote, placed in a Markdown document as text and nothing else: no raw HTML
/// (`<script>`), no links or images (`[x](javascript:…)`, `![x](…)`, `<https://…>`), however
/// a renderer reads it. The characters that start those are escaped with a backslash, which
/// CommonMark shows as the character itself, so the text reads as it was written.
struct MarkdownText: MustacheContentType {
    /// The name a Markdown template gives in its `{{%CONTENT_TYPE: …}}` line.
    static let contentTypeName = "MARKDOWN"

    /// Registered with the template engine once, before the first Markdown template is parsed.
    static let registered: Void = MustacheContentTypes.register(MarkdownText(), named: contentTypeName)

    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if Self.special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The backslash itself, so a written "\" cannot undo the escape that follows it.
    private static let special: Set<Character> = ["\\", "<", ">", "[", "]"]
}
