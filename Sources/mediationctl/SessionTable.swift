import MediationService

/// Sessions one a row, soonest first as the daemon sends them. Lists carry case references,
/// never the parties' names.
struct SessionTable {
    let sessions: [WireSession]

    var table: TextTable {
        var table = TextTable("ID", "WHEN", "CASE", "MEDIATOR", "PLACE", "STATE")
        for session in sessions {
            table.append([
                TextTable.Cell(String(session.id)),
                TextTable.Cell(SessionSheet.when(session)),
                TextTable.Cell(session.case),
                TextTable.Cell(session.mediator),
                TextTable.Cell(session.place),
                TextTable.Cell(session.afterDeadlineReason == nil ? session.state : "\(session.state) (after deadline)"),
            ])
        }
        return table
    }

    func rendered(style: TextStyle) -> String {
        table.rendered(style: style)
    }
}
