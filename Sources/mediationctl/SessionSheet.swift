import MediationService

/// A session for people: what every command that books or changes one prints, and the top of
/// `session show`.
struct SessionSheet {
    let session: WireSession

    var fields: FieldList {
        // Every headline names the session's number, so the fields start with its case.
        var fields = FieldList()
        fields.append("Case", session.case)
        fields.append("When", Self.when(session))
        fields.append("Mediator", session.mediator)
        fields.append("Place", session.place)
        fields.append("State", session.state)
        if let reason = session.afterDeadlineReason {
            fields.append("After deadline", reason)
        }
        // Calendar clients replace an event they have when its sequence is higher.
        fields.append("Calendar", "\(session.uid), sequence \(session.sequence)")
        return fields
    }

    func rendered(headline: String, style: TextStyle) -> String {
        headline + "\n" + fields.rendered(style: style)
    }

    /// Start and end in Amsterdam time; the date once when both fall on the same day.
    static func when(_ session: WireSession) -> String {
        let start = session.startLocal.split(separator: " ")
        let end = session.endLocal.split(separator: " ")
        guard start.count == 2, end.count == 2, start[0] == end[0] else { return "\(session.startLocal) to \(session.endLocal)" }
        return "\(session.startLocal)-\(end[1])"
    }
}
