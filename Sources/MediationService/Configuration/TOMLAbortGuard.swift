/// Finds what would make the TOML parser abort the process, so that it is refused as the mistake
/// it is.
///
/// toml++ 3.4.0, which TOMLKit 0.6.0 (its newest) bundles, checks some of its own preconditions
/// with assertions, which release builds keep, and some inputs break them: the process aborts
/// instead of getting a parse error. A typo like that in mediationd.toml killed the daemon at
/// start, and on reload, where the file's comment promises that a broken file is refused and the
/// settings in force stay. Fuzz/fuzz-config found three:
///
/// - a table header whose name starts with a character no key starts with: `[$`, `[=x]`
///   (toml++ fixed it after 3.4.0, pull request 301);
/// - a `}` where a list expects a value: `before = [5, }`;
/// - a date whose time does not start with a digit: `1979-05-27T:`.
///
/// The first is checked as such. For values, rather than chase toml++'s code for dates, times
/// and fractions, they are refused outright: no setting takes one. A value must start a string,
/// a list or an inline table, or be a whole number or true or false. The scan follows strings and
/// comments, where all of this is text, and the brackets, which tell a table header from a list
/// that starts a line. Nothing it refuses is a file the daemon could use.
enum TOMLAbortGuard {
    struct Refusal: Equatable {
        let line: Int
        let reason: String
    }

    static func refusal(of text: String) -> Refusal? {
        var scanner = Scanner(Array(text.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// The `[` of lists and the `{` of inline tables not yet closed.
        var open: [UInt8] = []
        /// After `=`, or where a list takes its next element.
        var expectingValue = false

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            // toml++ skips a byte order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        var inList: Bool { open.last == UInt8(ascii: "[") }

        mutating func run() -> Refusal? {
            var atLineStart = true
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"):
                    line += 1
                    index += 1
                    atLineStart = true
                    // Only a list goes on past the end of a line; toml++ reports a missing value.
                    if !inList { expectingValue = false }
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "#"):
                    skipLine()
                    continue
                case UInt8(ascii: "[") where atLineStart && open.isEmpty && !expectingValue:
                    guard headerIsReadable() else { return Refusal(line: line, reason: Self.header) }
                    skipLine()
                    continue
                default:
                    break
                }
                atLineStart = false
                if expectingValue {
                    expectingValue = false
                    if let refusal = checkValue(startingWith: byte) { return refusal }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString(quote: byte)
                case UInt8(ascii: "="):
                    expectingValue = true
                    index += 1
                case UInt8(ascii: ","):
                    expectingValue = inList
                    index += 1
                case UInt8(ascii: "{"):
                    open.append(byte)
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if !open.isEmpty { open.removeLast() }
                    index += 1
                default:
                    index += 1
                }
            }
            return nil
        }

        /// A value, or where a list could also end: the first byte decides, a bare word must be a
        /// whole number, true or false.
        private mutating func checkValue(startingWith byte: UInt8) -> Refusal? {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString(quote: byte)
            case UInt8(ascii: "["):
                open.append(byte)
                expectingValue = true
                index += 1
            case UInt8(ascii: "{"):
                open.append(byte)
                index += 1
            case UInt8(ascii: "]") where inList:
                open.removeLast()
                index += 1
            case UInt8(ascii: ","), UInt8(ascii: "="):
                // Not a value, and toml++ says so itself.
                index += 1
            default:
                let start = index
                while index < bytes.count, !Self.endsWord(bytes[index]) { index += 1 }
                guard Self.isWholeNumberOrBoolean(bytes[start..<index]) else { return Refusal(line: line, reason: Self.value) }
            }
            return nil
        }

        /// After a `[` that starts a header: `[` again for a table array (touching the first),
        /// blanks, then what toml++ reads as the start of a key, or the `]` it refuses itself.
        private func headerIsReadable() -> Bool {
            var at = index + 1
            let afterBracket = at
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t") { at += 1 }
            if at == afterBracket, at < bytes.count, bytes[at] == UInt8(ascii: "[") {
                at += 1
                while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t") { at += 1 }
            }
            // At the end of the text toml++ reports the missing name itself.
            guard at < bytes.count else { return true }
            return Self.startsKey(bytes[at]) || bytes[at] == UInt8(ascii: "]")
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

        private static let header = "not TOML: a table header names a section, e.g. [service]"
        private static let value = "a value is a string in quotes, a whole number, true or false, or a list of them; dates, times and fractions are not used here"

        /// A bare key's characters (A-Z, a-z, 0-9, `-`, `_`) or a quote.
        private static func startsKey(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                true
            default:
                false
            }
        }

        /// What ends a bare value for toml++.
        private static func endsWord(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ","), UInt8(ascii: "]"),
                 UInt8(ascii: "}"), UInt8(ascii: "#"):
                true
            default:
                false
            }
        }

        /// `true`, `false`, or an integer as TOML writes one: an optional sign and decimal digits,
        /// or 0x, 0o, 0b and their digits, with underscores between digits. toml++ checks the
        /// details; what matters here is that it never reads a date, a time or a fraction.
        private static func isWholeNumberOrBoolean(_ word: ArraySlice<UInt8>) -> Bool {
            if word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) { return true }
            var digits = word
            if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { digits = digits.dropFirst() }
            let allowed: ClosedRange<UInt8>
            var extra: ClosedRange<UInt8>? = nil
            if digits.starts(with: "0x".utf8) {
                digits = digits.dropFirst(2)
                allowed = UInt8(ascii: "0")...UInt8(ascii: "9")
                extra = UInt8(ascii: "a")...UInt8(ascii: "f")
            } else if digits.starts(with: "0o".utf8) {
                digits = digits.dropFirst(2)
                allowed = UInt8(ascii: "0")...UInt8(ascii: "7")
            } else if digits.starts(with: "0b".utf8) {
                digits = digits.dropFirst(2)
                allowed = UInt8(ascii: "0")...UInt8(ascii: "1")
            } else {
                allowed = UInt8(ascii: "0")...UInt8(ascii: "9")
            }
            return !digits.isEmpty && digits.allSatisfy { byte in
                let lower = byte | 0x20
                return allowed.contains(byte) || byte == UInt8(ascii: "_") || (extra?.contains(lower) ?? false)
            }
        }
    }
}
