import Foundation
import MediationCore
import MediationStore
import Varlink

/// `io.mediationd.Agreements`: what the parties agreed in a mediation session, its follow-up,
/// and the agreement document.
public enum AgreementsInterface {
    public static let name = "io.mediationd.Agreements"

    public static let description = """
    # Afspraken: what the parties agreed to do in a mediation session that took place, with a
    # due date reminded of like any deadline, followed up until kept or broken. Every change is
    # in the case's history and writes the agreement document anew (agreements/REF/ under the
    # state directory, each version kept). Dates are "YYYY-MM-DD" (Europe/Amsterdam).
    interface io.mediationd.Agreements

    # Who is to act: the complainant (verzoeker), the agency (bestuursorgaan), or the office.
    type Party (complainant, agency, office)

    # open, fulfilled (nagekomen) or breached (niet nagekomen).
    type State (open, fulfilled, breached)

    type Agreement (
      # Unique across cases.
      id: int,
      reference: string,
      # The session it was made in.
      session: int,
      party: Party,
      # The parties' own words.
      text: string,
      due: ?string,
      state: State,
      # Why it was breached.
      note: ?string,
      settledOn: ?string,
      overdue: bool
    )

    type Format (markdown, html)

    # Records an agreement made in a session that took place (held, or settled before it).
    method Add(session: int, party: Party, text: string, due: ?string) -> (agreement: Agreement)

    # Changes an open agreement; clearDue removes its due date.
    method Edit(agreement: int, party: ?Party, text: ?string, due: ?string, clearDue: ?bool) -> (agreement: Agreement)

    # The party did what it agreed.
    method Fulfil(agreement: int) -> (agreement: Agreement)

    # The party did not; the note says how.
    method Breach(agreement: int, note: string) -> (agreement: Agreement)

    # Agreements by due date, of one case or all, at most `limit` (default 500).
    method List(reference: ?string, open: ?bool, overdue: ?bool, limit: ?int) -> (agreements: []Agreement, total: int)

    # The case's agreement document as it stands, and the newest archived version's path.
    method Document(reference: string, format: ?Format) -> (text: string, archived: ?string)

    """ + CaseErrors.declarations + "\n"

    struct AddInput: Decodable, Sendable {
        var session: Int64
        var party: Agreement.Party
        var text: String
        var due: String?
    }

    struct EditInput: Decodable, Sendable {
        var agreement: Int64
        var party: Agreement.Party?
        var text: String?
        var due: String?
        var clearDue: Bool?
    }

    struct IDInput: Decodable, Sendable {
        var agreement: Int64
    }

    struct BreachInput: Decodable, Sendable {
        var agreement: Int64
        var note: String
    }

    struct ListInput: Decodable, Sendable {
        var reference: String?
        var open: Bool?
        var overdue: Bool?
        var limit: Int?
    }

    public static func make(agreements: AgreementService, cases: CaseService, documents: DocumentPublisher) throws -> VarlinkInterface {
        var methods = VarlinkMethodTable()
        @Sendable func reply(_ result: (CaseRecord, Agreement)) -> WireAgreementReply {
            WireAgreementReply(agreement: WireAgreement(result.1, reference: result.0.file.reference, today: cases.today))
        }
        methods.method("Add") { (input: AddInput, request) in
            let due = try input.due.map { try errors.errors.date($0, parameter: "due") }
            return reply(try await errors.run {
                try await agreements.add(session: input.session, party: input.party, text: input.text, due: due, author: ChangeAuthor.of(request.peer))
            })
        }
        methods.method("Edit") { (input: EditInput, request) in
            var edit = CaseWorkflow.AgreementEdit(party: input.party, text: input.text)
            if input.clearDue == true {
                edit.due = .some(nil)
            } else if let due = input.due {
                edit.due = .some(try errors.errors.date(due, parameter: "due"))
            }
            return reply(try await errors.run { try await agreements.edit(input.agreement, edit, author: ChangeAuthor.of(request.peer)) })
        }
        methods.method("Fulfil") { (input: IDInput, request) in
            reply(try await errors.run { try await agreements.fulfil(input.agreement, author: ChangeAuthor.of(request.peer)) })
        }
        methods.method("Breach") { (input: BreachInput, request) in
            reply(try await errors.run { try await agreements.breach(input.agreement, note: input.note, author: ChangeAuthor.of(request.peer)) })
        }
        methods.method("List") { (input: ListInput, _) in
            var query = AgreementQuery()
            query.caseReference = try input.reference.map { try errors.errors.reference($0) }
            query.openOnly = input.open ?? false
            query.overdueOn = input.overdue == true ? cases.today : nil
            query.limit = try errors.limit(input.limit)
            let listing = try await errors.run { try await agreements.list(query) }
            let today = cases.today
            return WireAgreementList(agreements: listing.items.map { WireAgreement($0.agreement, reference: $0.reference, today: today) }, total: listing.total)
        }
        methods.method("Document") { (input: DocumentInput, _) in
            let reference = try errors.errors.reference(input.reference)
            let format = (input.format ?? .markdown).format
            let text = try await errors.run { try await agreements.document(reference, format: format) }
            return WireDocument(text: text, archived: await documents.latestArchived(reference, .agreements, format))
        }
        return try VarlinkInterface(description: description, methods: methods)
    }

    private static let errors = CaseErrors(interface: name)
}
