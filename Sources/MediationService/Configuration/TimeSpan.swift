import Foundation

/// Parses time spans the way systemd writes them ("90s", "5min", "1h 30min", "0"), so operators
/// use one notation for the unit file and for this daemon's configuration.
public enum TimeSpan {
    private static let units: [(suffixes: [String], seconds: Double)] = [
        (["ms", "msec"], 0.001),
        (["s", "sec", "second", "seconds"], 1),
        (["m", "min", "minute", "minutes"], 60),
        (["h", "hr", "hour", "hours"], 3_600),
        (["d", "day", "days"], 86_400),
    ]

    /// The span in seconds, or nil when the text is not a time span.
    public static func seconds(_ text: String) -> Double? {
        var total = 0.0
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count).drop { $0 == " " }
            if unit.isEmpty {
                // A bare number means seconds, as in systemd.
                total += value
            } else if let match = units.first(where: { $0.suffixes.contains(String(unit)) }) {
                total += value * match.seconds
            } else {
                return nil
            }
        }
        return total.isFinite ? total : nil
    }

    /// Renders seconds in the same notation, to the millisecond: 1.5 seconds is "1s 500ms", which
    /// reads back as 1.5 (it was "2s", so the configuration in force printed as another; found
    /// with Fuzz/fuzz-config's read-back property).
    public static func format(seconds: Double) -> String {
        var remaining = Int((seconds * 1000).rounded())
        var parts: [String] = []
        for (suffix, size) in [("d", 86_400_000), ("h", 3_600_000), ("min", 60_000), ("s", 1_000), ("ms", 1)] where remaining >= size {
            parts.append("\(remaining / size)\(suffix)")
            remaining %= size
        }
        return parts.isEmpty ? "0" : parts.joined(separator: " ")
    }
}
