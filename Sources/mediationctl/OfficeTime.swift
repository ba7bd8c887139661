import Foundation

/// Instants as staff read them: the office works in Dutch time, whatever the server's zone.
struct OfficeTime {
    // DateFormatter is not Sendable, so each rendering makes its own rather than sharing one.
    private let formatter: DateFormatter

    init(seconds: Bool = true) {
        self.init(format: seconds ? "yyyy-MM-dd HH:mm:ss zzz" : "yyyy-MM-dd HH:mm zzz")
    }

    /// Dates without a time, for what is counted in whole days, such as leave.
    static func days() -> OfficeTime {
        OfficeTime(format: "yyyy-MM-dd")
    }

    private init(format: String) {
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = format
    }

    func format(_ date: Date) -> String {
        formatter.string(from: date)
    }
}
