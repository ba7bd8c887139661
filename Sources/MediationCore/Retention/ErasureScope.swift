/// What a case on a destruction list (vernietigingslijst) will lose, counted from what it holds
/// when the list is prepared, so the admin who approves sees it per case.
public struct ErasureScope: Hashable, Sendable {
    public var agreements: Int
    public var questions: Int
    public var sessions: Int
    public var hasConclusion: Bool

    public init(agreements: Int, questions: Int, sessions: Int, hasConclusion: Bool) {
        self.agreements = agreements
        self.questions = questions
        self.sessions = sessions
        self.hasConclusion = hasConclusion
    }

    /// One phrase per kind of data, in the order a case file holds them.
    public var parts: [String] {
        var parts = ["complainant's name and contact details", "subject and reasons"]
        if agreements > 0 { parts.append("\(agreements) agreement text(s)") }
        if questions > 0 { parts.append("\(questions) question(s) with answers and reactions") }
        if sessions > 0 { parts.append("notes of \(sessions) session(s)") }
        if hasConclusion { parts.append("the conclusion's text") }
        parts.append("documents in the state directory")
        return parts
    }
}
