import MediationService

/// `session suggest` for people: the slots, and plainly whether they miss the case's session
/// deadline, since booking one of those needs a reason.
struct SlotListing {
    let slots: [WireSlot]

    func rendered(style: TextStyle) -> String {
        guard !slots.isEmpty else {
            return "No free slots found; try another mediator, place or a shorter duration, or add hours (mediator set-hours)."
        }
        var table = TextTable("START", "MEDIATOR", "PLACE")
        for slot in slots {
            let start = slot.afterDeadline ? "\(slot.startLocal) (after deadline)" : slot.startLocal
            table.append([TextTable.Cell(start, warning: slot.afterDeadline), TextTable.Cell(slot.mediator), TextTable.Cell(slot.place)])
        }
        let after = slots.filter(\.afterDeadline).count
        let hint = "booking after the deadline takes --after-deadline with the reason"
        if after == slots.count {
            return [style.warning("nothing fits before the session deadline; the first slots after it:"), table.rendered(style: style), style.dim(hint)].joined(separator: "\n")
        }
        if after > 0 {
            return [table.rendered(style: style), style.dim("only \(slots.count - after) slot(s) fit before the session deadline; \(hint)")].joined(separator: "\n")
        }
        return table.rendered(style: style)
    }
}
