import MediationService
import Varlink

/// What every command that changes an agreement prints: the reply for --json, else a headline
/// and the agreement as it stands.
struct AgreementReport {
    let daemon: DaemonSocket
    let output: OutputOptions

    func run(_ method: String, _ parameters: [String: JSONValue], headline: (WireAgreement) -> String) async throws(CLIFailure) {
        try daemon.report("\(AgreementsInterface.name).\(method)", parameters, as: WireAgreementReply.self, output: output) { reply in
            headline(reply.agreement) + "\n" + Self.fields(of: reply.agreement).rendered(style: output.style)
        }
    }

    static func fields(of agreement: WireAgreement) -> FieldList {
        var fields = FieldList()
        fields.append("Case", agreement.reference)
        fields.append("Session", String(agreement.session))
        fields.append("Party", agreement.party.rawValue)
        fields.append("Agreed", agreement.text)
        fields.append("Due", TextTable.Cell(agreement.due.map { $0 + (agreement.overdue ? " (overdue)" : "") } ?? "no date", warning: agreement.overdue))
        fields.append("State", state(of: agreement))
        if let note = agreement.note { fields.append("Note", note) }
        return fields
    }

    static func state(of agreement: WireAgreement) -> String {
        switch agreement.state {
        case .open: "open"
        case .fulfilled: "fulfilled on \(agreement.settledOn ?? "?")"
        case .breached: "breached on \(agreement.settledOn ?? "?")"
        }
    }
}
