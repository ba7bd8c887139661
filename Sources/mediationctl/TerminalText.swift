import Foundation
import Glibc
import Varlink

/// Text from the daemon, made safe for a terminal: what clients stored there is shown, never
/// obeyed. Control characters (ESC and so CSI and OSC sequences, CR, BEL, backspace, DEL, and
/// the C1 controls, among them the one-character CSI and OSC) are written as escapes, the way
/// systemctl shows them: `\x1b`, `\r`, `\a`, `\u009b`. Line breaks and tabs stay where a text
/// may span lines. `--json` output is never escaped: scripts get the text exact.
enum TerminalText {
    static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        let breaks: (Unicode.Scalar) -> Bool = { !keepingLineBreaks && ($0 == "\n" || $0 == "\t") }
        guard text.unicodeScalars.contains(where: { needsEscape($0) || breaks($0) }) else { return text }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n" where keepingLineBreaks, "\t" where keepingLineBreaks:
                result.unicodeScalars.append(scalar)
            case "\r" where keepingLineBreaks && index + 1 < scalars.count && scalars[index + 1] == "\n":
                // CRLF ends the lines of iCalendar text; it moves no cursor a LF would not.
                result.unicodeScalars.append(scalar)
            case _ where needsEscape(scalar) || breaks(scalar):
                result += escape(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Every string in a reply escaped, for the tables and sheets made from it.
    static func escapingStrings(in value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(escaped(text))
        case .array(let items): .array(items.map(escapingStrings))
        case .object(let members): .object(members.mapValues(escapingStrings))
        default: value
        }
    }

    /// A document for standard output: exact into a file or a pipe, escaped on a terminal.
    static func forStandardOutput(_ text: String) -> String {
        isatty(STDOUT_FILENO) == 1 ? escaped(text) : text
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || (0x7F...0x9F).contains(scalar.value)
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{07}": "\\a"
        case "\u{08}": "\\b"
        case "\u{0C}": "\\f"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{0B}": "\\v"
        case _ where scalar.value < 0x80: "\\x" + hex(scalar.value, width: 2)
        default: "\\u" + hex(scalar.value, width: 4)
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
