import MediationService

/// `mediationctl case show` for people: the case's facts, its deadlines and its history.
struct CaseSheet {
    let reply: WireShowReply
    let style: TextStyle

    var rendered: String {
        let time = OfficeTime()
        return [
            style.bold("Case \(reply.case.reference)"),
            facts.rendered(style: style),
            "",
            style.bold("Deadlines"),
            deadlines(time).rendered(style: style),
            "",
            style.bold("History"),
            HistoryTable(entries: reply.history).rendered(style: style),
        ].joined(separator: "\n")
    }

    private var facts: FieldList {
        let wireCase = reply.case
        var fields = FieldList()
        fields.append("Received", wireCase.received)
        fields.append("Agency", wireCase.agency)
        fields.append("Subject", wireCase.subject)
        fields.append("Complainant", "\(wireCase.complainant.name), \(wireCase.complainant.contact)")
        fields.append("Status", CaseChangeReport.status(of: wireCase))
        if let decision = wireCase.decision {
            let track = TrackArgument(decision.track)
            let body = decision.referredTo.map { " to \($0)" } ?? ""
            fields.append("Track", "\(track.rawValue) (\(track.dutch))\(body), decided \(decision.decidedOn): \(decision.reason)")
        }
        if let suspension = wireCase.suspension {
            fields.append("Suspended", "since \(suspension.since): \(suspension.reason)")
        }
        if let closure = wireCase.closure {
            fields.append("Outcome", "closed \(closure.on): \(closure.outcome)")
        }
        return fields
    }

    private func deadlines(_ time: OfficeTime) -> TextTable {
        var table = TextTable("DEADLINE", "DUE", "STATE", "SETTLED", "NEXT REMINDER")
        for deadline in reply.case.deadlines {
            table.append([
                TextTable.Cell(deadline.kind + (deadline.subject.map { " \($0)" } ?? "")),
                TextTable.Cell(Self.due(deadline), warning: deadline.overdue),
                TextTable.Cell(deadline.state),
                TextTable.Cell(deadline.settledOn ?? "-"),
                TextTable.Cell(deadline.nextReminder.map(time.format) ?? "-"),
            ])
        }
        return table
    }

    /// A due date, marked when it has passed while the deadline is still open.
    static func due(_ deadline: WireDeadline) -> String {
        deadline.overdue ? "\(deadline.due) (overdue)" : deadline.due
    }
}
