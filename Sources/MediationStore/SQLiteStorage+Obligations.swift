import Foundation
import GRDB
import MediationCore

/// Agreements and the investigation, read and written with the case they belong to.
extension SQLiteStorage {
    public func caseOfAgreement(_ id: Int64) async throws -> CaseReference? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT case_reference FROM agreement WHERE id = ?", arguments: [id]).map { try Self.reference($0) }
        }
    }

    public func caseOfQuestion(_ id: Int64) async throws -> CaseReference? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT case_reference FROM investigation_question WHERE id = ?", arguments: [id]).map { try Self.reference($0) }
        }
    }

    public func agreements(_ query: AgreementQuery) async throws -> Listing<AgreementSummary> {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let reference = query.caseReference {
            conditions.append("case_reference = ?")
            arguments += [reference.text]
        }
        if query.openOnly || query.overdueOn != nil { conditions.append("state = 'open'") }
        if let day = query.overdueOn {
            conditions.append("due < ?")
            arguments += [day.description]
        }
        let from = "FROM agreement" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        let pageArguments = arguments
        return try await pool.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: pageArguments) ?? 0
            let items = try Row.fetchAll(db, sql: "SELECT * \(from) ORDER BY due IS NULL, due, id LIMIT \(max(0, query.limit))", arguments: pageArguments).map { row in
                AgreementSummary(reference: try Self.reference(row["case_reference"]), agreement: try Self.agreement(row))
            }
            return Listing(items: items, total: total)
        }
    }

    static func fetchObligations(into record: inout CaseRecord, _ db: Database) throws {
        let reference = record.file.reference.text
        record.agreements = try Row.fetchAll(db, sql: "SELECT * FROM agreement WHERE case_reference = ? ORDER BY id", arguments: [reference]).map(agreement)
        record.questions = try Row.fetchAll(db, sql: "SELECT * FROM investigation_question WHERE case_reference = ? ORDER BY id", arguments: [reference]).map(question)
        record.conclusion = try Row.fetchOne(db, sql: "SELECT * FROM investigation_conclusion WHERE case_reference = ?", arguments: [reference]).map(conclusion)
    }

    /// The numbers the next agreement and question get. Read inside a change's write
    /// transaction, so no other change takes the same number; reads do not need them.
    static func numbering(_ db: Database) throws -> CaseRecord.Numbering {
        CaseRecord.Numbering(
            nextAgreement: (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM agreement") ?? 0) + 1,
            nextQuestion: (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM investigation_question") ?? 0) + 1)
    }

    static func saveObligations(_ record: CaseRecord, _ db: Database) throws {
        let reference = record.file.reference.text
        for agreement in record.agreements {
            try db.execute(sql: """
                INSERT INTO agreement (id, case_reference, session_id, party, text, due, state, note, settled_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET party = excluded.party, text = excluded.text, due = excluded.due, state = excluded.state,
                  note = excluded.note, settled_on = excluded.settled_on
                """, arguments: [
                    agreement.id, reference, agreement.sessionID, agreement.party.rawValue, agreement.text, agreement.due?.description,
                    agreement.state.rawValue, agreement.note, agreement.settledOn?.description,
                ])
        }
        for question in record.questions {
            try db.execute(sql: """
                INSERT INTO investigation_question (id, case_reference, party, text, asked_on, answer, answered_on, reaction, reacted_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET answer = excluded.answer, answered_on = excluded.answered_on,
                  reaction = excluded.reaction, reacted_on = excluded.reacted_on
                """, arguments: [
                    question.id, reference, question.party.rawValue, question.text, question.askedOn.description,
                    question.answer?.text, question.answer?.on.description, question.reaction?.text, question.reaction?.on.description,
                ])
        }
        if let conclusion = record.conclusion {
            try db.execute(sql: """
                INSERT INTO investigation_conclusion (case_reference, form, judgement, text, concluded_on) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(case_reference) DO UPDATE SET form = excluded.form, judgement = excluded.judgement, text = excluded.text,
                  concluded_on = excluded.concluded_on
                """, arguments: [reference, conclusion.form.rawValue, conclusion.judgement.rawValue, conclusion.text, conclusion.on.description])
        }
    }

    static func agreement(_ row: Row) throws -> Agreement {
        Agreement(
            id: row["id"], sessionID: row["session_id"],
            party: try Agreement.Party(rawValue: row["party"] ?? "").orCorrupt("agreement party"),
            text: row["text"], due: try (row["due"] as String?).map(date),
            state: try Agreement.State(rawValue: row["state"] ?? "").orCorrupt("agreement state"),
            note: row["note"], settledOn: try (row["settled_on"] as String?).map(date))
    }

    private static func question(_ row: Row) throws -> InvestigationQuestion {
        InvestigationQuestion(
            id: row["id"],
            party: try InvestigationQuestion.Party(rawValue: row["party"] ?? "").orCorrupt("question party"),
            text: row["text"], askedOn: try date(row["asked_on"]),
            answer: try reply(row["answer"], row["answered_on"]),
            reaction: try reply(row["reaction"], row["reacted_on"]))
    }

    private static func reply(_ text: String?, _ on: String?) throws -> InvestigationQuestion.Reply? {
        guard let text else { return nil }
        return InvestigationQuestion.Reply(text: text, on: try date(on))
    }

    private static func conclusion(_ row: Row) throws -> InvestigationConclusion {
        InvestigationConclusion(
            form: try InvestigationConclusion.Form(rawValue: row["form"] ?? "").orCorrupt("conclusion form"),
            judgement: try InvestigationConclusion.Judgement(rawValue: row["judgement"] ?? "").orCorrupt("conclusion judgement"),
            text: row["text"], on: try date(row["concluded_on"]))
    }
}
