import Foundation

/// Building blocks for the anonymiser's regular expressions (ICU syntax, as NSRegularExpression
/// reads it). Stored values are always escaped here, so a name or address can never change the
/// meaning of a pattern.
enum RegexSource {
    /// Not preceded by a letter or digit: "Jansen" must not match inside "Janssens".
    static let wordStart = #"(?<![\p{L}\p{N}])"#
    /// Not followed by a letter or digit.
    static let wordEnd = #"(?![\p{L}\p{N}])"#

    static func literal(_ text: String) -> String {
        NSRegularExpression.escapedPattern(for: text)
    }

    static func anyOf(_ sources: [String]) -> String {
        "(?:" + sources.joined(separator: "|") + ")"
    }

    /// Any of `words`, as a prefix tree: "(?:A(?:hmed|li|nna)|M(?:ohamed|ark))". The same
    /// language as a flat alternation, but a match is tried letter by letter instead of word
    /// by word, which matters for thousands of first names tried at every capital.
    static func anyOfWords(_ words: [String]) -> String {
        final class Node {
            var children: [Character: Node] = [:]
            var isWord = false
        }
        let root = Node()
        for word in words {
            var node = root
            for character in word {
                if node.children[character] == nil { node.children[character] = Node() }
                node = node.children[character]!
            }
            node.isWord = true
        }
        func source(_ node: Node) -> String {
            let branches = node.children.keys.sorted().map { literal(String($0)) + source(node.children[$0]!) }
            if branches.isEmpty { return "" }
            if node.isWord { return "(?:" + branches.joined(separator: "|") + ")?" }
            return branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
        }
        return words.isEmpty ? "(?!)" : "(?:" + source(root) + ")"
    }

    static func caseInsensitive(_ source: String) -> String {
        "(?i:" + source + ")"
    }

    /// `source` as a whole word.
    static func word(_ source: String) -> String {
        wordStart + source + wordEnd
    }

    /// The text with any run of spaces or line breaks where it has one: a name or an agency's
    /// name may be broken over two lines in a letter.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).map { literal(String($0)) }.joined(separator: #"\s+"#)
    }

    /// The letters and digits of a stored text in order, with up to a few other characters
    /// between them: a stored "Kerkstraat 12-II, 3511 AB" is still found as "Kerkstraat 12 II,
    /// 3511 AB" or over two lines.
    static func tokens(_ text: String) -> String {
        alphanumericRuns(text).map(literal).joined(separator: #"[^\p{L}\p{N}]{0,6}"#)
    }

    /// Every letter and digit of a stored code with at most one space, dot or dash between
    /// any two: postcodes, IBANs, BSNs and plates are grouped differently by every writer.
    static func compact(_ text: String) -> String {
        alphanumericRuns(text).joined().map { literal(String($0)) }.joined(separator: #"[\s.\-]?"#)
    }

    private static func alphanumericRuns(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
