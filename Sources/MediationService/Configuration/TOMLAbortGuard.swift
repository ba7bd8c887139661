/// Finds what would make the TOML parser abort the process, so that it is refused as the mistake
/// it is.
///
/// toml++ 3.4.0, which TOMLKit 0.6.0 (its newest) bundles, checks some of its own preconditions
/// with assertions, which release builds keep, and a few inputs break them: the process aborts
/// instead of getting a parse error. A typo like that in mediationd.toml killed the daemon at
/// start, and on reload, where the file's comment promises that a broken file is refused and the
/// settings in force stay. Fuzz/fuzz-config found two, both fixed in toml++ after 3.4.0:
///
/// - a table header whose name starts with a character no key starts with: `[$`, `[=x]`, `[[.a]]`
///   (parse_key);
/// - a `}` where an array expects a value: `before = [5, }` (parse_value).
///
/// Neither is valid TOML, so refusing them changes nothing for a file toml++ can read. The scan
/// follows strings and comments, where both are text, and the brackets, which tell a table
/// header from an array that starts a line.
enum TOMLAbortGuard {
    /// The number of the first line toml++ would abort on, nil when there is none.
    static func lineThatWouldAbort(in text: String) -> Int? {
        var scanner = Scanner(Array(text.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// The `[` of arrays and the `{` of inline tables not yet closed.
        var open: [UInt8] = []
        /// The last byte that is not blank, a line break or in a comment.
        var previous: UInt8?

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            // toml++ skips a byte order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func run() -> Int? {
            var atLineStart = true
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    index += 1
                    atLineStart = true
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "#"):
                    skipLine()
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                case UInt8(ascii: "[") where atLineStart && open.isEmpty:
                    guard headerIsReadable() else { return line }
                    skipLine()
                    atLineStart = false
                    previous = nil
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    open.append(byte)
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if byte == UInt8(ascii: "}"), open.last == UInt8(ascii: "["),
                       previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") {
                        return line
                    }
                    if !open.isEmpty { open.removeLast() }
                    index += 1
                default:
                    index += 1
                }
                previous = byte
                atLineStart = false
            }
            return nil
        }

        /// After a `[` that starts a header: `[` again for a table array (touching the first),
        /// blanks, then what toml++ reads as the start of a key, or the `]` it refuses itself.
        private mutating func headerIsReadable() -> Bool {
            var at = index + 1
            let afterBracket = at
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t") { at += 1 }
            if at == afterBracket, at < bytes.count, bytes[at] == UInt8(ascii: "[") {
                at += 1
                while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t") { at += 1 }
            }
            // At the end of the text toml++ reports the missing name itself.
            guard at < bytes.count else { return true }
            switch bytes[at] {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
                return true
            default:
                return false
            }
        }

        /// To the line break, which is left for `run` to count.
        private mutating func skipLine() {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        }

        /// Past a string: basic (`"`, with escapes) or literal (`'`), on one line or, tripled,
        /// over several.
        private mutating func skipString(quote: UInt8) {
            let tripled = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            index += tripled ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { line += 1 }
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    // A one-line string ends at the line break, as toml++ reports.
                    guard tripled else { return }
                    line += 1
                } else if byte == quote {
                    if !tripled {
                        index += 1
                        return
                    }
                    if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                        // Up to two more quotes belong to the string: """a""""" is a"".
                        index += 3
                        for _ in 0..<2 where index < bytes.count && bytes[index] == quote { index += 1 }
                        return
                    }
                }
                index += 1
            }
        }
    }
}
