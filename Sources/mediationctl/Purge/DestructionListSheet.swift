import MediationService

/// A destruction list for people: who decided what, the cut-off per outcome, and each case with
/// what it loses.
struct DestructionListSheet {
    let list: WireDestructionList
    let style: TextStyle

    var rendered: String {
        var lines = ["Destruction list \(list.id): \(Self.state(list.state)), prepared \(OfficeTime().format(list.preparedAt))"]
        if let decision = list.decision {
            let verb = list.state == .rejected ? "Rejected" : "Approved"
            lines.append("\(verb) by \(decision.login) (uid \(decision.uid)) at \(OfficeTime().format(decision.at))")
            if let reason = decision.rejectionReason { lines.append("Reason: \(reason)") }
        }
        if let executed = list.executedAt {
            lines.append("Carried out at \(OfficeTime().format(executed)): \(list.erasedCount) erased, \(list.items.count - list.erasedCount) skipped (reopened)")
        }
        var cutOffs = TextTable("OUTCOME", "TERM", "CLOSED ON OR BEFORE")
        for cutOff in list.cutOffs {
            cutOffs.append([.init(cutOff.category.rawValue), .init(cutOff.term), .init(cutOff.closedOnOrBefore)])
        }
        var items = TextTable("REFERENCE", "OUTCOME", "CLOSED", "RESULT", "WHAT GOES")
        for item in list.items {
            items.append([.init(item.reference), .init(item.category.rawValue), .init(item.closedOn),
                          .init(item.result.map(Self.result) ?? "-"), .init(item.erases.joined(separator: "; "))])
        }
        lines += ["", cutOffs.rendered(style: style), "", items.renderedWithCount(style: style)]
        return lines.joined(separator: "\n")
    }

    static func state(_ state: WireDestructionList.State) -> String {
        switch state {
        case .pending: "awaits approval"
        case .approved: "approved, being carried out"
        case .executed: "approved and carried out"
        case .rejected: "rejected"
        }
    }

    private static func result(_ result: WireDestructionList.Result) -> String {
        switch result {
        case .erased: "erased"
        case .skippedReopened: "skipped: reopened"
        }
    }
}
