import Foundation

/// RFC 3339 timestamps in UTC with whole seconds (`2027-01-15T08:00:00Z`), the form Varlink
/// replies use for dates.
///
/// The calendar fields come from the proleptic Gregorian calendar by arithmetic on the day
/// number (Howard Hinnant's `civil_from_days`): the same result as `gmtime_r`, without its lock
/// and without building the text from pieces. A reply writes the digits straight into its text.
public enum RFC3339 {
    public static func format(_ date: Date) -> String {
        var text = JSONText(capacity: 20)
        write(date, into: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    static func write(_ date: Date, into text: inout JSONText) {
        // Clamped far beyond any real date, so that the arithmetic below cannot overflow.
        let seconds = Int64(min(max(date.timeIntervalSince1970.rounded(.down), -4e15), 4e15))
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        if year < 0 { text.append(UInt8(ascii: "-")) }
        appendPadded(year.magnitude, width: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        appendPadded(UInt64(month), width: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        appendPadded(UInt64(day), width: 2, to: &text)
        text.append(UInt8(ascii: "T"))
        appendPadded(UInt64(secondOfDay / 3600), width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        appendPadded(UInt64(secondOfDay / 60 % 60), width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        appendPadded(UInt64(secondOfDay % 60), width: 2, to: &text)
        text.append(UInt8(ascii: "Z"))
    }

    /// `value` in decimal, zero-padded to at least `width` digits.
    private static func appendPadded(_ value: UInt64, width: Int, to text: inout JSONText) {
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        for _ in digits..<max(digits, width) { text.append(UInt8(ascii: "0")) }
        text.appendNumber(value)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// Year, month and day of the day `days` after 1970-01-01.
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
