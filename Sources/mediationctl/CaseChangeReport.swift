import MediationService
import Varlink

/// What every command that changes a case prints: the daemon's reply for --json, else a
/// headline and where the case stands now, so nobody needs a `case show` to see the new due date.
struct CaseChangeReport {
    let daemon: DaemonSocket
    let output: OutputOptions

    /// Calls `Cases.<method>` and prints the case it returns.
    func run(_ method: String, _ parameters: [String: JSONValue], headline: (WireCase) -> String) async throws(CLIFailure) {
        let (raw, reply) = try daemon.call("\(CasesInterface.name).\(method)", parameters: parameters, as: WireCaseReply.self)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        print(headline(reply.case))
        print(Self.fields(of: reply.case).rendered(style: output.style))
    }

    static func fields(of wireCase: WireCase) -> FieldList {
        var fields = FieldList()
        fields.append("Reference", wireCase.reference)
        fields.append("Received", wireCase.received)
        fields.append("Status", status(of: wireCase))
        if let open = wireCase.deadlines.last(where: { $0.state == "open" && $0.subject == nil }) {
            let standing = wireCase.suspension == nil ? "" : " (stands still while suspended)"
            fields.append("\(open.kind.capitalizedFirst) due", TextTable.Cell(CaseSheet.due(open) + standing, warning: open.overdue))
        } else {
            fields.append("Deadline", "none open")
        }
        return fields
    }

    static func status(of wireCase: WireCase) -> String {
        if let closure = wireCase.closure { return "closed on \(closure.on)" }
        if let suspension = wireCase.suspension { return "suspended since \(suspension.since) (opschorting)" }
        if let decision = wireCase.decision { return "in track: \(decision.track.label)" }
        return wireCase.status.label
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
