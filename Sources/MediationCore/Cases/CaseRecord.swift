/// A case with everything a change reads and writes as a whole: its deadlines, the agreements
/// made in its sessions, and its investigation.
public struct CaseRecord: Sendable, Equatable {
    public var file: CaseFile
    /// Oldest first. At most one process deadline is open at a time (the intake's, then the
    /// track's); obligations' deadlines come beside it.
    public var deadlines: [Deadline]
    public var agreements: [Agreement]
    public var questions: [InvestigationQuestion]
    public var conclusion: InvestigationConclusion?
    /// The numbers the next agreement and question get; the store hands them out, since they are
    /// unique across cases.
    public var numbering: Numbering

    /// Numbers unique across all cases, taken by changes to this one.
    public struct Numbering: Sendable, Equatable {
        public var nextAgreement: Int64
        public var nextQuestion: Int64

        public init(nextAgreement: Int64 = 1, nextQuestion: Int64 = 1) {
            self.nextAgreement = nextAgreement
            self.nextQuestion = nextQuestion
        }
    }

    public init(file: CaseFile, deadlines: [Deadline], agreements: [Agreement] = [], questions: [InvestigationQuestion] = [],
                conclusion: InvestigationConclusion? = nil, numbering: Numbering = Numbering()) {
        self.file = file
        self.deadlines = deadlines
        self.agreements = agreements
        self.questions = questions
        self.conclusion = conclusion
        self.numbering = numbering
    }

    /// The process's open deadline: the intake's or the track's.
    public var openDeadline: Deadline? {
        openDeadlineIndex.map { deadlines[$0] }
    }

    var openDeadlineIndex: Int? {
        deadlines.lastIndex { $0.state == .open && $0.kind.isProcessStep }
    }

    /// The open deadline of an obligation: an agreement's, or a question's answer or reaction term.
    func openDeadlineIndex(_ kind: DeadlineKind, subject: Int64) -> Int? {
        deadlines.lastIndex { $0.state == .open && $0.kind == kind && $0.subject == subject }
    }
}
