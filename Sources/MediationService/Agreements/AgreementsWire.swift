import Foundation
import MediationCore
import MediationStore

/// `io.mediationd.Agreements` on the wire, shared by the daemon and mediationctl.
public struct WireAgreement: Codable, Sendable, Equatable {
    public var id: Int64
    public var reference: String
    public var session: Int64
    public var party: Agreement.Party
    public var text: String
    public var due: String?
    public var state: Agreement.State
    public var note: String?
    public var settledOn: String?
    /// Open and past its due date.
    public var overdue: Bool

    public init(_ agreement: Agreement, reference: CaseReference, today: CalendarDate) {
        id = agreement.id
        self.reference = reference.text
        session = agreement.sessionID
        party = agreement.party
        text = agreement.text
        due = agreement.due?.description
        state = agreement.state
        note = agreement.note
        settledOn = agreement.settledOn?.description
        overdue = agreement.state == .open && (agreement.due.map { $0 < today } ?? false)
    }
}

public struct WireAgreementReply: Codable, Sendable {
    public var agreement: WireAgreement
}

public struct WireAgreementList: Codable, Sendable {
    public var agreements: [WireAgreement]
    public var total: Int
}

/// A rendered document, and where its newest archived version is.
public struct WireDocument: Codable, Sendable {
    public var text: String
    public var archived: String?
}

/// A document asked for: the case, and Markdown unless HTML is asked for.
struct DocumentInput: Decodable, Sendable {
    var reference: String
    var format: WireDocumentFormat?
}

public enum WireDocumentFormat: String, Codable, Sendable, CaseIterable {
    case markdown, html

    public var format: DocumentFormat { self == .markdown ? .markdown : .html }
}

public struct WirePublication: Codable, Sendable {
    /// "agreement" or "conclusion": which document was anonymised.
    public var document: String
    public var markdown: String
}
