/// The clients' own record of what the daemon acknowledged, and of the calls left in doubt by a
/// kill: what the database must hold after every restart.
actor Ledger {
    /// A session as the clients know it: every start the daemon may hold for it. One, once a
    /// booking or move is acknowledged; two while a move is in doubt (the old start or the new).
    struct ExpectedSession {
        let reference: String
        let mediator: String
        let place: String
        var starts: Set<Int64>
    }

    /// Registered cases whose intake deadline had passed: each owes the journal a reminder.
    private(set) var overdueCases: Set<String> = []
    /// Registered cases decided for the mediation track.
    private(set) var mediationCases: Set<String> = []
    private(set) var sessions: [Int64: ExpectedSession] = [:]
    /// Agreement id → its text.
    private(set) var agreements: [Int64: String] = [:]
    /// Acknowledged moves of a session to another time.
    private(set) var moves = 0
    private(set) var acknowledgedCalls = 0
    private(set) var inDoubtCalls = 0
    private(set) var refusals: [String: Int] = [:]

    func acknowledged() { acknowledgedCalls += 1 }
    func inDoubt() { inDoubtCalls += 1 }
    func refused(_ error: String) { refusals[error, default: 0] += 1 }

    func registeredOverdue(_ reference: String) { overdueCases.insert(reference) }
    func decidedForMediation(_ reference: String) { mediationCases.insert(reference) }

    func booked(_ id: Int64, reference: String, mediator: String, place: String, start: Int64) {
        sessions[id] = ExpectedSession(reference: reference, mediator: mediator, place: place, starts: [start])
    }

    /// A move the daemon acknowledged: the session is there now, whatever was in doubt before.
    func moved(_ id: Int64, to start: Int64) {
        moves += 1
        sessions[id]?.starts = [start]
    }

    /// A move left in doubt: either start is right until a later move settles it.
    func mayHaveMoved(_ id: Int64, to start: Int64) {
        sessions[id]?.starts.insert(start)
    }

    func recordedAgreement(_ id: Int64, text: String) { agreements[id] = text }
}
