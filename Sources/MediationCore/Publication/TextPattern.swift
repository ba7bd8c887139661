import Foundation

/// A compiled pattern and the one question the anonymiser asks of it: where does it match?
/// Ranges are UTF-16 offsets, as NSRegularExpression counts; masking the kept names preserves
/// them, so ranges found in the masked text apply unchanged to the original.
struct TextPattern: Sendable {
    /// What a match turned out to be after a closer look than a pattern can take.
    enum Verdict: Sendable {
        /// Personal data: replace it.
        case identifier
        /// Shaped like personal data but failing its check (an IBAN with a wrong check digit):
        /// leave it as written, and let no other pattern take a piece of it.
        case lookalike
        /// Not what this pattern looks for; other patterns may still match here.
        case unrelated
    }

    struct Match: Sendable {
        let range: Range<Int>
        let verdict: Verdict
    }

    private let regex: NSRegularExpression
    private let group: Int
    private let judge: @Sendable (String) -> Verdict

    /// `group` is the part to replace when the pattern also matches context around it (the
    /// date after "geboren op", the plate after "kenteken").
    init(_ source: String, group: Int = 0, judge: @escaping @Sendable (String) -> Verdict = { _ in .identifier }) {
        do {
            regex = try NSRegularExpression(pattern: source)
        } catch {
            // Patterns are fixed or built from escaped values, so this is a programming error.
            preconditionFailure("invalid pattern \(source): \(error)")
        }
        self.group = group
        self.judge = judge
    }

    func matches(in text: String) -> [Match] {
        let string = NSString(string: text)
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).compactMap { result in
            let range = result.range(at: group)
            guard range.location != NSNotFound, range.length > 0 else { return nil }
            let verdict = judge(string.substring(with: range))
            guard verdict != .unrelated else { return nil }
            return Match(range: range.location ..< range.location + range.length, verdict: verdict)
        }
    }

    /// The ranges judged personal data.
    func ranges(in text: String) -> [Range<Int>] {
        matches(in: text).filter { $0.verdict == .identifier }.map(\.range)
    }
}
