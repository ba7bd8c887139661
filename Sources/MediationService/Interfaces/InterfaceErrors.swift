import MediationCore
import Varlink

/// Errors of one interface: every one carries a `message` that says what is wrong and what to
/// do, so that any client, not only mediationctl, can show it.
struct InterfaceErrors: Sendable {
    let interface: String

    func make(_ name: String, _ parameters: [String: JSONValue], _ message: String) -> VarlinkError {
        VarlinkError("\(interface).\(name)", parameters: parameters.merging(["message": .string(message)]) { $1 })
    }

    func reference(_ text: String) throws(VarlinkError) -> CaseReference {
        guard let reference = CaseReference(text) else {
            throw make("InvalidReference", ["reference": .string(text)],
                       "\"\(text)\" is not a case reference; use letters, digits, '-', '/' and '.', at most 32 characters")
        }
        return reference
    }

    func date(_ text: String, parameter: String) throws(VarlinkError) -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw make("InvalidDate", ["parameter": .string(parameter), "value": .string(text)],
                       "\(parameter) \"\(text)\" is not a date that exists; write it as YYYY-MM-DD")
        }
        try supported(date, parameter: parameter)
        return date
    }

    /// Refuses a day outside `CalendarDate.supportedRange`.
    func supported(_ date: CalendarDate, parameter: String) throws(VarlinkError) {
        let range = CalendarDate.supportedRange
        guard !range.contains(date) else { return }
        throw dateOutOfRange(what: parameter, date: date, range: range,
                             "\(parameter) \(date) is outside the dates the office works with, \(range.lowerBound) to \(range.upperBound)")
    }

    func dateOutOfRange(what: String, date: CalendarDate, range: ClosedRange<CalendarDate>, _ message: String) -> VarlinkError {
        make("DateOutOfRange", ["what": .string(what), "date": .string(date.description),
                                "earliest": .string(range.lowerBound.description), "latest": .string(range.upperBound.description)], message)
    }

    /// Declared by every interface whose methods take or compute dates.
    static let dateOutOfRangeDeclaration = """
    # A date given, or a due date computed from a term, lies outside the dates the office works
    # with (earliest to latest, inclusive).
    error DateOutOfRange (what: string, date: string, earliest: string, latest: string, message: string)
    """
}
